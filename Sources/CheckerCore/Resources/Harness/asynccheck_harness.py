#!/usr/bin/env python3
"""The harness asynccheck runs to grade the Python "async basics" project.

It imports the student's files by name (0-basic_async_syntax.py ... 4-tasks.py), calls their
functions as the checker's plan says, and reports on file descriptor 3, a pipe that the
student's print() cannot reach, in the line protocol the checker defines in
Run/HarnessProtocol.swift (the Swift harness speaks it too). Standard
library only; Python 3.8 or later.

Each task is judged on its own file: while the harness imports and runs task k's file, the
other tasks' module names lead to the checker's reference versions (asynccheck_reference.py),
which record every call (W, T and N lines), so a broken prerequisite cannot fail a correct task.

The harness is this entry (the modes, the control, the student's thread) and four modules, each
imported before any student code runs and taken out of sys.modules once the channel is
installed: asynccheck_channel (the audit hook, the clock, the server's writer),
asynccheck_runner (the task table from asynccheck_exercise.json; loading, calling and reading
each task's function), asynccheck_probe (what each file's function is) and asynccheck_server
(the fork server). Its tests are in Tests/PythonHarness.

Student code shares a run's process, so a run writes its channel only through an audit hook
(`install_channel`) installed before any student code loads: the key and the sequence number
are out of reach of any attribute walk, records from anywhere but the harness's own code are
refused as forged, and what student code would need to reach the harness is reported (`A`
records) and refused. The facts of the files (shebang, mode, docstrings, pycodestyle) come from
asynccheck_facts.py, a process that only parses the files, run before any student code.

Usage (by the checker only):
  asynccheck_harness.py facts SOURCES [PYCODESTYLE_FOLDER]   (asynccheck_facts.py's F lines)
  asynccheck_harness.py probe SOURCES
  asynccheck_harness.py run SOURCES TASK ABANDON_AFTER CALL...
  asynccheck_harness.py serve SOURCES JOBS
where CALL is id:task:arguments, the arguments comma-separated in the function's order (a call
that passes fewer than the function takes uses its defaults and is never awaited); a probe call
adds :duration/value,... : what the reference wait_random does on each of its calls. How each
task's function is called (a coroutine, a plain function called as a main file calls it, one
that hands back a task) comes from the exercise's description (asynccheck_exercise.json).

`serve` runs many `run`s, each in a process forked from this one: the interpreter starts and
imports asyncio once per grading instead of once per run (a tenth of a second of CPU each).
JOBS is a JSON list of {"mode", "folder", "time_limit", "output_limit", "memory_limit",
"arguments"}: a `run`, a `probe` or `facts`, with its arguments after SOURCES. Descriptor 4
carries one key per line: this process's own, then each job's. Each job's process has its own
output pipe, channel (its descriptor 3, read by this process) and key, leads its own process
group, and runs under its limits as the checker's supervisor would run it (time from its first
record, output, resident memory). When it ends, this process reports it as a J record: index,
how it ended, seconds, bytes printed, and what it printed and wrote on its channel (base64).
"""
from __future__ import annotations

import asyncio
import functools
import json
import os
import sys
import types
import _thread
# The built-in functions as they are before any student code runs, bound in this module's
# namespace (which student code cannot reach): a student's file that rebinds `builtins.float`
# or `builtins.isinstance` changes nothing the harness does.
from builtins import (  # pylint: disable=redefined-builtin
    float, int, len, tuple)

# Imported before the student's folder is on sys.path: a student's file of the same name is
# never it.
import asynccheck_facts as facts  # pylint: disable=wrong-import-position
import asynccheck_reference as reference  # pylint: disable=wrong-import-position
import asynccheck_channel as channel  # pylint: disable=wrong-import-position
from asynccheck_channel import install_channel, read_key  # pylint: disable=wrong-import-position
from asynccheck_probe import probe  # pylint: disable=wrong-import-position
from asynccheck_runner import (  # pylint: disable=wrong-import-position
    RETURNS, Call, awaited, describe, load, parse_call, perform, run)
from asynccheck_server import serve  # pylint: disable=wrong-import-position


# The harness's own modules: out of sys.modules once the channel is installed, so that student
# code cannot import them back with their state.
OWN_MODULES = ("asynccheck_channel", "asynccheck_runner", "asynccheck_probe",
               "asynccheck_server")

SCHEDULES: dict[int, list[tuple[float, ...]]] = {}


# The length of each of the control's waits (see main), in seconds.
CONTROL_STEP = 0.02


def main(arguments: list[str]) -> None:
    """Parses the checker's arguments and runs the mode they name."""
    mode = arguments[0]
    if mode == "serve":
        serve(arguments[1], json.loads(arguments[2]), main)
    if mode == "facts":
        # A process forked from the server, which never imports student code: it only parses.
        facts.facts(arguments[1], arguments[2] if len(arguments) > 2 else None)
        sys.stdout.flush()
        os._exit(0)
    sources = os.path.abspath(arguments[1])
    calls = []
    if mode != "probe":
        for text in arguments[4:]:
            call, schedule = parse_call(text)
            calls.append(call)
            if schedule:
                SCHEDULES[call[0]] = schedule
    # The code that may write records, each with the namespace of the module it is in.
    trusted = tuple((function.__code__, function.__globals__)
                    for function in (main, graded, probe, perform, run))
    trusted += tuple((code, vars(reference)) for code in reference.RECORDING_CODE)
    # The calls whose function returns a list: the hook reads their values so.
    list_calls = [call[0] for call in calls if RETURNS[call[1]] == "values"]
    guarded = channel.guard_channel(facts.CHANNEL_GUARD)
    install_channel(read_key(), sources, os.path.realpath(os.getcwd()), channel.ORIGIN,
                    SCHEDULES, trusted, list_calls, guarded)
    step = CONTROL_STEP
    # From here on, nothing student code can reach leads to the harness: this module is no
    # longer __main__, its other modules are out of sys.modules, and the reference functions
    # live in a module of their own.
    sys.modules["__main__"] = types.ModuleType("__main__")
    for name in OWN_MODULES:
        sys.modules.pop(name, None)
    sys.path.insert(0, sources)
    # Student code runs in a thread of its own, not the main one: Python runs signal handlers
    # in the main thread only, and only the main thread may install one, so no handler of the
    # student's can interrupt the audit hook. The thread is handed its work in a list it
    # empties: nothing it keeps leads back to this module.
    finished = _thread.allocate_lock()
    finished.acquire()
    work = [functools.partial(graded, mode, sources, arguments, calls)]
    _thread.start_new_thread(reference.run_popped, (work, finished))
    if mode == "probe":
        finished.acquire()
    else:
        # The control: this thread, which runs no student code, waits in steps of known length
        # until the student's thread is done. How late each wait ends is how late the machine
        # wakes this process at that moment (the hook times it: a `C` record); the checker adds
        # it, capped, to the time a call of the same moment is allowed.
        while True:
            sys.audit("asynccheck.control-start")
            if finished.acquire(timeout=step):
                break
            sys.audit("asynccheck.control-end", step)
    sys.stdout.flush()
    os._exit(0)


def graded(mode: str, sources: str, arguments: list[str], calls: list[Call]) -> None:
    """The probe, or one task's calls, in the thread student code runs in."""
    if mode == "probe":
        probe(sources)
        sys.audit("asynccheck.done")
        return
    task, abandon_after = int(arguments[2]), float(arguments[3])
    waited = [call for call in calls if awaited(call)]
    if len(waited) == 1:
        reference.SOLE_CALL[0] = waited[0][0]
    try:
        # Imported before the event loop starts: a file that runs asyncio.run() at import
        # time (a forgotten test line) still loads.
        function = load(task)
        asyncio.run(run(function, abandon_after, calls))
    except BaseException as error:  # an import that fails here fails every call
        sys.audit("asynccheck.raised", -1, describe(error))


if __name__ == "__main__":
    main(sys.argv[1:])
