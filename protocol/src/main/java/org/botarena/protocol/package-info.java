/**
 * The wire contract (docs/protocol.md), written once for the server, the local runner, the house
 * bots and the Java SDK's tests: the frames and their codec ({@code Frame}, {@code FrameCodec}),
 * error and close codes, the limits a frame must keep, the platform's config keys, the watch frames
 * of the browser, and the JSON settings every module parses with.
 */
package org.botarena.protocol;
