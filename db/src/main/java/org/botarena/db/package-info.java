/**
 * The schema (Flyway migrations under {@code db/migration}) and the admin command line that
 * creates the database, migrates it and manages users, teams and bots for scripts.
 */
package org.botarena.db;
