"""The ACD's Lua scripts: each operation is one script run atomically by Redis (EVALSHA).

Every script is ``lua/lib.lua`` (the shared helpers) followed by the operation's own file, and
takes ``ARGV = [key prefix, now in ms, ...its arguments]``. The scripts name their keys from the
prefix instead of declaring them in ``KEYS``: routing lives on one Redis server (not a cluster),
which lets one decision read and write every structure it needs at once.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from redis import Redis
from redis.commands.core import Script

LUA = Path(__file__).with_name("lua")

OPERATIONS = ("enqueue", "withdraw", "respond", "end_call", "end_wrapup", "presence", "heartbeat",
              "eligibility", "remove_agent", "configure", "tick", "snapshot")


@cache
def source(operation: str) -> str:
    """The full text of one operation's script."""
    if operation not in OPERATIONS:
        raise ValueError(f"unknown routing operation {operation!r}")
    return (LUA / "lib.lua").read_text() + "\n" + (LUA / f"{operation}.lua").read_text()


def register(client: Redis) -> dict[str, Script]:
    """Every operation's script registered on ``client`` (loaded on first use, then run by SHA)."""
    return {operation: client.register_script(source(operation)) for operation in OPERATIONS}
