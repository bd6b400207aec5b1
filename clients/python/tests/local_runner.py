"""The tests' server: the games module's local runner (`arena local`, a real Java server speaking
protocol 1) with one `ws` player on a free port."""

import glob
import os
import socket
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def runner_classpath():
    jars = glob.glob(str(ROOT / "games" / "target" / "arena-games-*.jar"))
    jars = [jar for jar in jars if not jar.endswith(("-sources.jar", "-tests.jar"))]
    return (jars[0] + os.pathsep + str(ROOT / "games" / "target" / "lib" / "*")) if jars else None


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LocalRunner:
    """`arena local --game GAME --p1 ws --p2 OPPONENT --games N --json`; `url` is its bot endpoint.

    Use it as a context manager (the runner is killed on the way out if it still runs) and call
    :meth:`finish` once the bot is done: the runner's exit code, its JSON summary and its stderr.
    """

    def __init__(self, game, opponent="house:random", games=1, extra=()):
        self.port = free_port()
        self.url = f"ws://127.0.0.1:{self.port}/arena/ws/bot"
        self.process = subprocess.Popen(
            ["java", "-cp", runner_classpath(), "org.botarena.games.local.LocalMain", "--game", game,
             "--p1", "ws", "--p2", opponent, "--games", str(games), "--port", str(self.port), "--json",
             "--no-replays", "--wait-s", "30", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def finish(self, timeout=60):
        out, err = self.process.communicate(timeout=timeout)
        return self.process.returncode, out, err

    def close(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.communicate()

    def __enter__(self):
        return self

    def __exit__(self, *failure):
        self.close()
