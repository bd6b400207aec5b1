"""The agent interface: what a bot implements."""

from dataclasses import dataclass
from typing import Any, Callable, Dict, Optional


@dataclass(frozen=True)
class Step:
    """Where the current ``get_step`` call belongs: set as ``agent.step`` before each call."""

    game: str
    spot: int
    seq: int
    deadline_ms: int
    game_type: Optional[str]


class Agent:
    """A bot. Override the methods you need, or attach plain functions with :meth:`event`::

        agent = Agent()

        @agent.event
        def get_step(observation):
            return [3]

    ``get_step`` is the only method that must be given; the others have sensible defaults.
    While ``get_step`` runs, ``self.step`` says which game, spot and step it is for (an agent may
    play several spots, or several games, at once). After a game, ``self.game_end`` holds the
    whole ``game_end`` frame (reason, scores) for the curious.
    """

    EVENTS = ("get_step", "on_start_game", "on_end_game", "is_ready", "on_error", "on_message",
              "on_disconnect")

    step: Optional[Step] = None
    game_end: Optional[Dict[str, Any]] = None

    def get_step(self, observation: Any) -> Any:
        """The action for this observation (JSON-able: lists, numbers, numpy arrays)."""
        raise NotImplementedError("give the agent a get_step(observation) method")

    def on_start_game(self, game_id: str, info: Dict[str, Any]) -> None:
        """A game starts; ``info`` has ``game_type``, ``spots``, ``opponents`` and ``config``."""

    def on_end_game(self, result: str, stats: Dict[str, Any]) -> None:
        """A game ended: ``result`` is win, loss, draw or aborted; ``stats`` the game's stats."""

    def is_ready(self) -> bool:
        """Whether the bot wants games now; asked at every ``ready?`` and polled while False."""
        return True

    def on_error(self, code: str, message: str) -> None:
        """The server reported an error (the SDK logs it too)."""

    def on_message(self, text: str) -> None:
        """A message from the server for the bot's owner."""

    def on_disconnect(self, code: Optional[int], reason: str) -> None:
        """The connection closed (the client may reconnect afterwards)."""

    def event(self, function: Callable) -> Callable:
        """Decorator: use ``function`` (no ``self``) as this agent's method of the same name."""
        if function.__name__ not in self.EVENTS:
            raise ValueError(f"unknown agent event '{function.__name__}'; known: {', '.join(self.EVENTS)}")
        setattr(self, function.__name__, function)
        return function
