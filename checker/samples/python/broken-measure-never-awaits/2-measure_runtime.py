#!/usr/bin/env python3
"""Task 2: measure the runtime of wait_n."""
import time

wait_n = __import__('1-concurrent_coroutines').wait_n


def measure_time(n: int, max_delay: int) -> float:
    """Measure the total execution time of wait_n, divided by n."""
    start = time.perf_counter()
    wait_n(n, max_delay)
    end = time.perf_counter()
    return (end - start) / n
