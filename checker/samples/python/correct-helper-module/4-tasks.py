#!/usr/bin/env python3
"""Task 4: wait_n, built on task_wait_random."""
from typing import List

from collect import in_completion_order

task_wait_random = __import__('3-tasks').task_wait_random


async def task_wait_n(n: int, max_delay: int) -> List[float]:
    """Start task_wait_random n times; return the delays as they finish."""
    tasks = [task_wait_random(max_delay) for _ in range(n)]
    return await in_completion_order(tasks)
