package org.botarena.arena.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Supplier;
import org.botarena.db.Database;
import org.botarena.db.DatabaseSettings;

/**
 * A fresh PostgreSQL database with the real migrations, and an EntityManager on it for services
 * tested outside the server: each {@link #tx} is one transaction, as one EJB call would be.
 * PostgreSQL comes from {@code ARENA_TEST_DB_HOST} (default 127.0.0.1:5432, user postgres).
 */
public final class ServiceDatabase implements AutoCloseable {

  private final String url;
  private final EntityManagerFactory factory;
  public final EntityManager em;

  public ServiceDatabase(String name) throws SQLException {
    String host = System.getenv().getOrDefault("ARENA_TEST_DB_HOST", "127.0.0.1:5432");
    url = "jdbc:postgresql://" + host + "/" + name;
    try (Connection c =
        DriverManager.getConnection(
            "jdbc:postgresql://" + host + "/postgres", "postgres", "postgres")) {
      c.createStatement().execute("drop database if exists " + name + " with (force)");
      c.createStatement().execute("create database " + name);
    }
    new Database(new DatabaseSettings(url, "postgres", "postgres")).migrate();
    factory =
        Persistence.createEntityManagerFactory(
            "arena-test",
            Map.of(
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", "postgres",
                "jakarta.persistence.jdbc.password", "postgres",
                "jakarta.persistence.jdbc.driver", "org.postgresql.Driver"));
    em = factory.createEntityManager();
  }

  /** Runs {@code work} in a transaction, rolled back if it throws. */
  public <T> T tx(Supplier<T> work) {
    em.getTransaction().begin();
    try {
      T result = work.get();
      em.getTransaction().commit();
      return result;
    } catch (RuntimeException e) {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      throw e;
    } finally {
      em.clear();
    }
  }

  public void run(Runnable work) {
    tx(
        () -> {
          work.run();
          return null;
        });
  }

  /** An EntityManager of its own, for work on another thread (a parallel burst). */
  public Session session() {
    return new Session(factory.createEntityManager());
  }

  /** An EntityManager of its own with {@link #tx} as on the database. */
  public record Session(EntityManager em) implements AutoCloseable {
    public <T> T tx(Supplier<T> work) {
      em.getTransaction().begin();
      try {
        T result = work.get();
        em.getTransaction().commit();
        return result;
      } catch (RuntimeException e) {
        if (em.getTransaction().isActive()) {
          em.getTransaction().rollback();
        }
        throw e;
      }
    }

    @Override
    public void close() {
      em.close();
    }
  }

  /** A plain JDBC connection, for setting up rows the services do not write (matches, sessions). */
  public Connection jdbc() throws SQLException {
    return DriverManager.getConnection(url, "postgres", "postgres");
  }

  /** The id a {@code returning id} statement gave. */
  public static long id(Connection c, String sql) throws SQLException {
    try (var rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * The first column of the first row of {@code sql} (a count, a number), on a connection of its
   * own.
   */
  public int count(String sql) throws SQLException {
    try (Connection c = jdbc()) {
      return (int) id(c, sql);
    }
  }

  @Override
  public void close() {
    em.close();
    factory.close();
  }
}
