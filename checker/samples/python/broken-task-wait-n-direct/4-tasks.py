#!/usr/bin/env python3
"""Task 4: uses wait_random directly instead of task_wait_random."""
import asyncio
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random


async def task_wait_n(n: int, max_delay: int) -> List[float]:
    """Run wait_random n times concurrently; return delays as they finish."""
    delays = []
    coroutines = [wait_random(max_delay) for _ in range(n)]
    for finished in asyncio.as_completed(coroutines):
        delays.append(await finished)
    return delays
