"""The decorator style: an agent built from plain functions, for the game `simple`.

    python -m arena_client --token T examples/greedy_simple.py:agent
"""

import logging

from arena_client import Agent

agent = Agent()


@agent.event
def get_step(observation):
    my_total, opponent_total = observation
    return [3]  # always the largest step toward ten


@agent.event
def on_end_game(result, stats):
    logging.getLogger("greedy").info("%s; stats %s", result, stats)
