#!/usr/bin/env python3
"""Task 1: divides by n, which raises for n == 0."""
import asyncio
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Spawn wait_random n times; return the delays as they complete."""
    share = max_delay / n
    delays = []
    coroutines = [wait_random(max_delay) for _ in range(n)]
    for finished in asyncio.as_completed(coroutines):
        delays.append(await finished)
    return delays if share >= 0 else []
