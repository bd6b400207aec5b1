/**
 * The broker: the persistent messages of the match flow (sent in the caller's JTA transaction), the
 * queues and topics looked up once, and the queue depths from Artemis's management API.
 */
package org.botarena.arena.messaging;
