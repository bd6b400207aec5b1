"""comprl's client API on Bot Arena: course agents play here unchanged.

Students of the course write their clients against comprl (github.com/martius-lab/comprl, the
course's competition server): ``from comprl.client import Agent, launch_client``, an ``Agent``
subclass with ``get_step(obv)``, ``on_start_game(game_id)`` and ``on_end_game(result, stats)``,
an ``initialize_agent(agent_args)`` and ``launch_client(initialize_agent)``. This module gives
those names with comprl's signatures and meanings, and plays over protocol 1 with this SDK.

``python3 -m arena_client.comprl FILE --token T [--server-url U] [--args ...]`` makes
``comprl.client`` importable as this module and runs FILE unchanged as ``__main__``.

What the agent sees, mapped from protocol 1:

- ``on_start_game(game_id)``: comprl's game id, the 16 bytes of the game's UUID (``bytes``; the
  course's ``uuid.UUID(int=int.from_bytes(game_id))`` gives the game's id back).
- ``get_step(obv)``: the observation as a ``list`` of ``float``; the return value is the action
  (comprl requires a list of floats; numpy arrays and tuples are taken too).
- ``on_end_game(result, stats)``: ``result`` is True for a win and False for a loss, a draw or
  an aborted game; ``stats`` is ``[own score, opponent's score]`` as floats (hockey: goals).
- ``is_ready()``, ``on_error(msg)``, ``on_message(msg)``, ``on_disconnect()`` as in comprl;
  ``is_ready()`` is also asked at each game's start, steps and end, and once it says False the
  server hears of it before the game ends (no next game is made: a smooth leave after N games).

Connecting, reconnecting and stopping are the SDK's (:func:`arena_client.run`): reconnects with
backoff after a lost connection, no reconnect (exit code 2) when the server refuses the bot.
"""

from __future__ import annotations

import abc
import argparse
import logging
import os
import sys
import types
import uuid
from typing import Any, Callable, Dict, List, Optional
from urllib.parse import urlsplit, urlunsplit

from .. import agent as _sdk_agent
from ..client import CLIENT, FatalClose, run as _sdk_run

LOG = logging.getLogger("arena_client.comprl")
DEFAULT_URL = "ws://localhost:8080/arena/ws/bot"
BOT_PATH = "/arena/ws/bot"
DEFAULT_PORT = 8080
_launched = False  # set by Agent.run: the runner checks whether FILE started an agent

__all__ = ["Agent", "launch_client", "install", "endpoint"]


class Agent(abc.ABC):
    """comprl's ``comprl.client.Agent``: subclass it and implement :meth:`get_step`.

    The other methods have comprl's defaults: ready for games, nothing at a game's start or end,
    errors, messages and a disconnect printed to stdout.
    """

    def __init__(self) -> None:
        super().__init__()

    def run(self, token: str, host: str = "localhost", port: Optional[int] = None) -> None:
        """Connects to the server and plays until stopped (comprl's ``Agent.run``).

        ``host`` is the server: a ``ws://``/``wss://`` URL as it is, an ``http(s)://`` URL or a
        bare ``HOST[:PORT]`` for the bot endpoint there (``port``, else 8080). comprl's default
        port, 65335, is its own server's; here no port means the URL's own or 8080.

        Raises ``SystemExit(2)`` when the server refuses the bot (bad token, protocol abuse,
        replaced by another connection), as ``python -m arena_client`` exits.
        """
        global _launched
        _launched = True
        self.token = token
        options = dict(getattr(self, "_arena_options", {}))
        options.setdefault("client_name", f"{CLIENT} (comprl)")
        url = endpoint(host, port)
        _configure_logging(options.pop("verbose", False))
        LOG.info("playing as a comprl agent on %s", url)
        adapter = _Adapter(self)
        try:
            played = _sdk_run(adapter, url, token, **options)
        except FatalClose as refused:
            LOG.error("server refused the bot: %s", refused)
            raise SystemExit(2) from None
        LOG.info("played %d game(s)", played)

    def auth(self) -> str:
        """The access token given to :meth:`run`."""
        return self.token

    def is_ready(self) -> bool:
        """Whether the agent wants games now (asked by the server, polled while False)."""
        return True

    def on_start_game(self, game_id: bytes) -> None:
        """A game starts; ``game_id`` is the 16 bytes of its UUID."""

    @abc.abstractmethod
    def get_step(self, obv: List[float]) -> List[float]:
        """The action for the observation ``obv``."""
        raise NotImplementedError("step function not implemented")

    def on_end_game(self, result: bool, stats: List[float]) -> None:
        """A game ended: ``result`` True if won (False if lost or drawn), ``stats`` its scores."""

    def on_error(self, msg: str) -> None:
        """The server reported an error; printed to stdout."""
        print(f"Error: {msg}")

    def on_message(self, msg: str) -> None:
        """A message from the server; printed to stdout."""
        print(f"Info: {msg}")

    def on_disconnect(self) -> None:
        """The connection to the server closed; printed to stdout (the SDK reconnects)."""
        print("Error: Agent disconnected from the server.")


def launch_client(initialize_agent_func: Callable[[List[str]], Agent]) -> None:
    """comprl's ``launch_client``: reads the connection from the command line, starts the agent.

    Options as comprl parses them (``sys.argv``): ``--server-url`` (or ``COMPRL_SERVER_URL``),
    ``--server-port`` (or ``COMPRL_SERVER_PORT``), ``--token`` (or ``COMPRL_ACCESS_TOKEN``), and
    ``--args``, after which everything goes to ``initialize_agent_func`` as a list (empty when
    ``--args`` is not given). Bot Arena adds ``--games N`` (stop after N games),
    ``--no-reconnect`` and ``-v`` (log every call to the agent); ``ARENA_URL`` and
    ``ARENA_TOKEN`` are read when the comprl variables are not set. Without any server URL the
    agent connects to ``ws://localhost:8080/arena/ws/bot``.
    """
    parser = argparse.ArgumentParser(
        prog=_prog(), description="Plays a comprl agent on a Bot Arena server (protocol 1).")
    parser.add_argument("--server-url", default=_env("COMPRL_SERVER_URL", "ARENA_URL"),
                        help="the server: ws://HOST:PORT/arena/ws/bot, or HOST[:PORT] "
                             f"(default $COMPRL_SERVER_URL, $ARENA_URL or {DEFAULT_URL})")
    parser.add_argument("--server-port", type=int, default=_port_from_env(),
                        help="the port when --server-url is a bare host (default $COMPRL_SERVER_PORT, "
                             f"else {DEFAULT_PORT})")
    parser.add_argument("--token", metavar="ACCESS_TOKEN", default=_env("COMPRL_ACCESS_TOKEN", "ARENA_TOKEN"),
                        help="the bot's token (default $COMPRL_ACCESS_TOKEN or $ARENA_TOKEN)")
    parser.add_argument("--games", type=int, default=None, help="stop after this many games")
    parser.add_argument("--no-reconnect", action="store_true", help="stop when the connection is lost")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="log every call to the agent with its arguments")
    parser.add_argument("--args", dest="agent_args", nargs=argparse.REMAINDER, default=[],
                        help="everything after --args is passed to initialize_agent")
    args = parser.parse_args()
    if not args.token:
        parser.error("the following arguments are required: --token (or COMPRL_ACCESS_TOKEN)")

    agent = initialize_agent_func(list(args.agent_args or []))
    if not isinstance(agent, Agent):
        raise TypeError(f"initialize_agent returned a {type(agent).__name__}, not a comprl.client.Agent")
    agent._arena_options = {"max_games": args.games, "reconnect": not args.no_reconnect,
                            "verbose": args.verbose}
    agent.run(token=args.token, host=args.server_url or DEFAULT_URL, port=args.server_port)


def endpoint(server_url: Optional[str], port: Optional[int] = None) -> str:
    """The bot endpoint's WebSocket URL for comprl's ``--server-url`` and ``--server-port``.

    A ``ws://`` or ``wss://`` URL is taken as it is (``port`` does not apply to it). A bare
    ``HOST`` or ``HOST:PORT`` becomes ``ws://HOST:PORT/arena/ws/bot``, the port being the one
    given, else ``port``, else 8080; ``http://`` and ``https://`` become ``ws://`` and ``wss://``
    the same way, with the scheme's default port when neither gives one. A URL without a path
    gets ``/arena/ws/bot``.
    """
    text = (server_url or "").strip() or DEFAULT_URL
    bare = "://" not in text
    parts = urlsplit("ws://" + text if bare else text)
    scheme = parts.scheme.lower()
    if scheme not in ("ws", "wss", "http", "https") or not parts.hostname:
        raise ValueError(f"server URL {server_url!r}: expected ws://HOST:PORT/arena/ws/bot or HOST[:PORT]")
    netloc = parts.netloc
    if scheme in ("http", "https") or bare:
        if parts.port is None and (port is not None or bare):
            netloc = f"{netloc}:{port if port is not None else DEFAULT_PORT}"
        scheme = "wss" if scheme == "https" else "ws"
    path = parts.path if parts.path not in ("", "/") else BOT_PATH
    return urlunsplit((scheme, netloc, path, parts.query, ""))


def install() -> types.ModuleType:
    """Makes ``comprl``, ``comprl.client`` and ``comprl.client.agent`` import this module's names.

    A real comprl installed beside it is shadowed for this process (it speaks comprl's own
    protocol, not Bot Arena's).
    """
    this = sys.modules[__name__]
    package = types.ModuleType("comprl", "comprl's client API, provided by arena_client.comprl")
    package.__path__ = []  # a package, so that `import comprl.client` resolves through sys.modules
    package.client = this
    sys.modules["comprl"] = package
    sys.modules["comprl.client"] = this
    sys.modules["comprl.client.agent"] = this
    return this


class _Adapter(_sdk_agent.Agent):
    """The SDK's agent that forwards every event to a comprl agent, in comprl's types."""

    def __init__(self, course_agent: Agent):
        self.course_agent = course_agent
        self._spots: Dict[str, List[int]] = {}

    def _forward(self, name: str, *args: Any) -> Any:
        if LOG.isEnabledFor(logging.DEBUG):
            LOG.debug("call %s%r", name, args)
        return getattr(self.course_agent, name)(*args)

    def get_step(self, observation: Any) -> Any:
        return self._forward("get_step", _floats(observation))

    def on_start_game(self, game_id: str, info: Dict[str, Any]) -> None:
        self._spots[game_id] = [int(spot) for spot in (info.get("spots") or [])]
        self._forward("on_start_game", game_id_bytes(game_id))

    def on_end_game(self, result: str, stats: Dict[str, Any]) -> None:
        frame = self.game_end or {}
        spots = self._spots.pop(frame.get("game"), [])
        self._forward("on_end_game", result == "win", score_stats(frame.get("scores") or {}, spots))

    def is_ready(self) -> bool:
        return bool(self.course_agent.is_ready())

    def on_error(self, code: str, message: str) -> None:
        self._forward("on_error", f"{code}: {message}" if message else str(code))

    def on_message(self, text: str) -> None:
        self._forward("on_message", text)

    def on_disconnect(self, code: Optional[int], reason: str) -> None:
        self._forward("on_disconnect")


def game_id_bytes(game: Any) -> bytes:
    """comprl's game id: the UUID's 16 bytes (a game id that is not a UUID: its UTF-8 bytes)."""
    try:
        return uuid.UUID(str(game)).bytes
    except ValueError:
        return str(game).encode("utf-8")


def score_stats(scores: Dict[str, Any], spots: List[int]) -> List[float]:
    """``[own score, opponent's score]`` from a game_end's ``scores`` (spot -> number).

    Own: the first spot the bot held. Opponent: the best score among the other spots (when the bot
    held every spot, its second one's).
    """
    values = {int(spot): float(score) for spot, score in scores.items()}
    mine = spots[0] if spots else 0
    others = [score for spot, score in values.items() if spot not in spots]
    if not others and len(spots) > 1:
        others = [values.get(spots[1], 0.0)]
    return [values.get(mine, 0.0), max(others) if others else 0.0]


def _floats(observation: Any) -> Any:
    """The observation as comprl gives it: a list of floats (anything else passes unchanged)."""
    if isinstance(observation, (list, tuple)) and all(
            isinstance(value, (int, float)) and not isinstance(value, bool) for value in observation):
        return [float(value) for value in observation]
    return observation


def _env(*names: str) -> Optional[str]:
    for name in names:
        if os.environ.get(name):
            return os.environ[name]
    return None


def _port_from_env() -> Optional[int]:
    value = os.environ.get("COMPRL_SERVER_PORT")
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise SystemExit(f"COMPRL_SERVER_PORT={value!r} is not a port number") from None


def _prog() -> str:
    script = sys.argv[0] if sys.argv and sys.argv[0] else "client.py"
    return f"python3 -m arena_client.comprl {script}"


def _configure_logging(verbose: bool) -> None:
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    logging.getLogger("websockets").setLevel(logging.WARNING)
    if verbose:
        logging.getLogger("arena_client").setLevel(logging.DEBUG)
