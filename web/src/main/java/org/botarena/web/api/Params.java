package org.botarena.web.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.botarena.games.Games;

/** The API's parameters read from their text, each refusal a 400 that says what was expected. */
final class Params {

  private Params() {}

  /** A whole number from {@code min} to {@code max}; blank or absent: {@code absent}. */
  static int number(String name, String value, int min, int max, int absent) {
    if (blank(value)) {
      return absent;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw ApiError.badParameter(
        name,
        name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
  }

  /** A search text of at most {@code max} characters; blank or absent: null. */
  static String text(String name, String value, int max) {
    if (blank(value)) {
      return null;
    }
    if (value.length() > max) {
      throw ApiError.badParameter(
          name, name + " must be at most " + max + " characters, not " + value.length());
    }
    return value;
  }

  /** An id (a positive whole number); blank or absent: null. */
  static Long id(String name, String value) {
    if (blank(value)) {
      return null;
    }
    try {
      long id = Long.parseLong(value.strip());
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw ApiError.badParameter(
        name, name + " must be an id (a positive whole number), not '" + value + "'");
  }

  /** A match id. */
  static UUID uuid(String name, String value) {
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw ApiError.badParameter(name, name + " must be a match id (a UUID), not '" + value + "'");
    }
  }

  /** A day, {@code 2026-12-01}; blank or absent: null. */
  static LocalDate date(String name, String value) {
    if (blank(value)) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ApiError.badParameter(
          name, name + " must be a day as YYYY-MM-DD (UTC), not '" + value + "'");
    }
  }

  /** One of an enum's constants, by name (case-insensitive); blank or absent: null. */
  static <E extends Enum<E>> String oneOf(String name, String value, Class<E> values) {
    if (blank(value)) {
      return null;
    }
    for (E e : values.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value.strip())) {
        return e.name();
      }
    }
    throw ApiError.badParameter(
        name,
        name
            + " must be one of "
            + Arrays.stream(values.getEnumConstants())
                .map(Enum::name)
                .collect(Collectors.joining(", "))
            + ", not '"
            + value
            + "'");
  }

  /** A game filter: a game type the server knows; blank or absent: null. */
  static String game(String name, String value) {
    if (blank(value)) {
      return null;
    }
    if (!Games.exists(value.strip())) {
      throw ApiError.badParameter(
          name, name + " must be one of " + games() + ", not '" + value + "'");
    }
    return value.strip();
  }

  /** A game named in a path: 404 when the server does not know it. */
  static String knownGame(String value) {
    if (!Games.exists(value)) {
      throw ApiError.notFound(unknownGame(value));
    }
    return value;
  }

  private static String unknownGame(String value) {
    return "no game '" + value + "'; the games: " + games();
  }

  private static String games() {
    return Games.all().stream().map(t -> t.name()).sorted().collect(Collectors.joining(", "));
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
