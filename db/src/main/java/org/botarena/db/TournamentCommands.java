package org.botarena.db;

import java.sql.SQLException;
import java.util.List;

/** The admin command line's tournament commands: {@link Tournaments}, one transaction each. */
public final class TournamentCommands {

  private final Database database;

  public TournamentCommands(Database database) {
    this.database = database;
  }

  /** {@link Tournaments#create}. */
  public long create(
      String name,
      String gameType,
      String format,
      int groupSize,
      int rounds,
      String config,
      int opensInSeconds)
      throws SQLException {
    Tournaments.Spec spec =
        new Tournaments.Spec(name, gameType, format, groupSize, rounds, config, opensInSeconds);
    return database.inTransaction(c -> Tournaments.create(c, spec));
  }

  /** {@link Tournaments#enter}: a warning for a large exhaustive tournament, else null. */
  public String enter(String tournament, List<String> bots) throws SQLException {
    return database.inTransaction(c -> Tournaments.enter(c, tournament, bots));
  }

  /** {@link Tournaments#withdraw}. */
  public void withdraw(String tournament, String bot) throws SQLException {
    database.inTransaction(
        c -> {
          Tournaments.withdraw(c, tournament, bot);
          return null;
        });
  }

  /** {@link Tournaments#openNow}: false if it was open already. */
  public boolean openNow(String tournament) throws SQLException {
    return database.inTransaction(c -> Tournaments.openNow(c, tournament));
  }

  /** {@link Tournaments#status}. */
  public String status(String tournament) throws SQLException {
    return database.inTransaction(c -> Tournaments.status(c, tournament));
  }
}
