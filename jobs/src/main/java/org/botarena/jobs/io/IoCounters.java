package org.botarena.jobs.io;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/** How many bot messages this instance passed locally and through the broker (for ops and tests). */
@ApplicationScoped
public class IoCounters {

  final AtomicLong local = new AtomicLong();
  final AtomicLong remoteSent = new AtomicLong();
  final AtomicLong remoteReceived = new AtomicLong();

  public long local() {
    return local.get();
  }

  public long remoteSent() {
    return remoteSent.get();
  }

  public long remoteReceived() {
    return remoteReceived.get();
  }
}
