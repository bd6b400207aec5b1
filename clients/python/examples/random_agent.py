"""A random agent for every game the server ships: simple, rps, connect4 and hockey.

    python -m arena_client --token T examples/random_agent.py:RandomAgent
"""

import random

from arena_client import Agent


class RandomAgent(Agent):
    """Uniformly random legal actions; the baseline every bot should beat."""

    def get_step(self, observation):
        game_type = self.step.game_type
        if game_type == "simple":
            return [random.randint(0, 3)]
        if game_type == "rps":
            return [random.randint(0, 2)]
        if game_type == "connect4":
            # 42 cells, top row first: a column is open while its top cell is empty
            open_columns = [column for column in range(7) if observation[column] == 0]
            return [random.choice(open_columns)]
        if game_type == "hockey":
            return [random.uniform(-1, 1) for _ in range(4)]
        raise ValueError(f"RandomAgent does not know the game {game_type}")
