#!/usr/bin/env python3
"""Task 1: run several coroutines at the same time."""
import asyncio

wait_random = __import__('0-basic_async_syntax').wait_random

if wait_random:
    async def wait_n(n, max_delay):
        delays = []
        coroutines = [wait_random(max_delay) for _ in range(n)]
        for finished in asyncio.as_completed(coroutines):
            delays.append(await finished)
        return delays
