"""comprl's client API (arena_client.comprl): course agents, written against comprl, play unchanged."""

import ast
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest
import uuid
from pathlib import Path
from unittest import mock

from arena_client import comprl
from arena_client.comprl import endpoint, game_id_bytes, score_stats

try:
    from .local_runner import LocalRunner, runner_classpath
except ImportError:  # run as a top-level module (unittest discover -s tests)
    from local_runner import LocalRunner, runner_classpath

try:
    import numpy  # noqa: F401  (the example, as the course's, uses numpy)
except ImportError:
    numpy = None

SDK = Path(__file__).resolve().parents[1]
EXAMPLE = SDK / "examples" / "comprl_agent.py"
CALL = re.compile(r"DEBUG call (get_step|on_start_game|on_end_game)(\(.*\))$")
ENDED = re.compile(r"INFO game (\S+) ended: (\w+) ")
STARTED = re.compile(r"^Game started \(id: ([0-9a-f-]{36})\)$", re.M)


class Recorder(comprl.Agent):
    """A course agent that notes every call (name and arguments)."""

    def __init__(self):
        super().__init__()
        self.calls = []

    def get_step(self, obv):
        self.calls.append(("get_step", obv))
        return [0.0, 0.0, 0.0, 0.0]

    def on_start_game(self, game_id):
        self.calls.append(("on_start_game", game_id))

    def on_end_game(self, result, stats):
        self.calls.append(("on_end_game", result, stats))


class ApiTest(unittest.TestCase):

    def test_comprl_client_imports_this_api(self):
        with mock.patch.dict(sys.modules):
            comprl.install()
            from comprl.client import Agent, launch_client
            from comprl.client.agent import Agent as AgentToo
        self.assertIs(comprl.Agent, Agent)
        self.assertIs(comprl.launch_client, launch_client)
        self.assertIs(comprl.Agent, AgentToo)

    def test_the_agent_has_comprls_methods_and_defaults(self):
        with self.assertRaises(TypeError):  # get_step is abstract, as in comprl
            comprl.Agent()
        agent = Recorder()
        self.assertTrue(agent.is_ready())
        self.assertIsNone(comprl.Agent.on_start_game(agent, b"x" * 16))
        self.assertIsNone(comprl.Agent.on_end_game(agent, False, [0.0, 1.0]))
        with mock.patch("builtins.print") as printed:
            agent.on_error("boom")
            agent.on_message("hello")
            agent.on_disconnect()
        self.assertEqual(["Error: boom", "Info: hello"], [c.args[0] for c in printed.call_args_list[:2]])
        self.assertEqual(3, printed.call_count)

    def test_protocol_events_reach_the_agent_in_comprls_types(self):
        agent = Recorder()
        adapter = comprl._Adapter(agent)
        game = str(uuid.uuid4())
        adapter.on_start_game(game, {"game_type": "hockey", "spots": [1], "opponents": ["x"], "config": {}})
        self.assertEqual([0.0, 0.0, 0.0, 0.0], adapter.get_step([0, 1, -2.5]))
        self.assertEqual(("get_step", [0.0, 1.0, -2.5]), agent.calls[1])
        for result, won in (("loss", False), ("win", True), ("draw", False), ("aborted", False)):
            adapter._spots[game] = [1]
            adapter.game_end = {"game": game, "result": result, "scores": {"0": 3, "1": 1}}
            adapter.on_end_game(result, {})
            self.assertEqual(("on_end_game", won, [1.0, 3.0]), agent.calls[-1])
            self.assertIsInstance(agent.calls[-1][1], bool)
        start = agent.calls[0]
        self.assertEqual(("on_start_game", uuid.UUID(game).bytes), start)
        self.assertEqual(uuid.UUID(game), uuid.UUID(int=int.from_bytes(start[1], "big")))  # the course's idiom
        self.assertTrue(all(isinstance(v, float) for v in agent.calls[1][1]))

    def test_a_refused_bot_exits_with_2_as_the_sdk_does(self):
        refused = comprl.FatalClose(4001, "authentication failed", "AUTH_FAILED: unknown token")
        with mock.patch.object(comprl, "_sdk_run", side_effect=refused), \
                self.assertLogs("arena_client.comprl", "ERROR"), self.assertRaises(SystemExit) as exit:
            Recorder().run("bad", "ws://127.0.0.1:1/arena/ws/bot")
        self.assertEqual(2, exit.exception.code)

    def test_stats_are_own_score_then_the_opponents(self):
        self.assertEqual([2.0, 1.0], score_stats({"0": 1, "1": 2}, [1]))
        self.assertEqual([1.0, 2.0], score_stats({"0": 1, "1": 2}, [0]))
        self.assertEqual([1.0, 2.0], score_stats({"0": 1, "1": 2}, [0, 1]))  # both spots (self-play)
        self.assertEqual([0.0, 0.0], score_stats({}, [0]))

    def test_game_ids_are_the_uuids_bytes(self):
        game = "0b9e4a36-2c4f-4d8e-9b1a-7f3c2d1e0a99"
        self.assertEqual(uuid.UUID(game).bytes, game_id_bytes(game))
        self.assertEqual(b"local-1", game_id_bytes("local-1"))

    def test_server_urls_become_the_bot_endpoint(self):
        self.assertEqual("ws://h:8765/arena/ws/bot", endpoint("ws://h:8765/arena/ws/bot", 65335))
        self.assertEqual("wss://arena.example/arena/ws/bot", endpoint("wss://arena.example"))
        self.assertEqual("ws://h:8080/arena/ws/bot", endpoint("h"))
        self.assertEqual("ws://h:9000/arena/ws/bot", endpoint("h", 9000))
        self.assertEqual("ws://h:7000/arena/ws/bot", endpoint("h:7000", 9000))
        self.assertEqual("wss://h:9000/arena/ws/bot", endpoint("https://h", 9000))
        self.assertEqual("ws://h/arena/ws/bot", endpoint("http://h/"))
        self.assertEqual("ws://localhost:8080/arena/ws/bot", endpoint(None))
        with self.assertRaises(ValueError):
            endpoint("ftp://h")


class LaunchClientTest(unittest.TestCase):
    """launch_client reads comprl's options and environment variables."""

    def launch(self, argv, environ=()):
        seen = {}

        class Caught(Recorder):
            def run(self, token, host="localhost", port=None):
                seen.update(token=token, host=host, port=port, options=self._arena_options)

        def initialize_agent(agent_args):
            seen["agent_args"] = agent_args
            return Caught()

        clean = {k: v for k, v in os.environ.items() if not k.startswith(("COMPRL_", "ARENA_"))}
        with mock.patch.dict(os.environ, {**clean, **dict(environ)}, clear=True), \
                mock.patch.object(sys, "argv", ["client.py", *argv]):
            comprl.launch_client(initialize_agent)
        return seen

    def test_command_line_options_as_comprl_parses_them(self):
        seen = self.launch(["--server-url", "arena.example", "--server-port", "9000", "--token", "T",
                            "--games", "2", "--args", "--agent=strong", "--token", "mine"])
        self.assertEqual({"token": "T", "host": "arena.example", "port": 9000,
                          "agent_args": ["--agent=strong", "--token", "mine"]},
                         {k: seen[k] for k in ("token", "host", "port", "agent_args")})
        self.assertEqual({"max_games": 2, "reconnect": True, "verbose": False}, seen["options"])

    def test_environment_variables_as_comprl_reads_them(self):
        seen = self.launch([], {"COMPRL_SERVER_URL": "h", "COMPRL_SERVER_PORT": "8765",
                                "COMPRL_ACCESS_TOKEN": "T"})
        self.assertEqual(("T", "h", 8765, []), (seen["token"], seen["host"], seen["port"], seen["agent_args"]))

    def test_without_a_server_url_the_local_default_and_arena_token(self):
        seen = self.launch([], {"ARENA_TOKEN": "A"})
        self.assertEqual(("A", "ws://localhost:8080/arena/ws/bot", None),
                         (seen["token"], seen["host"], seen["port"]))

    def test_a_missing_token_is_an_argument_error(self):
        with mock.patch("sys.stderr"), self.assertRaises(SystemExit) as exit:
            self.launch(["--server-url", "h"])
        self.assertEqual(2, exit.exception.code)


def run_comprl(args, environ=None, timeout=180):
    """`python3 -m arena_client.comprl ARGS` from the SDK's directory: exit code, stdout, stderr."""
    env = dict(os.environ if environ is None else environ)
    env["PYTHONPATH"] = str(SDK) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    done = subprocess.run([sys.executable, "-m", "arena_client.comprl", *args], cwd=SDK, env=env,
                          capture_output=True, text=True, timeout=timeout)
    return done.returncode, done.stdout, done.stderr


class RunnerTest(unittest.TestCase):

    def test_a_missing_file_or_a_file_without_an_agent_is_refused(self):
        code, out, err = run_comprl(["nowhere.py", "--token", "T"])
        self.assertEqual(2, code)
        self.assertIn("not found", err)
        with tempfile.TemporaryDirectory() as directory:
            empty = Path(directory, "empty.py")
            empty.write_text("from comprl.client import Agent, launch_client\n")
            code, out, err = run_comprl([str(empty), "--token", "T"])
        self.assertEqual(2, code)
        self.assertIn("neither called launch_client", err)

    @unittest.skipIf(numpy is None, "the example needs numpy")
    def test_the_files_launch_client_lists_comprls_options(self):
        code, out, err = run_comprl([str(EXAMPLE), "--help"])
        self.assertEqual(0, code, err)
        for option in ("--server-url", "--server-port", "--token", "--args", "--games"):
            self.assertIn(option, out)


@unittest.skipIf(numpy is None, "the example needs numpy")
@unittest.skipIf(runner_classpath() is None, "build the games module first (mvn -pl games package)")
class CourseAgentTest(unittest.TestCase):
    """examples/comprl_agent.py, unchanged, as a subprocess against the local runner."""

    def test_the_course_example_plays_hockey_to_the_end_with_comprls_types(self):
        games = 3
        # the example's random agent against the strong house bot over 6 rounds a game: it loses
        with LocalRunner("hockey", "house:strong", games, ("--config", '{"rounds":6}')) as runner:
            code, out, err = run_comprl([str(EXAMPLE), "--server-url", runner.url, "--token", "local",
                                         "--games", str(games), "-v", "--args", "--agent=random", "--seed=7"])
            runner_code, summary, runner_err = runner.finish()
        self.assertEqual(0, code, err[-3000:])
        self.assertEqual(0, runner_code, runner_err[-3000:])
        me = json.loads(summary)["players"][0]

        calls, results = [], []
        for line in err.splitlines():
            call, ended = CALL.search(line), ENDED.search(line)
            if call:
                calls.append((call.group(1), ast.literal_eval(call.group(2))))
            elif ended:
                results.append(ended.group(2))
        starts = [args[0] for name, args in calls if name == "on_start_game"]
        steps = [args[0] for name, args in calls if name == "get_step"]
        ends = [args for name, args in calls if name == "on_end_game"]

        self.assertEqual(games, len(starts))
        for game_id in starts:
            self.assertIsInstance(game_id, bytes)
            self.assertEqual(16, len(game_id))
        # the example turned each id back into its UUID, the course's way
        self.assertEqual([str(uuid.UUID(bytes=game_id)) for game_id in starts], STARTED.findall(out))

        self.assertGreater(len(steps), games)
        for observation in steps:
            self.assertIsInstance(observation, list)
            self.assertEqual(18, len(observation))
            self.assertTrue(all(type(value) is float for value in observation), observation)

        self.assertEqual(games, len(ends))
        self.assertEqual(games, len(results))
        for (result, stats), outcome in zip(ends, results):
            self.assertIs(type(result), bool)
            self.assertEqual(outcome == "win", result, (outcome, result))
            self.assertEqual(2, len(stats))
            self.assertTrue(all(type(value) is float for value in stats), stats)
        self.assertIn("loss", results, "the random agent was to lose at least once")
        self.assertEqual((me["wins"], me["losses"], me["draws"]),
                         (results.count("win"), results.count("loss"), results.count("draw")))
        self.assertEqual(me["score"], sum(stats[0] for _, stats in ends))
        self.assertEqual(json.loads(summary)["players"][1]["score"], sum(stats[1] for _, stats in ends))
        self.assertEqual(results.count("loss"), out.count("Game ended: lost"))

    def test_the_connection_comes_from_comprls_environment_variables(self):
        with LocalRunner("hockey", "house:random", 1) as runner:
            environ = {k: v for k, v in os.environ.items() if not k.startswith(("COMPRL_", "ARENA_"))}
            environ.update(COMPRL_SERVER_URL="127.0.0.1", COMPRL_SERVER_PORT=str(runner.port),
                           COMPRL_ACCESS_TOKEN="local")
            code, out, err = run_comprl([str(EXAMPLE), "--games", "1"], environ)  # the default agent
            runner_code, summary, runner_err = runner.finish()
        self.assertEqual(0, code, err[-3000:])
        self.assertEqual(0, runner_code, runner_err[-3000:])
        self.assertIn(f"ws://127.0.0.1:{runner.port}/arena/ws/bot", err)
        self.assertEqual(1, len(STARTED.findall(out)))
        self.assertRegex(out, r"Game ended: (won|lost|drew) with my score: \d+\.\d+ against the opponent")
        me = json.loads(summary)["players"][0]
        self.assertEqual(1, me["wins"] + me["losses"] + me["draws"])


if __name__ == "__main__":
    unittest.main()
