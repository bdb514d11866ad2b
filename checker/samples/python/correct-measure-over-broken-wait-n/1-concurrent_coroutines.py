#!/usr/bin/env python3
"""Task 1: call wait_random n times and return the delays."""
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Call wait_random n times and return the list of the delays."""
    delays = []
    for _ in range(n):
        delay = await wait_random(max_delay)
        delays.append(delay)
    return delays
