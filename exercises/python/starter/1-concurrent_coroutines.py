#!/usr/bin/env python3
"""Task 1: run several coroutines at the same time."""
import asyncio
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Run wait_random n times at once; return the delays as they complete."""
    return []
