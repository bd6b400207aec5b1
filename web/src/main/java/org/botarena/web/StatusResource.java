package org.botarena.web;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.botarena.arena.leader.LeaderLoop;
import org.botarena.arena.play.IoTraffic;
import org.botarena.arena.play.LocalGateway;
import org.botarena.arena.play.RunnerStatus;
import org.botarena.arena.sessions.InstanceIdentity;

/**
 * {@code GET /arena/api/status}: what this instance is doing (for operators, the launcher and
 * tests).
 */
@Path("status")
public class StatusResource {

  @Inject InstanceIdentity instance;
  @Inject LeaderLoop leader;
  @Inject RunnerStatus engine;
  @Inject LocalGateway gateway;
  @Inject IoTraffic io;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject status() {
    return Json.createObjectBuilder()
        .add("instance", instance.id())
        .add("leader", leader.isLeader())
        .add("bots_connected", gateway.connected())
        .add("games_running", engine.running())
        .add("matches_played", engine.played())
        .add("io_local", io.local())
        .add("io_remote_sent", io.remoteSent())
        .add("io_remote_received", io.remoteReceived())
        .add("settings", settings())
        .build();
  }

  /** The arena's rules in force here. */
  private static JsonObject settings() {
    var settings = Json.createObjectBuilder();
    SettingsInForce.all().forEach(settings::add);
    return settings.build();
  }
}
