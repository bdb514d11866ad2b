#!/usr/bin/env python3
"""Task 1: awaits each coroutine before starting the next, then sorts."""
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Await wait_random n times in a row and sort the delays."""
    delays = []
    for _ in range(n):
        delays.append(await wait_random(max_delay))
    return sorted(delays)
