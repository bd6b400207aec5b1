package org.botarena.arena.platform;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Executors of our own for work that may block on the database or the broker, and for the timers of
 * every step. The server's default managed scheduled executor runs on one thread (Payara's core
 * pool size is 0): a call that hangs there holds up every step deadline of the instance. And it
 * captures the caller's context for each task it is given, which scans the application's class path
 * for providers (a profile of 50 bots: a sixth of the instance's CPU); our threads get the
 * application's context once, when they are made.
 */
public final class NamedThreads {

  private NamedThreads() {}

  /**
   * {@code size} managed threads (the application's context, so EJB calls work) named {@code
   * name-1, name-2, ...} for thread dumps; shut it down with the bean that made it.
   */
  public static ScheduledExecutorService executor(
      ManagedThreadFactory threads, String name, int size) {
    AtomicLong count = new AtomicLong();
    ThreadFactory named =
        task -> {
          Thread thread = threads.newThread(task);
          thread.setName(name + "-" + count.incrementAndGet());
          return thread;
        };
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(size, named);
    // a step's deadline is cancelled when the bot answers, thousands a second: out of the queue at
    // once, not when it would have run
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }
}
