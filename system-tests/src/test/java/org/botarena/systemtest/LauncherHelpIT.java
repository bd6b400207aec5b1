package org.botarena.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The launcher's help, run as a user runs it ({@code ./arena ... --help} from the project's root):
 * every command answers with its usage and exit code 0, and builds and starts nothing.
 */
class LauncherHelpIT {

  private static final Path ROOT =
      Path.of(System.getProperty("arena.root", "..")).toAbsolutePath().normalize();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--help",
        "-h",
        "help",
        "help up",
        "demo --help",
        "demo -h",
        "up --help",
        "up -h",
        "up --instances 2 --help",
        "stop --help",
        "stop -h",
        "status --help",
        "status -h",
        "test --help",
        "test -h",
        "admin --help",
        "admin -h",
        "admin help",
        "local --help",
        "local -h",
        "games --help",
        "games -h",
        "games check --help",
        "bench --help",
        "bench -h",
        "bench help",
        "bench ratings --help",
        "bench engine --help",
        "bench echo --help",
        "bench load --help",
        "bench load -h",
        "build --help",
        "build -h",
        "restart-broker --help",
        "restart-broker -h",
        "start-instance --help",
        "start-instance -h",
        "verify-ear --help",
        "verify-ear -h",
        "help --help"
      })
  void helpPrintsTheUsageAndBuildsNothing(String arguments) throws Exception {
    Run run = launcher(arguments.split(" "));
    assertEquals(0, run.exitCode, run.output);
    assertTrue(run.output.startsWith("usage:"), run.output);
    assertNoBuild(run);
  }

  @Test
  void eachCommandsHelpIsItsOwn() throws Exception {
    assertTrue(launcher("up", "--help").output.startsWith("usage: ./arena up [--instances N]"));
    assertTrue(launcher("bench", "load", "--help").output.startsWith("usage: ./arena bench load "));
    assertTrue(launcher("verify-ear", "-h").output.startsWith("usage: ./arena verify-ear "));
  }

  @Test
  void theUsageListsEveryCommandTheLauncherDispatches() throws Exception {
    String usage = launcher("--help").output;
    List<String> commands = dispatchedCommands();
    assertTrue(commands.size() >= 12, "the dispatch was found: " + commands);
    for (String command : commands) {
      assertTrue(
          Pattern.compile("(?m)^  " + Pattern.quote(command) + "( |$)").matcher(usage).find(),
          command + " is missing from the usage:\n" + usage);
      Run help = launcher(command, "--help");
      assertEquals(0, help.exitCode, help.output);
      assertTrue(help.output.startsWith("usage:"), help.output);
      assertNoBuild(help);
    }
  }

  @Test
  void anUnknownCommandPrintsTheUsageAndFails() throws Exception {
    for (String[] arguments :
        List.of(
            new String[] {"no-such-command"},
            new String[] {"no-such-command", "--help"},
            new String[] {"bench", "no-such-bench"},
            new String[] {"help", "no-such-command"})) {
      Run run = launcher(arguments);
      assertEquals(2, run.exitCode, run.output);
      assertTrue(run.output.startsWith("usage:"), run.output);
      assertNoBuild(run);
    }
  }

  private static void assertNoBuild(Run run) {
    assertFalse(
        run.output.lines().anyMatch(line -> line.contains("building")),
        "a build started:\n" + run.output);
  }

  /** The commands of the launcher's last case statement, the one that dispatches them. */
  private static List<String> dispatchedCommands() throws IOException {
    String script = Files.readString(ROOT.resolve("arena"));
    String dispatch = script.substring(script.lastIndexOf("case $cmd in"));
    List<String> commands = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^  ([a-z][a-z-]*)\\)").matcher(dispatch);
    while (m.find()) {
      commands.add(m.group(1));
    }
    return commands;
  }

  private record Run(int exitCode, String output) {}

  private static Run launcher(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("./arena"));
    command.addAll(List.of(arguments));
    Process process =
        new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    CompletableFuture<byte[]> output =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return process.getInputStream().readAllBytes();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      // a help that builds or starts something: stop it and what it started
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError(
          "./arena " + String.join(" ", arguments) + " did not end within 60 s");
    }
    return new Run(
        process.exitValue(), new String(output.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
  }
}
