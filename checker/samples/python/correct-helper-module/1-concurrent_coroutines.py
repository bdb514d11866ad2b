#!/usr/bin/env python3
"""Task 1: run several coroutines at the same time."""
from typing import List

from collect import in_completion_order

wait_random = __import__('0-basic_async_syntax').wait_random


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Spawn wait_random n times and return the delays as they complete."""
    return await in_completion_order(wait_random(max_delay) for _ in range(n))
