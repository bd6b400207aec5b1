package org.botarena.jobs.io;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import org.botarena.arena.play.IoTraffic;

/**
 * How many bot messages this instance passed locally and through the broker (for ops and tests).
 */
@ApplicationScoped
public class IoCounters implements IoTraffic {

  // fields are private: callers go through the CDI proxy, whose own fields are not these
  private final AtomicLong local = new AtomicLong();
  private final AtomicLong remoteSent = new AtomicLong();
  private final AtomicLong remoteReceived = new AtomicLong();

  void countLocal() {
    local.incrementAndGet();
  }

  void countSent() {
    remoteSent.incrementAndGet();
  }

  void countReceived() {
    remoteReceived.incrementAndGet();
  }

  @Override
  public long local() {
    return local.get();
  }

  @Override
  public long remoteSent() {
    return remoteSent.get();
  }

  @Override
  public long remoteReceived() {
    return remoteReceived.get();
  }
}
