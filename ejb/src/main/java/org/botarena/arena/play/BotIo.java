package org.botarena.arena.play;

/** Carries messages between runners and gateways, wherever each is. */
public interface BotIo {

  void toBot(String gatewayInstance, ToBot message);

  void toRunner(String runnerInstance, ToRunner message);
}
