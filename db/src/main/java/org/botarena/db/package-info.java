/**
 * The schema (Flyway migrations under {@code db/migration}), the embedded PostgreSQL of {@code
 * ./arena}, the admin command line that creates the database, migrates it and manages users, teams
 * and bots for scripts, and the low-level rules it shares with the portal ({@code NameRule}, {@code
 * Secrets}).
 */
package org.botarena.db;
