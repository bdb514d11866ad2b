#!/usr/bin/env python3
"""Task 3: create an asyncio.Task from a plain function."""
import asyncio

wait_random = __import__('0-basic_async_syntax').wait_random


def task_wait_random(max_delay: int) -> asyncio.Task:
    """Start wait_random(max_delay) in a task and return the task at once."""
    return asyncio.create_task(wait_random(max_delay))
