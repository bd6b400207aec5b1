package org.botarena.arena.matchmaking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.botarena.arena.ratings.RatingCalculator;

/**
 * When too few bots are online, a bot that has waited a while gets a house bot as its opponent
 * (COMPRL's dummy players), the one whose rating gives the closest game. House bots play in the
 * runner, so one house bot can take any number of games at once.
 */
public final class HouseFill {

  /**
   * @param minOnline fill in only while fewer bots than this are connected
   * @param after how long a bot waits for a real opponent first
   */
  public record Settings(int minOnline, Duration after) {}

  /** A house bot of the game, with its rating in that game. */
  public record House(long botId, double mu, double sigma) {}

  /** A waiting bot and the house bot it plays. */
  public record Fill(long botId, long houseBotId) {}

  private final RatingCalculator ratings;
  private final Settings settings;

  public HouseFill(RatingCalculator ratings, Settings settings) {
    this.ratings = ratings;
    this.settings = settings;
  }

  /** The house games for the bots that are still waiting after the pass paired what it could. */
  public List<Fill> choose(
      List<Pairing.Candidate> unpaired, List<House> houses, int online, Instant now) {
    List<Fill> fills = new ArrayList<>();
    if (houses.isEmpty() || online >= settings.minOnline()) {
      return fills;
    }
    for (Pairing.Candidate bot : unpaired) {
      if (bot.waitingSince() == null
          || Duration.between(bot.waitingSince(), now).compareTo(settings.after()) < 0) {
        continue;
      }
      House best = null;
      double bestQuality = -1;
      for (House house : houses) {
        double quality = ratings.drawProbability(bot.mu(), bot.sigma(), house.mu(), house.sigma());
        if (quality > bestQuality) {
          best = house;
          bestQuality = quality;
        }
      }
      fills.add(new Fill(bot.botId(), best.botId()));
    }
    return fills;
  }
}
