package org.botarena.web;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.stream.StreamSupport;
import org.botarena.arena.infrastructure.InstanceIdentity;
import org.botarena.arena.matchmaking.Matchmaker;
import org.botarena.jobs.io.IoCounters;
import org.botarena.jobs.runner.MatchEngine;
import org.botarena.websocket.Gateway;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** {@code GET /arena/api/status}: what this instance is doing (for operators, the launcher and tests). */
@Path("status")
public class StatusResource {

  /** Only the rules: never the database or broker credentials. */
  private static final List<String> SHOWN =
      List.of("arena.matchmaking.", "arena.ratings.", "arena.match.", "arena.step.", "arena.training.", "arena.session.");

  @Inject InstanceIdentity instance;
  @Inject Matchmaker matchmaker;
  @Inject MatchEngine engine;
  @Inject Gateway gateway;
  @Inject IoCounters io;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject status() {
    return Json.createObjectBuilder()
        .add("instance", instance.id())
        .add("leader", matchmaker.isLeader())
        .add("bots_connected", gateway.connected())
        .add("games_running", engine.running())
        .add("matches_played", engine.played())
        .add("io_local", io.local())
        .add("io_remote_sent", io.remoteSent())
        .add("io_remote_received", io.remoteReceived())
        .add("settings", settings())
        .build();
  }

  /** The arena's rules in force here (MicroProfile Config: file, system property or environment). */
  private static JsonObject settings() {
    Config config = ConfigProvider.getConfig();
    var settings = Json.createObjectBuilder();
    StreamSupport.stream(config.getPropertyNames().spliterator(), false)
        .filter(key -> SHOWN.stream().anyMatch(key::startsWith))
        .sorted()
        .forEach(key -> config.getOptionalValue(key, String.class).ifPresent(value -> settings.add(key, value)));
    return settings.build();
  }
}
