/**
 * What the application needs from the server: its datasource and JMS resources (defined by the app,
 * values from MicroProfile Config), derived config values, executors of its own, and the native
 * queries' value conversions.
 */
package org.botarena.arena.platform;
