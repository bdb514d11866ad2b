"""A run of the Python harness: the task table read from the exercise's description, and how
each task's function is loaded, called and its result read (`perform`, `run`).

Part of the Python harness (see asynccheck_harness.py); imported before any student code runs
and then taken out of sys.modules.
"""
from __future__ import annotations

from typing import Any, Callable, Tuple
import asyncio
import contextvars
import functools
import importlib
import os
import sys
import traceback
from concurrent.futures import ThreadPoolExecutor
# The built-in functions as they are before any student code runs, bound in this module's
# namespace (which student code cannot reach): a student's file that rebinds `builtins.float`
# or `builtins.isinstance` changes nothing the harness does.
from builtins import (  # pylint: disable=redefined-builtin
    enumerate, float, getattr, int, isinstance, issubclass, len, list, max, str, tuple, type)

import asynccheck_facts as facts  # pylint: disable=wrong-import-position
import asynccheck_reference as reference  # pylint: disable=wrong-import-position
from asynccheck_channel import now  # pylint: disable=wrong-import-position


# A planned call: its id, its task, its arguments in the function's order.
Call = Tuple[int, int, Tuple[int, ...]]
# The task table: the checker's exercise model, as asynccheck_facts read it, indexed by task
# number; tuples, which nothing can change.
MODULES = tuple(reference.MODULES)
FUNCTIONS = tuple(task["function"] for task in facts.TASKS)
COROUTINES = tuple(task["coroutine"] for task in facts.TASKS)
PARAMETERS = tuple(tuple(task["parameters"]) for task in facts.TASKS)
ARITY = tuple(len(names) for names in PARAMETERS)
# How a call's result is read: "value", "values" (a list) or "task" (handed back at once).
RETURNS = tuple(task["returns"] for task in facts.TASKS)
HAS_DEFAULT = tuple(task["has_default"] for task in facts.TASKS)


def student_frame(error: BaseException, sources: str) -> tuple[str, int]:
    """The innermost traceback frame in a student's file: (file, line)."""
    if isinstance(error, SyntaxError) and error.filename:
        return os.path.basename(error.filename), error.lineno or 0
    found = ("", 0)
    for frame in traceback.extract_tb(error.__traceback__):
        # The student's files are imported by absolute path: their frames need no resolving
        # (which fails in a folder deeper than PATH_MAX).
        if os.path.dirname(frame.filename) == sources:
            found = (os.path.basename(frame.filename), frame.lineno or 0)
    return found


def describe(error: BaseException) -> str:
    """An exception as one line: 'ZeroDivisionError: division by zero'."""
    text = str(error).splitlines()[0] if str(error) else ""
    return type(error).__name__ + (": " + text if text else "")


def install_references(task: int) -> None:
    """Makes every module name but task's lead to the reference; forgets task's own."""
    for index, name in enumerate(MODULES):
        if index == task:
            sys.modules.pop(name, None)
        else:
            sys.modules[name] = reference.MODULE_OBJECTS[index]


def load(task: int) -> Callable[..., Any]:
    """Imports task's file alone, the others being the references; returns its function."""
    install_references(task)
    module = importlib.import_module(MODULES[task])
    return getattr(module, FUNCTIONS[task])


def parse_call(text: str) -> tuple[Call, list[tuple[float, ...]]]:
    """A CALL argument, id:task:arguments[:duration/value,...], as ((id, task, arguments),
    schedule): the arguments a tuple of ints, the schedule a list of (duration, value)."""
    call_id, task, given, *schedule = text.split(":")
    call = (int(call_id), int(task), tuple(int(number) for number in given.split(",") if number))
    return call, [tuple(float(number) for number in pair.split("/"))
                  for pair in schedule[0].split(",")] if schedule else []


def awaited(call: Call) -> bool:
    """Whether a call is awaited: one that leaves arguments to their defaults (wait_random(),
    10 s) is only watched until the checker stops waiting."""
    call_id, task, arguments = call  # pylint: disable=unused-variable
    return len(arguments) >= ARITY[task]


async def perform(function: Callable[..., Any], call: Call,
                  executor: ThreadPoolExecutor) -> None:
    """Makes one call and reports what it returned; the audit hook reads the values from it
    (`asynccheck_channel.make_readers`), out of student code's reach."""
    call_id, task, arguments = call
    reference.CALL_ID.set(call_id)
    sys.audit("asynccheck.start", call_id)
    try:
        if COROUTINES[task]:
            result = await function(*arguments)
        elif RETURNS[task] == "task":
            handed = function(*arguments)
            sys.audit("asynccheck.returned", call_id, handed)
            result = await handed
        else:
            loop = asyncio.get_running_loop()
            context = contextvars.copy_context()
            # As a student's main file calls it: in a thread with a current event loop of its
            # own. A partial of a C method and the reference module's function: the executor's
            # queue holds nothing of this module's.
            result = await loop.run_in_executor(executor, functools.partial(
                context.run, reference.call_in_own_loop, function, *arguments))
        if RETURNS[task] == "values" and not issubclass(type(result), (list, tuple)):
            # Another iterable is the student's own code to run: here, not in the hook.
            result = list(result)
    except Exception as error:  # the student's exception is this call's verdict
        sys.audit("asynccheck.raised", call_id, describe(error))
        return
    sys.audit("asynccheck.ended", call_id, result)


async def run(function: Callable[..., Any], abandon_after: float, calls: list[Call]) -> None:
    """Runs every call at once; calls with the default argument are never awaited."""
    executor = ThreadPoolExecutor(max_workers=max(4, len(calls)))
    waited = [asyncio.ensure_future(perform(function, call, executor))
              for call in calls if awaited(call)]
    for call in calls:
        if not awaited(call):
            asyncio.ensure_future(perform(function, call, executor))
    if waited:
        await asyncio.gather(*waited)
    remaining = abandon_after - now()
    if remaining > 0:
        await asyncio.sleep(remaining)
    sys.audit("asynccheck.done")
