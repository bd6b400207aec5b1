package org.botarena.games.hockey;

/**
 * What happened in one physics step, by side.
 *
 * @param goalOf the side whose goal the puck reached, or -1
 * @param shots which sides shot the puck they held
 * @param catches which sides caught the puck (keep-puck mode)
 */
record StepEvents(int goalOf, boolean[] shots, boolean[] catches) {}
