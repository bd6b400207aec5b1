"""A simple hockey agent: chase the puck in its own half, shoot when holding it, else defend.

Observations are in the spot's own frame (own goal on the left, x < 0), world units from the
table's centre; see docs/games.md. Actions: [force_x, force_y, torque, shoot], each in [-1, 1].

    python -m arena_client --token T examples/hockey_chaser.py:HockeyChaser
"""

from arena_client import Agent

DEFENCE_X = -3.5  # 210 px in front of the own goal
GAIN, DAMPING = 1.5, 0.25


def clip(value):
    return max(-1.0, min(1.0, value))


class HockeyChaser(Agent):

    def get_step(self, observation):
        x, y = observation[0], observation[1]
        vx, vy = observation[3], observation[4]
        puck_x, puck_y = observation[12], observation[13]
        puck_vx = observation[14]
        holding = observation[16] > 0
        if holding:
            return [1.0, clip(-y), 0.0, 1.0]  # push forward and shoot toward the middle
        if puck_x < 0 or puck_vx < 0:
            # the puck is here or coming: get behind it (on our goal's side) and drive through it
            target_x, target_y = puck_x - 0.3, puck_y
        else:
            target_x, target_y = DEFENCE_X, puck_y / 2
        return [clip(GAIN * (target_x - x) - DAMPING * vx), clip(GAIN * (target_y - y) - DAMPING * vy), 0.0, 0.0]
