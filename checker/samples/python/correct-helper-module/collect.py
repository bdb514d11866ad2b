#!/usr/bin/env python3
"""Helpers shared by tasks 1 and 4: collecting results as they complete."""
import asyncio
from typing import Awaitable, Iterable, List


async def in_completion_order(awaitables: Iterable[Awaitable[float]]) -> List[float]:
    """Await every awaitable at once; return their results in the order they finished."""
    return [await done for done in asyncio.as_completed(list(awaitables))]
