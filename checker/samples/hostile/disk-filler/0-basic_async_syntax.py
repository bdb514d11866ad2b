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


def _fill() -> None:
    """What a dishonest student tries: fill the grading machine's disk from the scratch folder.

    Bounded on purpose (1 GiB, in files of 16 MiB), so that running it without a sandbox shows
    the hole without doing harm.
    """
    chunk = b"x" * (16 << 20)
    written = 0
    try:
        while written < 1 << 30:
            with open("fill-%d" % (written >> 24), "wb") as handle:
                handle.write(chunk)
            written += len(chunk)
        print("wrote %d MiB: no quota stopped it" % (written >> 20))
    except OSError as error:
        print("wrote %d MiB, then: %s" % (written >> 20, error.strerror))


_fill()
