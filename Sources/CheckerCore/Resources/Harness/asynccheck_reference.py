"""The checker's versions of the exercise's modules, which student code imports while graded.

While the harness grades task k, the other tasks' module names lead here, so that a broken
prerequisite cannot fail a correct task. Student code reaches everything in this module (a
function's __globals__ is this module's namespace), so nothing here leads to the harness or to
its report channel: every record goes out through sys.audit, to the audit hook the harness
installed before any student code ran. The hook timestamps the records itself, draws the
delays from a generator of its own, and refuses records that do not come from these
functions' code with this module's namespace (see asynccheck_harness.install_channel).
"""
import asyncio
import contextvars
import sys
import time
import types

from asynccheck_facts import MODULES, TASKS

# The call the running code works for, as the harness sets it for each of its calls.
CALL_ID = contextvars.ContextVar("asynccheck_call_id", default=-1)
# The process's only awaited call, for code that runs outside any call's context.
SOLE_CALL = [-1]


def context():
    """The call the running code works for: the call id, or the process's only call."""
    call_id = CALL_ID.get()
    return call_id if call_id >= 0 else SOLE_CALL[0]


def argument_number(value):
    """A max_delay argument as the W line carries it: an int, or -2 if it is not one."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return -2


def bound(value):
    """The largest delay a max_delay argument allows, as a float (0 for nonsense)."""
    try:
        return max(0.0, float(value))
    except (TypeError, ValueError):
        return 0.0


async def wait_random(*args, **kwargs):
    """The reference wait_random: a recorded sleep, its delay drawn by the harness."""
    argument = args[0] if args else kwargs.get("max_delay")
    box = [context(), bound(10 if argument is None else argument),
           -1 if argument is None else argument_number(argument)]
    sys.audit("asynccheck.sleep-start", box)
    # The hook hands over the delay, the value and asyncio's own sleep (the module's attribute
    # is student code's to rebind).
    await box[5](box[3])
    sys.audit("asynccheck.sleep-end", box)
    return box[4]


async def wait_n(n, max_delay):
    """The reference wait_n: completion order, recorded."""
    box = [context(), argument_number(n), argument_number(max_delay)]
    sys.audit("asynccheck.wait-n-start", box)
    spawned = [asyncio.ensure_future(module_of("wait_random").wait_random(max_delay))
               for _ in range(n)]
    values = [await done for done in asyncio.as_completed(spawned)]
    sys.audit("asynccheck.wait-n-end", box)
    return values


def measure_time(n, max_delay):
    """The reference measure_time."""
    start = time.perf_counter()
    asyncio.run(module_of("wait_n").wait_n(n, max_delay))
    return (time.perf_counter() - start) / n if n else 0.0


def task_wait_random(max_delay):
    """The reference task_wait_random, recorded."""
    sys.audit("asynccheck.spawn", context())
    return asyncio.create_task(module_of("wait_random").wait_random(max_delay))


async def task_wait_n(n, max_delay):
    """The reference task_wait_n."""
    spawned = [module_of("task_wait_random").task_wait_random(max_delay) for _ in range(n)]
    return [await done for done in asyncio.as_completed(spawned)]


def module_of(function):
    """The module object that stands for the file of the task whose function is `function`:
    the reference functions call each other through it, as through the student's imports."""
    return MODULE_OBJECTS[FUNCTION_TASKS[function]]


def call_in_own_loop(function, *arguments):
    """Calls a synchronous function as a student's main file calls it: with a current event loop
    of its own in this thread and none running, so that asyncio.get_event_loop(),
    asyncio.new_event_loop() and asyncio.run() all work (Python 3.8 to 3.13)."""
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        return function(*arguments)
    finally:
        asyncio.set_event_loop(None)
        loop.close()


def run_popped(work, finished):
    """Runs the one callable in `work`, taken out first, then releases `finished`: the thread
    that runs it keeps nothing that leads to the harness."""
    try:
        work.pop()()
    finally:
        finished.release()


def _modules():
    """A module object per task, holding its function and the one it builds on, as the
    student's file defines or imports them."""
    made = [types.ModuleType(name) for name in MODULES]
    for own, (module, task) in enumerate(zip(made, TASKS)):
        module.asyncio = asyncio
        module.random = __import__("random")
        for index in (task.get("built_on"), own):
            if index is not None:
                name = TASKS[index]["function"]
                setattr(module, name, globals()[name])
    return made


# Each function names the module it stands in for, as the student's own would.
for _task in TASKS:
    globals()[_task["function"]].__module__ = _task["module"]
del _task
MODULE_OBJECTS = _modules()
FUNCTION_TASKS = {task["function"]: index for index, task in enumerate(TASKS)}
# The code that may emit records: the hook accepts a record only from one of these, running
# with this module's namespace.
RECORDING_CODE = (wait_random.__code__, wait_n.__code__, task_wait_random.__code__)
