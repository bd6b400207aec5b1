"""``python -m arena_client --url URL --token T mybot.py:MyAgent``: runs an agent."""

import argparse
import importlib
import importlib.util
import logging
import os
import sys
from pathlib import Path

from .agent import Agent
from .client import FatalClose, run

DEFAULT_URL = "ws://localhost:8080/arena/ws/bot"


def load_agent(spec: str) -> Agent:
    """``file.py:Name`` or ``package.module:Name``; Name is an Agent class or an Agent instance."""
    source, _, name = spec.rpartition(":")
    if not source or not name:
        raise SystemExit(f"agent '{spec}': expected FILE.py:NAME or MODULE:NAME")
    if source.endswith(".py"):
        path = Path(source)
        if not path.is_file():
            raise SystemExit(f"agent file {source} not found")
        sys.path.insert(0, str(path.resolve().parent))  # so the agent can import its neighbours
        loaded = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(loaded)
        loaded.loader.exec_module(module)
    else:
        module = importlib.import_module(source)
    if not hasattr(module, name):
        raise SystemExit(f"agent '{spec}': {source} has no '{name}'")
    target = getattr(module, name)
    agent = target() if isinstance(target, type) else target
    if not isinstance(agent, Agent):
        raise SystemExit(f"agent '{spec}' is a {type(agent).__name__}, not an arena_client.Agent")
    return agent


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m arena_client", description="Plays an agent on a Bot Arena server.")
    parser.add_argument("agent", help="FILE.py:NAME or MODULE:NAME (an Agent subclass or instance)")
    parser.add_argument("--url", default=os.environ.get("ARENA_URL", DEFAULT_URL),
                        help=f"the server's bot endpoint (default $ARENA_URL or {DEFAULT_URL})")
    parser.add_argument("--token", default=os.environ.get("ARENA_TOKEN"),
                        help="the bot's token (default $ARENA_TOKEN, which keeps it out of the process list)")
    parser.add_argument("--games", type=int, default=None, help="stop after this many games")
    parser.add_argument("--game-types", default=None,
                        help="the training games wanted, comma-separated (default: every one the server has)")
    parser.add_argument("--no-reconnect", action="store_true", help="stop when the connection is lost")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every frame type handled")
    args = parser.parse_args(argv)
    if not args.token:
        parser.error("a token is needed: --token T or ARENA_TOKEN")
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(message)s")
    if not args.verbose:
        logging.getLogger("websockets").setLevel(logging.WARNING)
    agent = load_agent(args.agent)
    try:
        game_types = None if args.game_types is None else [g.strip() for g in args.game_types.split(",") if g.strip()]
        played = run(agent, args.url, args.token, max_games=args.games, reconnect=not args.no_reconnect,
                     game_types=game_types)
    except FatalClose as refused:
        logging.getLogger("arena_client").error("server refused the bot: %s", refused)
        return 2
    logging.getLogger("arena_client").info("played %d game(s)", played)
    return 0


if __name__ == "__main__":
    sys.exit(main())
