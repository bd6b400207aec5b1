package org.botarena.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.botarena.protocol.Json;

/**
 * Many protocol bots that behave like the SDKs in front of a proxy: when their connection drops,
 * they connect again to an instance that is alive (the fault tests say which ones are). Each plays
 * {@code simple} with random moves after a think time, so that games last long enough to be caught
 * in the middle by a fault.
 */
final class Fleet implements AutoCloseable {

  /** One bot of the fleet and its current connection. */
  record Member(String name, String token, int home, AtomicReference<ProtocolBot> bot) {}

  private final Stack stack;
  private final List<Member> members = new ArrayList<>();
  private final Set<Integer> alive = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
  private final int thinkMs;
  private volatile boolean closing;

  Fleet(Stack stack, String prefix, int size, int instances, int thinkMs) throws Exception {
    this(stack, prefix, size, instances, thinkMs, 1);
  }

  /**
   * A fleet whose bots belong to {@code teams} teams (PREFIX-team0, PREFIX-team1, ...), dealt in
   * turn.
   */
  Fleet(Stack stack, String prefix, int size, int instances, int thinkMs, int teams)
      throws Exception {
    this.stack = stack;
    this.thinkMs = thinkMs;
    for (int i = 1; i <= instances; i++) {
      alive.add(i);
    }
    for (int i = 0; i < size; i++) {
      String name = prefix + i;
      String team = teams == 1 ? prefix : prefix + "-team" + (i % teams);
      Member member =
          new Member(name, stack.addBot(team, name), 1 + i % instances, new AtomicReference<>());
      member.bot().set(connect(member, member.home()));
      members.add(member);
    }
    watcher.scheduleWithFixedDelay(this::reconnectDropped, 500, 500, TimeUnit.MILLISECONDS);
  }

  /** From now on nobody connects to {@code instance} (it was killed). */
  void dead(int instance) {
    alive.remove(instance);
  }

  /** {@code instance} takes connections again (it was started again). */
  void alive(int instance) {
    alive.add(instance);
  }

  List<Member> members() {
    return members;
  }

  private ProtocolBot connect(Member member, int instance) throws Exception {
    SplittableRandom random = new SplittableRandom(member.name().hashCode());
    Function<JsonNode, JsonNode> policy =
        step -> {
          try {
            Thread.sleep(thinkMs);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Json.array().add(random.nextInt(4));
        };
    ProtocolBot bot = new ProtocolBot(member.name(), policy).answeringReady(true);
    bot.join(stack.botUrl(instance), member.token());
    return bot;
  }

  private void reconnectDropped() {
    for (Member member : members) {
      if (closing || !member.bot().get().closed.isDone()) {
        continue;
      }
      int instance = alive.contains(member.home()) ? member.home() : alive.iterator().next();
      try {
        member.bot().set(connect(member, instance));
      } catch (Exception e) {
        // the instance may be restarting its connections: the next round tries again
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    closing = true;
    watcher.shutdownNow();
    watcher.awaitTermination(5, TimeUnit.SECONDS);
    for (Member member : members) {
      member.bot().get().close();
    }
  }
}
