import math
import tempfile
import textwrap
import unittest
from pathlib import Path

from arena_client import Agent, has_non_finite, to_json_action
from arena_client.__main__ import load_agent

try:
    import numpy
except ImportError:  # numpy is optional for the SDK
    numpy = None


class ActionsTest(unittest.TestCase):

    def test_plain_values_pass_unchanged(self):
        self.assertEqual([3], to_json_action([3]))
        self.assertEqual([1, [2, 3]], to_json_action((1, (2, 3))))
        self.assertEqual({"a": [1]}, to_json_action({"a": (1,)}))

    @unittest.skipIf(numpy is None, "numpy not installed")
    def test_numpy_arrays_and_scalars_become_lists_and_numbers(self):
        action = to_json_action(numpy.array([0.5, -1.0, 0.0, 1.0], dtype=numpy.float32))
        self.assertEqual([0.5, -1.0, 0.0, 1.0], action)
        self.assertIsInstance(action[0], float)
        self.assertEqual([2], to_json_action([numpy.int64(2)]))

    def test_what_json_cannot_carry_is_a_type_error(self):
        with self.assertRaises(TypeError):
            to_json_action([object()])

    def test_non_finite_values_are_found_anywhere(self):
        self.assertTrue(has_non_finite([0.0, [math.nan]]))
        self.assertTrue(has_non_finite({"x": -math.inf}))
        self.assertFalse(has_non_finite([0.0, 1, "nan"]))


class AgentTest(unittest.TestCase):

    def test_decorated_functions_become_the_agents_methods(self):
        agent = Agent()

        @agent.event
        def get_step(observation):
            return [observation[0] + 1]

        self.assertEqual([3], agent.get_step([2]))
        self.assertTrue(agent.is_ready())

    def test_a_typo_in_an_event_name_is_refused(self):
        agent = Agent()

        def get_stpe(observation):
            return [0]

        with self.assertRaisesRegex(ValueError, "unknown agent event 'get_stpe'"):
            agent.event(get_stpe)

    def test_an_agent_without_get_step_says_so(self):
        with self.assertRaisesRegex(NotImplementedError, "get_step"):
            Agent().get_step([0, 0])


class LoadAgentTest(unittest.TestCase):

    def setUp(self):
        self.directory = tempfile.TemporaryDirectory()
        self.file = Path(self.directory.name, "mybot.py")
        self.file.write_text(textwrap.dedent("""
            from arena_client import Agent

            class MyAgent(Agent):
                def get_step(self, observation):
                    return [1]

            decorated = Agent()
            not_an_agent = 42
        """))

    def tearDown(self):
        self.directory.cleanup()

    def test_a_class_in_a_file_is_instantiated(self):
        self.assertEqual([1], load_agent(f"{self.file}:MyAgent").get_step([0, 0]))

    def test_an_instance_is_used_as_it_is(self):
        self.assertIsInstance(load_agent(f"{self.file}:decorated"), Agent)

    def test_wrong_specs_say_what_is_wrong(self):
        with self.assertRaisesRegex(SystemExit, "not an arena_client.Agent"):
            load_agent(f"{self.file}:not_an_agent")
        with self.assertRaisesRegex(SystemExit, "has no 'Missing'"):
            load_agent(f"{self.file}:Missing")
        with self.assertRaisesRegex(SystemExit, "not found"):
            load_agent("nowhere.py:MyAgent")
        with self.assertRaisesRegex(SystemExit, "expected FILE.py:NAME"):
            load_agent("mybot.py")


if __name__ == "__main__":
    unittest.main()
