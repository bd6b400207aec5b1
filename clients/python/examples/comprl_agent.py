"""A hockey client written for the course's comprl server, as the course's example is.

It runs on Bot Arena unchanged:

    python3 -m arena_client.comprl examples/comprl_agent.py --server-url ws://HOST:8080/arena/ws/bot \
        --token <YOUR ACCESS TOKEN> --args --agent=chaser

and on the course's server with comprl installed (`python3 ./comprl_agent.py --server-url <URL>
--server-port <PORT> --token <TOKEN> --args --agent=chaser`).

Observation (18 floats, your own side of the table: your goal on the left): 0-1 your paddle's
position, 2 its angle, 3-4 its velocity, 5 its angular velocity, 6-11 the same for the opponent,
12-13 the puck's position, 14-15 its velocity, 16 steps you still hold the puck, 17 steps the
opponent does. Action (4 floats in [-1, 1]): force x, force y, torque, shoot (> 0.5 shoots).
"""

from __future__ import annotations

import argparse
import uuid

import numpy as np

from comprl.client import Agent, launch_client


class RandomAgent(Agent):
    """A hockey agent that simply uses random actions."""

    def __init__(self, seed: int | None = None) -> None:
        super().__init__()
        self.rng = np.random.default_rng(seed)

    def get_step(self, observation: list[float]) -> list[float]:
        return self.rng.uniform(-1, 1, 4).tolist()

    def on_start_game(self, game_id) -> None:
        game_id = uuid.UUID(int=int.from_bytes(game_id, "big"))
        print(f"Game started (id: {game_id})")

    def on_end_game(self, result: bool, stats: list[float]) -> None:
        text_result = "won" if result else "lost"
        if stats[0] == stats[1]:
            text_result = "drew"
        print(f"Game ended: {text_result} with my score: {stats[0]} against the opponent with score: {stats[1]}")


class ChaserAgent(Agent):
    """Chases the puck in its own half and shoots it forward; otherwise waits in front of its goal."""

    DEFENCE = np.array([-3.5, 0.0])
    GAIN, DAMPING = 1.5, 0.25

    def get_step(self, observation: list[float]) -> list[float]:
        obs = np.asarray(observation)
        position, velocity = obs[0:2], obs[3:5]
        puck, puck_velocity = obs[12:14], obs[14:16]
        if obs[16] > 0:  # holding the puck: push forward, aim at the middle and shoot
            return [1.0, float(np.clip(-position[1], -1, 1)), 0.0, 1.0]
        if puck[0] < 0 or puck_velocity[0] < 0:
            target = puck - np.array([0.3, 0.0])  # behind the puck, on the side of our goal
        else:
            target = self.DEFENCE + np.array([0.0, puck[1] / 2])
        force = np.clip(self.GAIN * (target - position) - self.DAMPING * velocity, -1, 1)
        return np.array([force[0], force[1], 0.0, 0.0]).tolist()

    def on_start_game(self, game_id) -> None:
        game_id = uuid.UUID(int=int.from_bytes(game_id, "big"))
        print(f"Game started (id: {game_id})")

    def on_end_game(self, result: bool, stats: list[float]) -> None:
        text_result = "won" if result else "lost"
        if stats[0] == stats[1]:
            text_result = "drew"
        print(f"Game ended: {text_result} with my score: {stats[0]} against the opponent with score: {stats[1]}")


# Function to initialize the agent.  This function is used with `launch_client` below,
# to launch the client and connect to the server.
def initialize_agent(agent_args: list[str]) -> Agent:
    # Use argparse to parse the arguments given in `agent_args`.
    parser = argparse.ArgumentParser()
    parser.add_argument("--agent", type=str, choices=["chaser", "random"], default="chaser",
                        help="Which agent to use.")
    parser.add_argument("--seed", type=int, default=None, help="Seed of the random agent.")
    args = parser.parse_args(agent_args)

    # Initialize the agent based on the arguments.
    agent: Agent
    if args.agent == "chaser":
        agent = ChaserAgent()
    elif args.agent == "random":
        agent = RandomAgent(seed=args.seed)
    else:
        raise ValueError(f"Unknown agent: {args.agent}")

    # And finally return the agent.
    return agent


def main() -> None:
    launch_client(initialize_agent)


if __name__ == "__main__":
    main()
