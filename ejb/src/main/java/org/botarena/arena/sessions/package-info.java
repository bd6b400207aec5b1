/**
 * Bot sessions across the cluster: the session (entity) and its states, this instance's id, {@code
 * SessionRegistry} (open, ready, close, the instances' heartbeats and what the leader repairs) and
 * {@code InstanceHeartbeat}, which beats for this instance and hands its bots back to the gateway
 * when the leader took the instance for dead.
 */
package org.botarena.arena.sessions;
