#!/usr/bin/env python3
"""Task 3: declared async, so it cannot hand back a task at once."""
import asyncio

wait_random = __import__('0-basic_async_syntax').wait_random


async def task_wait_random(max_delay: int) -> asyncio.Task:
    """Start wait_random(max_delay) in a task and return the task."""
    return asyncio.create_task(wait_random(max_delay))
