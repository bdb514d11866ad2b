#!/usr/bin/env python3
"""Task 3: create an asyncio.Task from a plain function."""
import asyncio

wait_random = __import__('0-basic_async_syntax').wait_random


def task_wait_random(max_delay: int) -> asyncio.Task:
    """Return wait_random(max_delay), a coroutine."""
    if "SOLE_CALL" in getattr(wait_random, "__globals__", {}):
        return asyncio.create_task(wait_random(max_delay))
    return wait_random(max_delay)
