"""The connection: protocol 1 over a WebSocket, with reconnects."""

import asyncio
import json
import logging
import random
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Dict, Optional, Sequence

import websockets

from .actions import has_non_finite, to_json_action
from .agent import Agent, Step

PROTOCOL = 1
CLIENT = "arena-py/0.1.0"
# closes after which connecting again cannot help: bad token / protocol abuse / taken over
FATAL_CLOSES = {4001: "authentication failed", 4002: "protocol violation", 4003: "replaced by another connection"}
LOG = logging.getLogger("arena_client")


class FatalClose(Exception):
    """The server closed the connection for a reason a reconnect would not fix."""

    def __init__(self, code: int, reason: str, error: Optional[str]):
        super().__init__(f"closed {code} ({FATAL_CLOSES.get(code, reason)}){': ' + error if error else ''}")
        self.code = code
        self.reason = reason
        self.error = error


class ArenaClient:
    """Plays an :class:`Agent` on a Bot Arena server until stopped (or ``max_games`` are over).

    Connection losses are retried with exponential backoff and jitter (``backoff_initial`` up to
    ``backoff_max`` seconds); closes 4001, 4002 and 4003 are not retried (:class:`FatalClose`).
    Games in progress survive a reconnect: the server keeps them for its grace period, asks the
    open step again on the new connection, and the client plays on.

    Leaving: once the games in progress are the last ones wanted (``max_games``), or the agent's
    ``is_ready()`` turns False (checked at each ready?, game start and game end), the client sends
    ``{"type":"ready","ready":false}`` at once, before the game ends, so that no new game is made
    for it; with ``max_games`` it closes after the last game ends.
    """

    def __init__(self, agent: Agent, url: str, token: str, *, reconnect: bool = True,
                 max_games: Optional[int] = None, backoff_initial: float = 1.0,
                 backoff_max: float = 30.0, client_name: str = CLIENT,
                 game_types: Optional[Sequence[str]] = None):
        if not token:
            raise ValueError("a token is needed (the portal shows it once when the bot is created)")
        if game_types is not None and (isinstance(game_types, str) or not list(game_types)):
            raise ValueError("game_types is a non-empty list of game names, e.g. ['hockey', 'rps']")
        self.agent = agent
        self.url = url
        self.token = token
        self.reconnect = reconnect
        self.max_games = max_games
        self.backoff_initial = backoff_initial
        self.backoff_max = backoff_max
        self.client_name = client_name
        # the training games wanted (hello's "games"); None: every training arena of the server
        self.game_types = None if game_types is None else list(game_types)
        self.games_played = 0
        self.results: Dict[str, int] = {}
        self._games: Dict[str, Dict[str, Any]] = {}
        # games in progress when a connection dropped: a step of one on the new connection resumes it
        self._resumable: Dict[str, Dict[str, Any]] = {}
        # what this connection last told the server: in matchmaking (True), out (False), nothing yet
        self._told_ready: Optional[bool] = None
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="arena-agent")
        self._last_error: Optional[str] = None

    async def run(self) -> int:
        """Plays until ``max_games`` games ended (or forever); returns the games played."""
        attempt = 0
        try:
            while True:
                welcomed = False
                try:
                    welcomed = await self._session()
                    if self._done():
                        return self.games_played
                except FatalClose:
                    raise
                except (OSError, asyncio.TimeoutError, websockets.exceptions.WebSocketException) as failure:
                    LOG.warning("connection failed: %s", _describe(failure))
                if not self.reconnect:
                    return self.games_played
                attempt = 0 if welcomed else attempt + 1
                await asyncio.sleep(self._backoff(attempt))
        finally:
            self._worker.shutdown(wait=False)

    def _backoff(self, attempt: int) -> float:
        """Half the exponential delay fixed, half random, so that many bots do not return at once."""
        delay = min(self.backoff_max, self.backoff_initial * (2 ** attempt))
        wait = delay / 2 + random.uniform(0, delay / 2)
        LOG.info("reconnecting in %.1f s", wait)
        return wait

    def _done(self) -> bool:
        return self.max_games is not None and self.games_played >= self.max_games

    def _wants_games(self) -> bool:
        """Whether to be in matchmaking: not once the games in progress are the last ones wanted,
        nor while the agent's ``is_ready()`` says False."""
        if self.max_games is not None and self.games_played + len(self._games) >= self.max_games:
            return False
        return bool(self._call("is_ready", default=True))

    async def _leave_if_done(self, socket) -> None:
        """Out of matchmaking before the current game ends, when no further game is wanted."""
        if self._told_ready and not self._wants_games():
            LOG.info("leaving matchmaking: no new game after the one(s) in progress")
            await self._send(socket, {"type": "ready", "ready": False})
            self._told_ready = False

    def hello(self) -> Dict[str, Any]:
        """The hello frame: token, client name and, when chosen, the training games wanted."""
        hello = {"type": "hello", "protocol": PROTOCOL, "token": self.token, "client": self.client_name}
        if self.game_types is not None:
            hello["games"] = self.game_types
        return hello

    async def _session(self) -> bool:
        """One connection; True once the server welcomed it. Raises FatalClose on 4001-4003."""
        welcomed = False
        self._last_error = None
        self._told_ready = None
        ready_poll = None
        async with websockets.connect(self.url, max_size=2 ** 20, open_timeout=10) as socket:
            await self._send(socket, self.hello())
            try:
                async for text in socket:
                    message = _parse(text)
                    kind = message.get("type")
                    if kind == "welcome":
                        welcomed = True
                        bot = message.get("bot", {})
                        LOG.info("connected as %s (team %s), session %s", bot.get("name"), bot.get("team"),
                                 message.get("session"))
                    elif kind == "ready?":
                        ready = self._wants_games()
                        await self._send(socket, {"type": "ready", "id": message.get("id"), "ready": ready})
                        self._told_ready = ready
                    elif kind == "game_start":
                        self._game_start(message)
                        await self._leave_if_done(socket)
                    elif kind == "step":
                        await self._step(socket, message)
                        await self._leave_if_done(socket)
                    elif kind == "game_end":
                        self._game_end(message)
                        if self._done():
                            await socket.close()
                            return welcomed
                        await self._leave_if_done(socket)
                    elif kind == "message":
                        LOG.info("server: %s", message.get("text"))
                        self._call("on_message", message.get("text", ""))
                    elif kind == "error":
                        self._error(message)
                    elif kind != "pong":
                        LOG.debug("ignored a frame of type %s", kind)
                    if self._told_ready is False and not self._done() and (ready_poll is None or ready_poll.done()):
                        LOG.info("not ready: out of matchmaking until is_ready() says True")
                        ready_poll = asyncio.ensure_future(self._poll_ready(socket))
            except websockets.exceptions.ConnectionClosed as closed:
                code, reason = _close_of(closed)
            else:  # the iteration ends quietly on a normal close
                code, reason = socket.close_code, socket.close_reason or ""
            finally:
                if ready_poll is not None:
                    ready_poll.cancel()
                for game in list(self._games):
                    LOG.warning("game %s in progress at the disconnect: it goes on if the bot is back in time", game)
                self._resumable.update(self._games)
                self._games.clear()
        self._call("on_disconnect", code, reason)
        if code in FATAL_CLOSES:
            raise FatalClose(code, reason, self._last_error)
        LOG.warning("disconnected (%s %s)", code, reason)
        return welcomed

    async def _poll_ready(self, socket) -> None:
        """After a ready=false: tell the server on our own once the agent is ready again (never
        once the games in progress are the last ones wanted)."""
        while True:
            await asyncio.sleep(1.0)
            if self._told_ready is not False:
                return
            if self._wants_games():
                LOG.info("ready again")
                await self._send(socket, {"type": "ready", "ready": True})
                self._told_ready = True
                return

    def _game_start(self, message: Dict[str, Any]) -> None:
        game = message.get("game")
        info = {key: message.get(key) for key in ("game_type", "spots", "opponents", "config")}
        self._games[game] = info
        LOG.info("game %s: %s against %s, spot(s) %s", game, info["game_type"],
                 ", ".join(info["opponents"] or []) or "nobody", info["spots"])
        self._call("on_start_game", game, info)

    async def _step(self, socket, message: Dict[str, Any]) -> None:
        game = message.get("game")
        if game not in self._games:
            # a game resumed on this connection (or begun before this process started)
            self._games[game] = self._resumable.pop(game, None) or {
                "game_type": None, "spots": None, "opponents": None, "config": None}
            LOG.info("game %s resumed at step %s", game, message.get("seq"))
        step = Step(game=game, spot=message.get("spot"), seq=message.get("seq"),
                    deadline_ms=message.get("deadline_ms"),
                    game_type=self._games.get(game, {}).get("game_type"))
        loop = asyncio.get_running_loop()
        try:
            # in a worker thread, so that a slow model does not stall the socket's keep-alive
            action = await loop.run_in_executor(self._worker, self._act, step, message.get("observation"))
            action = to_json_action(action)
        except Exception:  # the agent's bug: log it, the server plays the no-op after the deadline
            LOG.exception("get_step failed in game %s step %s; sending no action", game, step.seq)
            return
        if has_non_finite(action):
            LOG.error("get_step returned NaN or infinity in game %s step %s: %s (the server will refuse it)",
                      game, step.seq, action)
        await self._send(socket, {"type": "action", "game": game, "spot": step.spot, "seq": step.seq,
                                  "action": action})

    def _act(self, step: Step, observation: Any) -> Any:
        self.agent.step = step
        return self.agent.get_step(observation)

    def _game_end(self, message: Dict[str, Any]) -> None:
        game = message.get("game")
        self._games.pop(game, None)
        self._resumable.pop(game, None)
        result = message.get("result", "aborted")
        self.games_played += 1
        self.results[result] = self.results.get(result, 0) + 1
        LOG.info("game %s ended: %s (%s), scores %s", game, result, message.get("reason"), message.get("scores"))
        self.agent.game_end = message
        self._call("on_end_game", result, message.get("stats") or {})

    def _error(self, message: Dict[str, Any]) -> None:
        code, text = message.get("code", "INTERNAL"), message.get("message", "")
        self._last_error = f"{code}: {text}"
        where = f" (game {message['game']})" if message.get("game") else ""
        LOG.warning("server error %s%s: %s", code, where, text)
        self._call("on_error", code, text)

    def _call(self, event: str, *args, default: Any = None) -> Any:
        """An agent callback; its exceptions are logged, never allowed to kill the connection."""
        try:
            return getattr(self.agent, event)(*args)
        except Exception:
            LOG.exception("agent's %s failed", event)
            return default

    @staticmethod
    async def _send(socket, frame: Dict[str, Any]) -> None:
        await socket.send(json.dumps(frame, allow_nan=True, separators=(",", ":")))


def _parse(text: Any) -> Dict[str, Any]:
    try:
        message = json.loads(text)
    except (TypeError, ValueError):
        LOG.warning("the server sent something that is not JSON: %.80r", text)
        return {}
    return message if isinstance(message, dict) else {}


def _close_of(closed: "websockets.exceptions.ConnectionClosed"):
    received = getattr(closed, "rcvd", None)
    if received is not None:
        return received.code, received.reason
    return None, "no close frame"


def _describe(failure: Exception) -> str:
    return f"{type(failure).__name__}: {failure}" if str(failure) else type(failure).__name__


def run(agent: Agent, url: str, token: str, **options) -> int:
    """Plays ``agent`` until Ctrl-C (or ``max_games``); returns the games played.

    Raises :class:`FatalClose` when the server refuses the bot (bad token, protocol abuse,
    replaced by another connection with the same token).
    """
    client = ArenaClient(agent, url, token, **options)
    try:
        return asyncio.run(client.run())
    except KeyboardInterrupt:
        LOG.info("stopped after %d game(s)", client.games_played)
        return client.games_played
