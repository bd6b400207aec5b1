"""``python3 -m arena_client.comprl FILE [--server-url U] [--token T] [--args ...]``.

Runs a course client file, written against comprl (``from comprl.client import Agent,
launch_client``), unchanged on Bot Arena: ``comprl.client`` imports :mod:`arena_client.comprl`,
and FILE runs as ``__main__`` with the options after it as its command line, where its
``launch_client(initialize_agent)`` reads them as comprl's does.
"""

import runpy
import sys
from pathlib import Path

from . import install

USAGE = """usage: python3 -m arena_client.comprl FILE [--server-url URL] [--server-port PORT]
                                    [--token TOKEN] [--games N] [--no-reconnect] [-v]
                                    [--args ...]

Runs FILE, a course agent written against comprl (from comprl.client import Agent,
launch_client), unchanged on a Bot Arena server. The options after FILE are FILE's command
line, read by its launch_client(initialize_agent) as comprl reads them; everything after
--args goes to initialize_agent. `python3 -m arena_client.comprl FILE --help` lists them.
"""


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help"):
        print(USAGE, end="")
        return 0 if argv else 2
    path = Path(argv[0])
    if not path.is_file():
        print(f"{USAGE}\nerror: agent file {argv[0]} not found", file=sys.stderr)
        return 2
    module = install()
    sys.argv = [str(path), *argv[1:]]
    sys.path.insert(0, str(path.resolve().parent))  # as `python3 FILE` does: FILE's neighbours import
    namespace = runpy.run_path(str(path), run_name="__main__")
    if not module._launched:
        initialize = namespace.get("initialize_agent")
        if not callable(initialize):
            print(f"error: {path} neither called launch_client(initialize_agent) when run as __main__ "
                  "nor defines initialize_agent(agent_args)", file=sys.stderr)
            return 2
        module.launch_client(initialize)  # a file without the `if __name__ == "__main__":` block
    return 0


if __name__ == "__main__":
    sys.exit(main())
