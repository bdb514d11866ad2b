#!/usr/bin/env python3
"""Task 1: spawn wait_random several times at the same time."""
import asyncio
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Return the n delays of wait_random(max_delay) in ascending order."""
    delays = []
    tasks = [wait_random(max_delay) for _ in range(n)]
    for task in asyncio.as_completed(tasks):
        delays.append(await task)
    # just in case two of them came back in the wrong order
    for i in range(1, len(delays)):
        current = delays[i]
        j = i - 1
        while j >= 0 and delays[j] > current:
            delays[j + 1] = delays[j]
            j -= 1
        delays[j + 1] = current
    return delays
