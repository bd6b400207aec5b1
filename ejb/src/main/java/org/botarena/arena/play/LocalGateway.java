package org.botarena.arena.play;

import java.util.Set;
import java.util.UUID;

/** This instance's gateway: the sockets of the bots connected here. */
public interface LocalGateway {

  /** Sends a frame to a bot connected here; false if it is not (any more). */
  boolean deliver(ToBot message);

  /**
   * Each connection here whose session is not among {@code alive} (the sessions the heartbeat found
   * for this instance) gets it back, unless its bot has a session elsewhere, and is asked {@code
   * ready?} again.
   */
  void restoreLostSessions(Set<UUID> alive);

  /** How many bots are connected here (the status page and the liveness check show it). */
  int connected();
}
