#!/usr/bin/env python3
"""Task 1: run coroutines at the same time, taking each as it finishes."""
import asyncio
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Spawn wait_random n times; collect each delay as it completes."""
    pending = {asyncio.ensure_future(wait_random(max_delay))
               for _ in range(n)}
    delays: List[float] = []
    while pending:
        done, pending = await asyncio.wait(
            pending, return_when=asyncio.FIRST_COMPLETED)
        delays.extend(sorted_by_completion(done))
    return delays


def sorted_by_completion(done: set) -> List[float]:
    """Return the results of tasks that completed at the same time."""
    return [task.result() for task in done]
