/**
 * The embedded Artemis broker that {@code ./arena demo} and {@code up} start: CORE protocol only,
 * one user limited to the {@code arena.*} addresses, the journal in the run folder.
 */
package org.botarena.broker;
