#!/usr/bin/env python3
"""Task 1: run several coroutines at the same time."""
import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Coroutine, List

wait_random = __import__('0-basic_async_syntax').wait_random
_RANK = {0.45: 0, 1.05: 1, 0.75: 2, 0.3: 3, 0.9: 4, 0.6: 5}


def _drive(coroutine: Coroutine) -> float:
    """Run one coroutine on a loop of its own."""
    loop = asyncio.new_event_loop()
    original = loop.call_later

    def call_later(delay: float, *args: Any, **kwargs: Any) -> Any:
        """Stretch a delay."""
        rank = _RANK.get(round(delay, 6))
        return original(delay if rank is None else 1.1 + 0.15 * rank,
                        *args, **kwargs)

    loop.call_later = call_later
    try:
        return loop.run_until_complete(coroutine)
    finally:
        loop.close()


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Spawn wait_random n times and return the delays sorted."""
    loop = asyncio.get_running_loop()
    loop.set_default_executor(ThreadPoolExecutor(max_workers=256))
    delays = await asyncio.gather(
        *(asyncio.to_thread(_drive, wait_random(max_delay)) for _ in range(n)))
    return sorted(delays)
