package org.botarena.arena.matchmaking;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.botarena.arena.ratings.Rating;
import org.botarena.games.Games;

/**
 * The house bots the matchmaker may use as opponents in a game: bot rows of team {@code house} that
 * stand for the games module's built-in bots ({@code bots.house}), created on first use.
 */
@Stateless
public class HouseBotRoster {

  private static final Logger LOG = Logger.getLogger(HouseBotRoster.class.getName());
  static final String TEAM = "house";

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  /**
   * The house bots of {@code wanted} ({@code all}, {@code none}, or a comma-separated list of house
   * bot names: the arena's {@code house-fill.bots}) that {@code gameType} has, with their ratings
   * in it.
   */
  public List<HouseFill.House> of(String gameType, String wanted) {
    List<HouseFill.House> houses = new ArrayList<>();
    for (String name : names(gameType, wanted)) {
      Long botId = ensureBot(name);
      if (botId == null) {
        continue;
      }
      List<?> rating =
          em.createNativeQuery("select mu, sigma from ratings where bot_id = ?1 and game_type = ?2")
              .setParameter(1, botId)
              .setParameter(2, gameType)
              .getResultList();
      Object[] r = rating.isEmpty() ? null : (Object[]) rating.get(0);
      houses.add(
          new HouseFill.House(
              botId,
              r == null ? Rating.INITIAL_MU : ((Number) r[0]).doubleValue(),
              r == null ? Rating.INITIAL_SIGMA : ((Number) r[1]).doubleValue()));
    }
    return houses;
  }

  private static List<String> names(String gameType, String configured) {
    Set<String> available = Games.type(gameType).houseBots().keySet();
    String wanted = configured.strip();
    if (wanted.equalsIgnoreCase("none")) {
      return List.of();
    }
    if (wanted.equalsIgnoreCase("all")) {
      return available.stream().sorted().toList();
    }
    return Arrays.stream(wanted.split(",")).map(String::strip).filter(available::contains).toList();
  }

  /**
   * The bot row of house bot {@code name}, created on first use (by the matchmaking leader, or a
   * debug game that plays it). Null if a team's bot took the name first.
   */
  public Long ensureBot(String name) {
    List<?> found =
        em.createNativeQuery("select id from bots where house = ?1 and deleted_at is null")
            .setParameter(1, name)
            .getResultList();
    if (!found.isEmpty()) {
      return ((Number) found.get(0)).longValue();
    }
    // the leader and a debug game may both get here first: the unique name decides
    em.createNativeQuery(
            "insert into teams (name) values (?1) on conflict ((lower(name))) do nothing")
        .setParameter(1, TEAM)
        .executeUpdate();
    String botName = TEAM + "-" + name;
    List<?> created =
        em.createNativeQuery(
                "insert into bots (team_id, name, house)"
                    + " select id, ?1, ?2 from teams where lower(name) = lower(?3)"
                    + " on conflict (lower(name)) where deleted_at is null do nothing returning id")
            .setParameter(1, botName)
            .setParameter(2, name)
            .setParameter(3, TEAM)
            .getResultList();
    if (created.isEmpty()) {
      LOG.warning(() -> "house bot " + name + " is not used: a bot named " + botName + " exists");
      return null;
    }
    long botId = ((Number) created.get(0)).longValue();
    em.createNativeQuery("insert into bot_names (bot_id, name) values (?1, ?2)")
        .setParameter(1, botId)
        .setParameter(2, botName)
        .executeUpdate();
    return botId;
  }
}
