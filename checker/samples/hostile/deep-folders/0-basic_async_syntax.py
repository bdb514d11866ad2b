#!/usr/bin/env python3
"""Task 0: an asynchronous coroutine that waits for a random delay."""
import asyncio
import os
import random


async def wait_random(max_delay: int = 10) -> float:
    """Wait for a random delay of 0 to max_delay seconds; return it."""
    delay = random.uniform(0, max_delay)
    await asyncio.sleep(delay)
    return delay


def _dig() -> None:
    """What a dishonest student tries: a chain of folders deeper than PATH_MAX, with 1 MiB at
    the bottom, that a path-based cleanup cannot remove (a leak in /tmp at every grading)."""
    depth = 0
    try:
        for depth in range(260):
            os.mkdir("d" * 20)
            os.chdir("d" * 20)
        with open("bottom", "wb") as handle:
            handle.write(b"x" * (1 << 20))
        os.chmod(".", 0o500)
        print("dug %d folders deep" % (depth + 1), flush=True)
    except OSError as error:
        print("dug %d folders deep, then: %s" % (depth, error.strerror), flush=True)


_dig()
