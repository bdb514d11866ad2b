#!/usr/bin/env python3
"""Task 1: run several wait_random coroutines at the same time."""
import asyncio
import heapq
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Spawn wait_random n times and return the list of all the delays."""
    heap: List[float] = []
    coroutines = [wait_random(max_delay) for _ in range(n)]
    for finished in asyncio.as_completed(coroutines):
        # the heap keeps the smallest delay on top: popping gives them in order
        heapq.heappush(heap, await finished)
    return [heapq.heappop(heap) for _ in range(len(heap))]
