#!/usr/bin/env python3
"""Task 1: let's execute multiple coroutines at the same time with async."""
import asyncio
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Run wait_random n times at once and return the delays, ascending."""
    results = await asyncio.gather(*(wait_random(max_delay)
                                     for _ in range(n)))
    results = list(results)
    ordered = []
    # no sort() allowed: take the smallest one until nothing is left
    while results:
        smallest = min(results)
        ordered.append(smallest)
        results.remove(smallest)
    return ordered
