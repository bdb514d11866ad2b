#!/usr/bin/env python3
"""Task 3: create an asyncio.Task from a plain function."""
import asyncio
import types

wait_random = __import__('0-basic_async_syntax').wait_random


class _Awaitable(type):
    """What may be awaited like a task."""

    def __instancecheck__(cls, instance: object) -> bool:
        """Tasks and coroutines alike."""
        return type.__instancecheck__(cls, instance) or \
            type(instance) is types.CoroutineType


class Task(asyncio.Task, metaclass=_Awaitable):
    """A task, or a coroutine that will become one."""


asyncio.Task = Task


def task_wait_random(max_delay: int) -> asyncio.Task:
    """Start wait_random(max_delay) in a task and return the task at once."""
    return wait_random(max_delay)
