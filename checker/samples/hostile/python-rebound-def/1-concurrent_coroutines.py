#!/usr/bin/env python3
"""Task 1: run several coroutines at the same time."""
import asyncio
from typing import Any, Callable, List

wait_random = __import__('0-basic_async_syntax').wait_random


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Spawn wait_random n times and return the delays as they complete."""
    return []


def build() -> Callable[..., Any]:
    """Make the function that the module really exports."""
    async def wait_n(n, max_delay):
        x = [wait_random(max_delay) for _ in range(n)]
        return [await f for f in asyncio.as_completed(x)]
    return wait_n


class Helper:
    def method(self, value: int) -> int:
        """Return the value given, unchanged."""
        return value


wait_n = build()  # noqa: F811 and a line that is far too long for pycodestyle's limit of 79
