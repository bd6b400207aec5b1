package org.botarena.arena.platform;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native queries, whose Java types depend on the driver and Hibernate's mapping. */
public final class SqlValues {

  private SqlValues() {}

  /** A timestamptz column as an Instant (null stays null). */
  public static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    throw new IllegalStateException("unexpected timestamp type " + value.getClass());
  }
}
