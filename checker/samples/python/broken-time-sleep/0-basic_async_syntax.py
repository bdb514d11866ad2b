#!/usr/bin/env python3
"""Task 0: sleeps with time.sleep, which blocks the event loop."""
import random
import time


async def wait_random(max_delay: int = 10) -> float:
    """Block for a random delay of 0 to max_delay seconds; return it."""
    delay = random.uniform(0, max_delay)
    time.sleep(delay)
    return delay
