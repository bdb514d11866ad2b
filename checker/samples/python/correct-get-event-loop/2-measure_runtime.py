#!/usr/bin/env python3
"""Task 2: measure the runtime of wait_n."""
import asyncio
import time

wait_n = __import__('1-concurrent_coroutines').wait_n


def measure_time(n: int, max_delay: int) -> float:
    """Time wait_n(n, max_delay) on the event loop and return the average."""
    loop = asyncio.get_event_loop()
    start = time.time()
    loop.run_until_complete(wait_n(n, max_delay))
    return (time.time() - start) / n
