package org.botarena.arena.bots;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.botarena.arena.play.BotIo;
import org.botarena.arena.play.ToBot;
import org.botarena.arena.sessions.SessionRegistry;
import org.botarena.protocol.ErrorCode;
import org.botarena.protocol.Frame;

/**
 * Cuts a connected bot off when its token was revoked or rotated (tokens are checked at hello
 * only): the gateway holding its socket, on whatever instance, sends AUTH_FAILED and closes it with
 * 4001; its running games end as disconnects. Only once the revocation has committed, so that a
 * reconnect with the old token already fails.
 */
@ApplicationScoped
public class BotCutOff {

  private static final Logger LOG = Logger.getLogger(BotCutOff.class.getName());
  private static final String TOKEN_REVOKED =
      new Frame.Error(ErrorCode.AUTH_FAILED, "this bot's token was revoked or rotated").json();

  @Inject SessionRegistry sessions;
  @Inject BotIo io;

  void cutOff(@Observes(during = TransactionPhase.AFTER_SUCCESS) TokenRevoked revoked) {
    long botId = revoked.botId();
    sessions
        .instanceOf(botId)
        .ifPresent(
            instance -> {
              LOG.info(
                  () -> "cutting off bot " + botId + " on " + instance + ": its token was revoked");
              io.toBot(instance, new ToBot(botId, null, null, ToBot.Kind.REVOKED, TOKEN_REVOKED));
            });
  }
}
