"""The SDK against the games module's local runner (a real Java server speaking protocol 1)."""

import asyncio
import json
import logging
import math
import sys
import unittest
from pathlib import Path

from arena_client import Agent, ArenaClient, run
from arena_client.client import FatalClose

try:
    from .local_runner import LocalRunner, runner_classpath
except ImportError:  # run as a top-level module (unittest discover -s tests)
    from local_runner import LocalRunner, runner_classpath

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
sys.path.insert(0, str(EXAMPLES))
from random_agent import RandomAgent  # noqa: E402
from hockey_chaser import HockeyChaser  # noqa: E402


@unittest.skipIf(runner_classpath() is None, "build the games module first (mvn -pl games package)")
class LocalRunnerTest(unittest.TestCase):
    """Each test starts `arena local` with one `ws` player and lets an agent play it."""

    def play(self, game, agent, games=2, opponent="house:random", extra=(), **options):
        with LocalRunner(game, opponent, games, extra) as runner:
            client = ArenaClient(agent, runner.url, "local", max_games=games,
                                 backoff_initial=0.2, backoff_max=1.0, **options)  # retries until the runner listens
            played = asyncio.run(asyncio.wait_for(client.run(), timeout=120))
            code, out, err = runner.finish()
        self.assertEqual(0, code, err)
        self.assertEqual(games, played)
        summary = json.loads(out)
        me = summary["players"][0]
        self.assertEqual(games, me["wins"] + me["losses"] + me["draws"])
        return client, me

    def test_the_random_agent_plays_every_game(self):
        for game in ("simple", "rps", "connect4", "hockey"):
            with self.subTest(game=game):
                client, me = self.play(game, RandomAgent())
                self.assertEqual({"win": me["wins"], "loss": me["losses"], "draw": me["draws"]},
                                 {k: client.results.get(k, 0) for k in ("win", "loss", "draw")})

    def test_a_bot_names_the_games_it_wants(self):
        self.assertNotIn("games", ArenaClient(RandomAgent(), "ws://x", "t").hello(), "absent: every arena")
        self.assertEqual(["hockey", "rps"],
                         ArenaClient(RandomAgent(), "ws://x", "t", game_types=("hockey", "rps")).hello()["games"])
        for bad in ([], "rps"):
            with self.assertRaises(ValueError):
                ArenaClient(RandomAgent(), "ws://x", "t", game_types=bad)
        self.play("rps", RandomAgent(), games=1, game_types=["simple", "rps"])

    def test_a_game_the_server_does_not_play_is_refused_at_hello(self):
        with LocalRunner("simple", "house:random", 1, ("--wait-s", "5")) as runner:
            client = ArenaClient(RandomAgent(), runner.url, "local", game_types=["hockey"],
                                 backoff_initial=0.2, backoff_max=1.0)
            with self.assertRaises(FatalClose) as refused:
                asyncio.run(asyncio.wait_for(client.run(), timeout=60))
            self.assertEqual(4002, refused.exception.code)
            self.assertIn("hockey", str(refused.exception))

    def test_the_hockey_chaser_beats_the_random_house_bot(self):
        # ten seeded matches of the course's four rounds; most end without a goal, as in the course
        client, me = self.play("hockey", HockeyChaser(), games=10, extra=("--deadline-ms", "60000"))
        self.assertGreater(me["wins"], me["losses"], me)

    def test_a_decorated_agent_sees_its_games_start_and_end(self):
        agent, seen = Agent(), []

        @agent.event
        def get_step(observation):
            seen.append(("step", agent.step.game_type, agent.step.spot, tuple(observation)))
            return [3]

        @agent.event
        def on_start_game(game_id, info):
            seen.append(("start", info["game_type"], tuple(info["spots"])))

        @agent.event
        def on_end_game(result, stats):
            seen.append(("end", result, agent.game_end["reason"]))

        self.play("simple", agent, games=1)
        self.assertEqual(("start", "simple", (0,)), seen[0])
        self.assertEqual(("step", "simple", 0, (0, 0)), seen[1])
        self.assertEqual("end", seen[-1][0])
        self.assertEqual("normal", seen[-1][2])

    def test_a_nan_action_is_refused_by_the_server_and_loses_that_game(self):
        agent, errors = Agent(), []

        @agent.event
        def get_step(observation):
            return [math.nan, 0.0, 0.0, 0.0]

        @agent.event
        def on_error(code, message):
            errors.append(code)

        with self.assertLogs("arena_client", logging.ERROR) as logs:
            client, me = self.play("hockey", agent, games=1)
        self.assertIn("NaN or infinity", "\n".join(logs.output))
        self.assertEqual(["INVALID_ACTION"], errors)
        self.assertEqual(1, me["losses"])
        self.assertEqual("invalid_action", agent.game_end["reason"])

    def test_an_agent_that_crashes_times_out_and_the_connection_survives(self):
        agent = Agent()

        @agent.event
        def get_step(observation):
            raise RuntimeError("bug in the model")

        with self.assertLogs("arena_client", logging.ERROR) as logs:
            client, me = self.play("simple", agent, games=2, extra=("--deadline-ms", "100"))
        self.assertIn("get_step failed", "\n".join(logs.output))
        self.assertEqual(2, me["losses"])
        self.assertEqual("timeout", agent.game_end["reason"])


class RunTest(unittest.TestCase):

    def test_a_missing_token_is_refused_before_connecting(self):
        with self.assertRaisesRegex(ValueError, "token is needed"):
            run(RandomAgent(), "ws://127.0.0.1:1/arena/ws/bot", "")


if __name__ == "__main__":
    unittest.main()
