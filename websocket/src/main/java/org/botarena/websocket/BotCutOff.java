package org.botarena.websocket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.botarena.arena.application.SessionRegistry;
import org.botarena.arena.play.BotIo;
import org.botarena.arena.play.ToBot;

/**
 * Cuts a connected bot off when its token was revoked or rotated (tokens are checked at hello
 * only): the gateway holding its socket, on whatever instance, sends AUTH_FAILED and closes it
 * with 4001; its running games end as disconnects. Call it after the revocation has committed, so
 * that a reconnect with the old token already fails.
 */
@ApplicationScoped
public class BotCutOff {

  private static final Logger LOG = Logger.getLogger(BotCutOff.class.getName());

  @Inject SessionRegistry sessions;
  @Inject BotIo io;

  public void cutOff(long botId) {
    sessions.instanceOf(botId).ifPresent(instance -> {
      LOG.info(() -> "cutting off bot " + botId + " on " + instance + ": its token was revoked");
      io.toBot(instance, new ToBot(botId, null, null, ToBot.Kind.REVOKED, Gateway.TOKEN_REVOKED));
    });
  }
}
