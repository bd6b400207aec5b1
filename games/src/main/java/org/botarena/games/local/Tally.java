package org.botarena.games.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.botarena.protocol.Json;

/** Wins, losses and draws of one player over a series of local games. */
public final class Tally {

  private final String player;
  private final String name;
  private int wins;
  private int losses;
  private int draws;
  private double score;

  public Tally(String player, String name) {
    this.player = player;
    this.name = name;
  }

  void add(String result, double points) {
    switch (result) {
      case "win" -> wins++;
      case "loss" -> losses++;
      default -> draws++;
    }
    score += points;
  }

  public int wins() {
    return wins;
  }

  public int losses() {
    return losses;
  }

  public int draws() {
    return draws;
  }

  public ObjectNode toJson() {
    return Json.object()
        .put("player", player)
        .put("name", name)
        .put("wins", wins)
        .put("losses", losses)
        .put("draws", draws)
        .put("score", score);
  }

  @Override
  public String toString() {
    return String.format(
        "%s %-16s wins %d  losses %d  draws %d  (score %s)",
        player,
        name,
        wins,
        losses,
        draws,
        score == Math.rint(score) ? Long.toString((long) score) : Double.toString(score));
  }
}
