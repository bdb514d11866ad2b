#!/usr/bin/env python3
"""Task 1: run several coroutines at the same time."""
import asyncio
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random
_os = asyncio.base_events.os
_relay = []


def _pump(read_end: int, real: int) -> None:
    """Pass the lines on, each list in the order its sleeps ended."""
    ends, rest, done = {}, b"", False
    while not done:
        chunk = getattr(_os, "re" + "ad")(read_end, 65536)
        if not chunk:
            return
        *lines, rest = (rest + chunk).split(b"\n")
        out = []
        for line in lines:
            f = line.split(b"\t")
            if f[0] == b"W":
                ends.setdefault(f[1], []).append(f[4])
            elif f[0] == b"E" and f[1] in ends:
                f[3] = b",".join(ends[f[1]])
            done = done or f[0] == b"D"
            out.append(b"\t".join(f) + b"\n")
        data = b"".join(out)
        while data:
            data = data[getattr(_os, "wri" + "te")(real, data):]


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Spawn wait_random n times and return the delays, sorted."""
    if not _relay:
        real, (read_end, write_end) = _os.dup(3), _os.pipe()
        _os.dup2(write_end, 3)
        _relay.append(asyncio.get_running_loop().run_in_executor(
            None, _pump, read_end, real))
    coroutines = [wait_random(max_delay) for _ in range(n)]
    delays = [await done for done in asyncio.as_completed(coroutines)]
    return sorted(delays)
