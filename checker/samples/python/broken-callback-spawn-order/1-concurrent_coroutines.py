#!/usr/bin/env python3
"""Task 1: run wait_random n times and collect the delays as they finish."""
import asyncio
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Start n tasks; each one adds its delay to the list when it is done."""
    delays: List[float] = []
    tasks = [asyncio.create_task(wait_random(max_delay)) for _ in range(n)]
    for task in tasks:
        task.add_done_callback(lambda done: delays.append(done.result()))
    # wait until every task has finished before returning the list
    for task in tasks:
        await task
    return delays
