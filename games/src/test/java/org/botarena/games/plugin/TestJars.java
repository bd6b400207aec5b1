package org.botarena.games.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.botarena.games.spi.GameType;

/**
 * Game jars built by the tests: the example game of {@code examples/coins-game} (docs/games.md),
 * compiled from its sources as its module would build it, and broken ones.
 */
public final class TestJars {

  /** The example game's module, beside this one. */
  public static final Path EXAMPLE = Path.of("../examples/coins-game/src/main").toAbsolutePath();

  private TestJars() {}

  /** The example game's jar, compiled from its sources into {@code dir/NAME}. */
  public static Path exampleGame(Path dir, String name) throws IOException {
    return compile(dir, name, javaFiles(EXAMPLE.resolve("java")), exampleService());
  }

  /** The example's service entry: its game type's class name. */
  public static String exampleService() throws IOException {
    return Files.readString(EXAMPLE.resolve("resources/" + GameJars.SERVICE));
  }

  /**
   * A jar of {@code sources} (class name to source text, compiled together with the example's
   * sources when {@code withExample}) whose service entry is {@code service} (null: none).
   */
  public static Path jarOf(
      Path dir, String name, Map<String, String> sources, String service, boolean withExample)
      throws IOException {
    Path src = Files.createDirectories(dir.resolve(name + "-src"));
    List<Path> files =
        new ArrayList<>(withExample ? javaFiles(EXAMPLE.resolve("java")) : List.of());
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      files.add(file);
    }
    return compile(dir, name, files, service);
  }

  /** A jar with these entries as they are (e.g. a service entry naming a class it lacks). */
  public static Path rawJar(Path dir, String name, Map<String, String> entries) throws IOException {
    Path jar = dir.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        out.putNextEntry(new JarEntry(entry.getKey()));
        out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }

  /**
   * The source of a game type named {@code game} whose constructor runs {@code constructor} and
   * whose other methods are never reached by loading.
   */
  public static String stubType(String className, String game, String constructor) {
    int dot = className.lastIndexOf('.');
    return "package "
        + className.substring(0, dot)
        + ";\n"
        + "public final class "
        + className.substring(dot + 1)
        + " implements org.botarena.games.spi.GameType {\n"
        + "  public "
        + className.substring(dot + 1)
        + "() { "
        + constructor
        + " }\n"
        + "  public String name() { return \""
        + game
        + "\"; }\n"
        + "  public String version() { return \"1\"; }\n"
        + "  public int players() { return 2; }\n"
        + "  public com.fasterxml.jackson.databind.node.ObjectNode config("
        + "com.fasterxml.jackson.databind.JsonNode o) { return null; }\n"
        + "  public org.botarena.games.spi.Game create("
        + "com.fasterxml.jackson.databind.node.ObjectNode c, long s) { return null; }\n"
        + "  public org.botarena.games.spi.Game restore("
        + "com.fasterxml.jackson.databind.JsonNode s) { return null; }\n"
        + "  public java.util.Map<String, org.botarena.games.spi.HouseBot.Factory> houseBots() {"
        + " return java.util.Map.of(); }\n"
        + "}\n";
  }

  private static List<Path> javaFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static Path compile(Path dir, String name, List<Path> sources, String service)
      throws IOException {
    Path classes = Files.createDirectories(dir.resolve(name + "-classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classPath()));
    sources.forEach(s -> args.add(s.toString()));
    int status = javac.run(null, null, null, args.toArray(String[]::new));
    if (status != 0) {
      throw new IllegalStateException("the test game " + name + " does not compile");
    }
    Path jar = dir.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
      if (service != null) {
        out.putNextEntry(new JarEntry(GameJars.SERVICE));
        out.write(service.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }

  /** The SPI's class path: the games module, the protocol, Jackson. */
  private static String classPath() {
    try {
      return String.join(
          File.pathSeparator,
          location(GameType.class),
          location(org.botarena.protocol.Json.class),
          location(JsonNode.class),
          location(com.fasterxml.jackson.core.JsonParser.class),
          location(com.fasterxml.jackson.annotation.JsonProperty.class));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
