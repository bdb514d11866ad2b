#!/usr/bin/env python3
"""Task 1: run several coroutines at the same time, collected by callbacks."""
import asyncio
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Spawn wait_random n times; each task appends its delay when done."""
    delays: List[float] = []
    tasks = [asyncio.ensure_future(wait_random(max_delay)) for _ in range(n)]
    for task in tasks:
        task.add_done_callback(lambda done: delays.append(done.result()))
    if tasks:
        await asyncio.gather(*tasks)
    await asyncio.sleep(0)
    return delays
