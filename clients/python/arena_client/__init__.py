"""Bot Arena client SDK (protocol version 1).

Write an :class:`Agent` (subclass it, or decorate functions onto an instance) and run it with
``python -m arena_client --url ws://HOST:8080/arena/ws/bot --token T mybot.py:MyAgent`` or
:func:`run`.
"""

from .agent import Agent, Step
from .actions import to_json_action, has_non_finite
from .client import ArenaClient, FatalClose, run

__all__ = ["Agent", "Step", "ArenaClient", "FatalClose", "run", "to_json_action", "has_non_finite"]
__version__ = "0.1.0"
PROTOCOL = 1
