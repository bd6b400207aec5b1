package org.botarena.games.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.botarena.games.spi.EndReason;
import org.botarena.games.spi.Outcome;
import org.botarena.protocol.Json;

/**
 * An outcome as JSON ({@code reason}, {@code winners}, {@code scores}) and back, so that a finished
 * game's state restores to a finished game with the same outcome, forfeits included.
 */
public final class OutcomeState {

  private OutcomeState() {}

  public static ObjectNode toJson(Outcome outcome) {
    ObjectNode json = Json.object().put("reason", outcome.reason().name());
    ArrayNode winners = json.putArray("winners");
    outcome.winners().forEach(winners::add);
    ObjectNode scores = json.putObject("scores");
    new TreeMap<>(outcome.scores()).forEach((spot, score) -> scores.put(spot.toString(), score));
    return json;
  }

  public static Outcome fromJson(JsonNode json) {
    List<Integer> winners = new ArrayList<>();
    json.get("winners").forEach(w -> winners.add(w.intValue()));
    Map<Integer, Double> scores = new TreeMap<>();
    json.get("scores")
        .fields()
        .forEachRemaining(
            e -> scores.put(Integer.parseInt(e.getKey()), e.getValue().doubleValue()));
    return new Outcome(EndReason.valueOf(json.get("reason").asText()), winners, scores);
  }

  /** Adds {@code outcome} to a state when the game is decided. */
  public static void put(ObjectNode state, Optional<Outcome> outcome) {
    outcome.ifPresent(o -> state.set("outcome", toJson(o)));
  }

  /** The outcome saved by {@link #put}, if any. */
  public static Optional<Outcome> get(JsonNode state) {
    JsonNode json = state.get("outcome");
    return json == null || json.isNull() ? Optional.empty() : Optional.of(fromJson(json));
  }
}
