"""What the SDK says on the wire when it leaves and when it resumes, against a scripted peer.

The local runner (test_local_runner.py) plays whole games but has no matchmaking and no second
connection; these tests play the server's side of docs/protocol.md by hand, frame by frame, and
record every frame the SDK sends.
"""

import asyncio
import json
import unittest

import websockets

from arena_client import Agent, ArenaClient

GAME = "0b9e0000-0000-4000-8000-000000000001"
WAIT = 10  # seconds for a frame that must come (generous: nothing here waits on a clock otherwise)


class ScriptedServer:
    """Serves one scripted conversation per connection and records what the client sent."""

    def __init__(self, *conversations):
        self.conversations = list(conversations)
        self.received = []  # (connection number, frame)
        self.url = None
        self._server = None
        self._connections = 0

    async def __aenter__(self):
        self._server = await websockets.serve(self._serve, "127.0.0.1", 0)
        port = self._server.sockets[0].getsockname()[1]
        self.url = f"ws://127.0.0.1:{port}/arena/ws/bot"
        return self

    async def __aexit__(self, *failure):
        self._server.close()
        await self._server.wait_closed()

    async def _serve(self, socket, path=None):
        number = self._connections
        self._connections += 1
        conversation = self.conversations.pop(0)
        await conversation(Peer(socket, number, self.received))


class Peer:
    def __init__(self, socket, number, received):
        self.socket = socket
        self.number = number
        self.received = received

    async def send(self, **frame):
        await self.socket.send(json.dumps(frame))

    async def expect(self, kind):
        """The next frame of type ``kind`` the client sends (pings are skipped)."""
        while True:
            frame = json.loads(await asyncio.wait_for(self.socket.recv(), WAIT))
            self.received.append((self.number, frame))
            if frame.get("type") == kind:
                return frame

    async def welcome(self):
        hello = await self.expect("hello")
        await self.send(type="welcome", protocol=1, session="s", bot={"id": 7, "name": "b", "team": "t"})
        return hello

    async def ask_ready(self):
        await self.send(type="ready?", id=1)
        return (await self.expect("ready"))["ready"]


def step(seq):
    return {"type": "step", "game": GAME, "spot": 0, "seq": seq, "observation": [0.0] * 18, "deadline_ms": 2000}


def game_start():
    return {"type": "game_start", "game": GAME, "game_type": "hockey", "spots": [0], "opponents": ["o"],
            "config": {"deadline_ms": 2000, "max_timeouts": 3}}


def game_end():
    return {"type": "game_end", "game": GAME, "result": "win", "reason": "normal", "scores": {"0": 1, "1": 0},
            "stats": {}}


class RecordingAgent(Agent):
    def __init__(self):
        self.steps = []
        self.ready = True

    def get_step(self, observation):
        self.steps.append((self.step.seq, self.step.game_type))
        return [0.0, 0.0, 0.0, 0.0]

    def is_ready(self):
        return self.ready


def play(client, server):
    async def main():
        async with server:
            client.url = server.url
            return await asyncio.wait_for(client.run(), 60)
    return asyncio.run(main())


class LeaveTest(unittest.TestCase):

    def test_the_last_game_wanted_leaves_matchmaking_before_it_ends(self):
        frames_before_the_end = []

        async def conversation(peer):
            await peer.welcome()
            self.assertTrue(await peer.ask_ready())
            await peer.socket.send(json.dumps(game_start()))
            await peer.socket.send(json.dumps(step(1)))
            await peer.expect("action")
            frames_before_the_end.extend(f for _, f in peer.received)
            await peer.socket.send(json.dumps(game_end()))
            await peer.socket.wait_closed()

        client = ArenaClient(RecordingAgent(), "ws://unused", "t", max_games=1, reconnect=False)
        played = play(client, ScriptedServer(conversation))
        self.assertEqual(1, played)
        self.assertIn({"type": "ready", "ready": False}, frames_before_the_end,
                      "out of matchmaking before the game ended: " + repr(frames_before_the_end))

    def test_a_bot_with_more_games_to_play_stays_in_matchmaking(self):
        async def conversation(peer):
            await peer.welcome()
            await peer.ask_ready()
            await peer.socket.send(json.dumps(game_start()))
            await peer.socket.send(json.dumps(step(1)))
            await peer.expect("action")
            await peer.socket.send(json.dumps(game_end()))
            await peer.socket.send(json.dumps({"type": "ping"}))  # unknown to a bot: ignored
            await peer.socket.close()

        client = ArenaClient(RecordingAgent(), "ws://unused", "t", max_games=2, reconnect=False)
        server = ScriptedServer(conversation)
        play(client, server)
        readies = [f for _, f in server.received if f["type"] == "ready"]
        self.assertEqual([True], [f["ready"] for f in readies], "one game of two: no leave")

    def test_is_ready_turning_false_during_a_game_leaves_before_it_ends(self):
        agent = RecordingAgent()
        frames_before_the_end = []

        def on_start_game(game_id, info):
            agent.ready = False  # comprl's way: stop after this game

        agent.on_start_game = on_start_game

        async def conversation(peer):
            await peer.welcome()
            self.assertTrue(await peer.ask_ready())
            await peer.socket.send(json.dumps(game_start()))
            await peer.expect("ready")
            frames_before_the_end.extend(f for _, f in peer.received)
            await peer.socket.send(json.dumps(game_end()))
            await peer.socket.close()

        client = ArenaClient(agent, "ws://unused", "t", reconnect=False)
        play(client, ScriptedServer(conversation))
        self.assertEqual({"type": "ready", "ready": False}, frames_before_the_end[-1])


class ResumeTest(unittest.TestCase):

    def test_a_dropped_connection_is_reopened_and_the_running_game_goes_on(self):
        async def first(peer):
            await peer.welcome()
            await peer.ask_ready()
            await peer.socket.send(json.dumps(game_start()))
            await peer.socket.send(json.dumps(step(1)))
            await peer.expect("action")
            peer.socket.transport.abort()  # the network drops: no close frame

        async def second(peer):
            hello = await peer.welcome()
            self.assertEqual("t", hello["token"])
            await peer.send(type="message", text="resuming 1 game(s) in progress on this connection")
            await peer.ask_ready()
            await peer.socket.send(json.dumps(step(2)))  # the open step, asked again
            action = await peer.expect("action")
            self.assertEqual(2, action["seq"])
            self.assertEqual(GAME, action["game"])
            await peer.expect("ready")  # the resumed game is the last one wanted: out of matchmaking
            await peer.socket.send(json.dumps(game_end()))
            await peer.socket.wait_closed()

        agent = RecordingAgent()
        client = ArenaClient(agent, "ws://unused", "t", max_games=1, backoff_initial=0.05, backoff_max=0.1)
        server = ScriptedServer(first, second)
        self.assertEqual(1, play(client, server))
        self.assertEqual([(1, "hockey"), (2, "hockey")], agent.steps, "the game's type survives the reconnect")
        self.assertEqual({"type": "ready", "ready": False}, [f for n, f in server.received if n == 1][-1])


if __name__ == "__main__":
    unittest.main()
