package org.botarena.arena.ratings;

/** One line of a leaderboard. */
public record LeaderboardRow(
    int rank,
    long botId,
    String bot,
    String team,
    double mu,
    double sigma,
    double score,
    int games,
    int wins,
    int losses,
    int draws,
    int disconnects,
    double points) {}
