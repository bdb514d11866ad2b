#!/usr/bin/env python3
"""Task 1: execute multiple coroutines at the same time with async."""
import asyncio
import bisect
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Call wait_random n times concurrently and return the delays in order.

    Each delay is inserted at its place as soon as it arrives, so the list
    is always in ascending order without calling sort().
    """
    delays: List[float] = []
    for next_delay in asyncio.as_completed(
            [wait_random(max_delay) for _ in range(n)]):
        bisect.insort(delays, await next_delay)
    return delays
