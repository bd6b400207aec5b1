/**
 * Air hockey as the university RL course's two-player hockey environment plays it (martius-lab
 * hockey-env on Box2D 2.3.0; see docs/games.md): a JBox2D table with two paddles and a puck at 50
 * steps per second, an 18-float observation per player from its own side and a 4-float action
 * (force x, force y, torque, shoot), the course's rules in its order and precision, its training
 * modes and its basic opponent as the house bots {@code weak} and {@code strong}. The tests replay
 * trajectories recorded from the course's environment (test resources {@code hockey-reference/}).
 *
 * <p>Determinism and exact save/restore: the Box2D world is rebuilt from {@link
 * org.botarena.games.hockey.TableState} before every step (see {@link
 * org.botarena.games.hockey.HockeyWorld}), so the next step depends on nothing but the saved
 * numbers and the actions.
 */
package org.botarena.games.hockey;
