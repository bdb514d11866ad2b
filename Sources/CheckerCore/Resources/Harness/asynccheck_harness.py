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
import asyncio
import base64
import contextvars
import functools
import gc
import importlib
import inspect
import itertools
import json
import os
import random
import select
import signal
import sys
import threading
import time
import traceback
import types
import _thread
from concurrent.futures import ThreadPoolExecutor
# The built-in functions as they are before any student code runs, bound in this module's
# namespace (which student code cannot reach): a student's file that rebinds `builtins.float`
# or `builtins.isinstance` changes nothing the harness does.
from builtins import (  # pylint: disable=redefined-builtin
    all, any, bool, callable, enumerate, float, frozenset, getattr, int, isinstance,
    issubclass, len, list, max, next, range, repr, set, str, tuple, type, zip)

# Imported before the student's folder is on sys.path: a student's file of the same name is
# never it.
import asynccheck_facts as facts  # pylint: disable=wrong-import-position
import asynccheck_reference as reference  # pylint: disable=wrong-import-position

# The task table: the checker's exercise model, as asynccheck_facts read it.
MODULES = reference.MODULES
FUNCTIONS = [task["function"] for task in facts.TASKS]
COROUTINES = {index: task["coroutine"] for index, task in enumerate(facts.TASKS)}
PARAMETERS = {index: task["parameters"] for index, task in enumerate(facts.TASKS)}
ARITY = {index: len(names) for index, names in PARAMETERS.items()}
# How a call's result is read: "value", "values" (a list) or "task" (handed back at once).
RETURNS = {index: task["returns"] for index, task in enumerate(facts.TASKS)}
HAS_DEFAULT = {index: task["has_default"] for index, task in enumerate(facts.TASKS)}
# The version of the checker's HarnessProtocol (Run/HarnessProtocol.swift) this harness speaks.
PROTOCOL_VERSION = 4
CHANNEL = 3
ORIGIN = time.monotonic()
# asyncio's task type and sleep as they are before any student code runs (student code can
# rebind the module's attributes).
TASK_TYPE = asyncio.Task
SLEEP = asyncio.sleep
LOCK = threading.Lock()
SCHEDULES = {}
# What a student's file may import without a person having a look: the list the facts process
# reads the files' import statements with. Only a module's first import is seen here (one the
# harness already loaded raises no event), so this is a hint; the hook's other rules are the
# defence.
ALLOWED_IMPORTS = facts.ALLOWED_IMPORTS
# Audited events that start programs, signal processes or open connections.
PROCESS_EVENTS = frozenset({
    "os.system", "subprocess.Popen", "os.exec", "os.posix_spawn", "os.spawn", "os.fork",
    "os.forkpty", "os.kill", "os.killpg", "signal.pthread_kill", "pty.spawn",
    "socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"})
# Audited events that change files.
FILE_EVENTS = frozenset({
    "os.remove", "os.rename", "os.rmdir", "os.chmod", "os.chown", "os.truncate",
    "os.link", "os.symlink", "os.mkdir", "os.utime", "shutil.rmtree", "shutil.move"})
# Audited events that trace or watch the program: refused whoever raises them.
REFUSED_EVENTS = frozenset({
    "sys.settrace", "sys.setprofile", "sys.addaudithook", "sys._settraceallthreads",
    "sys._setprofileallthreads", "sys.monitoring.register_callback"})
# The functions of inspect, traceback and asyncio that hand frames back to their caller.
FRAME_RETURNING = frozenset({
    "currentframe", "stack", "trace", "getouterframes", "getinnerframes", "walk_tb",
    "walk_stack", "_task_get_stack"})
# Attributes whose reading leads to frames or code: audited as object.__getattr__.
FRAME_ATTRIBUTES = frozenset({
    "tb_frame", "gi_frame", "cr_frame", "ag_frame", "__code__", "gi_code", "cr_code",
    "ag_code", "f_back"})
# How much earlier than its delay a reference sleep may end (none can: the event loop fires a
# timer at its time or later), and how far two of its sleeps in one thread may end out of the
# order of their planned ends (timers fire in that order; the margin covers a process paused
# between the hook's clock reading and the loop's, on a machine loaded far beyond its cores;
# sorting the probe's values needs an inversion of 0.75 s).
EARLY_SLEEP = 0.002
REORDERED_SLEEPS = 0.5
# The length of each of the control's waits (see main), in seconds.
CONTROL_STEP = 0.02
# How many suspicious events one process reports at most.
AUDIT_LIMIT = 20


def now():
    """Seconds since the harness started, on the monotonic clock."""
    return time.monotonic() - ORIGIN


def _read_key():
    """The channel's key, handed over on descriptor 4 before any student code runs."""
    chunks = []
    try:
        while True:
            chunk = os.read(4, 256)
            if not chunk:
                break
            chunks.append(chunk)
        os.close(4)
    except OSError:
        pass
    return b"".join(chunks).decode()


def _make_send(key=None):
    """The serving process's channel writer: every line ends with its sequence number and the
    key. Only the server uses it, which never runs student code; a run's records go through
    the audit hook of install_channel."""
    key = _read_key() if key is None else key
    sequence = [0]
    write = os.write

    def send(*fields):
        """Writes one event line, whole, on the report channel."""
        with LOCK:
            data = ("\t".join(str(field) for field in fields) + "\t%d\t%s\n"
                    % (sequence[0], key)).encode()
            sequence[0] += 1
            while data:
                written = write(CHANNEL, data)
                data = data[written:]
    return send


def install_channel(key, sources, scratch, origin, schedules, trusted):
    """Makes an audit hook (PEP 578) this process's only writer on the report channel, and its
    watch over student code; returns nothing that leads to it.

    Python code cannot remove an audit hook, and nothing but the interpreter holds this one:
    the key, the sequence number, the clock and the generator of delays live in its closure.
    The harness and the reference functions emit records as `sys.audit("asynccheck.KIND",
    ...)`; the hook accepts one only when the code that raised it is one of `trusted` (code
    object, namespace) pairs, timestamps it and writes it. Any other such event is forged: an
    `A forged` record, and the event fails. Events that student code needs only to reach the
    harness (frames, the garbage collector, C calls, tracing, code made at run time, raw
    descriptors, a process's memory and descriptors in /proc) are reported as `A` records
    with the student's file and line, and fail. What the sandbox stops (other processes, the
    network, files outside its folder) is reported and left to the sandbox, whose tests attack
    it.

    Student code can raise any event with any arguments, so the hook runs none of it: it reads
    only values of exact built-in types (a subclass could run code inside the hook, where the
    hook's own frame is within reach), calls only functions it captured here, before any
    student code loaded, and keeps the garbage collector (and so any finalizer) out of its run.
    """
    # pylint: disable=too-many-locals,too-many-statements,unidiomatic-typecheck
    write, monotonic, getframe, getpid = os.write, time.monotonic, sys._getframe, os.getpid
    owner, owner_thread = getpid(), threading.get_ident()
    get_ident, lock, generator = threading.get_ident, threading.RLock(), random.Random()
    gc_enabled, gc_disable, gc_enable = gc.isenabled, gc.disable, gc.enable
    exact, realpath, fsdecode = type, os.path.realpath, os.fsdecode
    text, integer, number_type, boolean, tuple_type, list_type, raw = \
        str, int, float, bool, tuple, list, bytes
    show_float = float.__repr__
    starts, find, replace, join = str.startswith, str.rfind, str.replace, str.join
    sep, separators, writes_mode = os.sep, "\t\n\r", "wax+"
    write_flags = os.O_WRONLY | os.O_RDWR | os.O_CREAT
    unix_family = 1  # AF_UNIX on every system with sockets
    sequence, reported, guarded, pending, used = [0], [0], set(), {}, {}
    # Events the hook never acts on, seen often (its own `id` reads among them).
    ignored = frozenset({"builtins.id", "sys.set_asyncgen_hook_firstiter",
                         "sys.set_asyncgen_hook_finalizer", "os.listdir", "os.scandir"})
    next_token = itertools.count().__next__
    # Per thread, the latest planned end of the sleeps that ended: timers fire in the order of
    # their ends, so a sleep that ends after one planned to end later was reordered.
    latest_planned_end = {}
    real_sleep = SLEEP
    own_modules = frozenset(
        name[:-3] for name in os.listdir(sources) if name.endswith(".py"))
    helpers = frozenset((inspect.__file__, traceback.__file__))
    # Where frames are read on student code's behalf, and which of their functions hand the
    # frames back (the others only print or summarise them: traceback.print_exc() is fine).
    frame_helpers = helpers | {asyncio.base_tasks.__file__}
    frame_returning = FRAME_RETURNING
    # Opening a descriptor as a file: student code's own call, or os.fdopen's on its behalf
    # (subprocess opens its pipes so, for any caller).
    descriptor_helpers = helpers | {os.__file__}
    harness_codes = frozenset(code for code, _ in trusted)
    modules, allowed = frozenset(MODULES), ALLOWED_IMPORTS
    frame_attributes, process_events = FRAME_ATTRIBUTES, PROCESS_EVENTS
    file_events, refused_always = FILE_EVENTS, REFUSED_EVENTS

    def emit(*fields):
        # A process the student's code forked inherits this hook: it is not the harness, and
        # its records would take the harness's sequence numbers.
        if getpid() != owner:
            return
        data = (join("\t", [text(field) for field in fields]) + "\t%d\t%s\n"
                % (sequence[0], key)).encode()
        sequence[0] += 1
        while data:
            data = data[write(CHANNEL, data):]

    def clean(value):
        if exact(value) is not text:
            return "?"
        for character in separators:
            value = replace(value, character, " ")
        return value

    def inside_scratch(path):
        return path == scratch or starts(path, scratch + sep)

    def clock():
        return monotonic() - origin

    def file_of(frame):
        name = frame.f_code.co_filename
        return name if exact(name) is text else ""

    def in_sources(name):
        index = find(name, "/")
        return index > 0 and name[:index] == sources

    def site(frame):
        name = file_of(frame)
        return name[find(name, "/") + 1:], frame.f_lineno

    def student(frame):
        """The innermost frame of student code from `frame` out: (file, line), or None."""
        while frame is not None:
            if in_sources(file_of(frame)):
                return site(frame)
            frame = frame.f_back
        return None

    def outside(frame, skipped):
        """The first frame from `frame` out whose file is not in `skipped`, and the name of
        the function of `skipped` it called (None when `frame` is already outside)."""
        called = None
        while frame is not None and file_of(frame) in skipped:
            called = frame.f_code.co_name
            frame = frame.f_back
        return frame, called

    def direct(frame, skipped=helpers):
        """`frame`, or its caller when it is in `skipped` (inspect's or traceback's): student
        code, or None."""
        frame, _ = outside(frame, skipped)
        if frame is not None and in_sources(file_of(frame)):
            return site(frame)
        return None

    def reaches_frames(frame):
        """Student code that reads a frame itself, or through a function that hands frames
        back (inspect.currentframe, traceback.walk_tb, Task.get_stack): (file, line), or None."""
        frame, called = outside(frame, frame_helpers)
        if frame is None or not in_sources(file_of(frame)):
            return None
        if called is None or (exact(called) is text and called in frame_returning):
            return site(frame)
        return None

    def flag(kind, where, detail, refuse=True):
        if reported[0] < AUDIT_LIMIT:
            reported[0] += 1
            file, line = where or ("", 0)
            with lock:
                emit("A", kind, file, line, clean(detail))
        if refuse:
            raise RuntimeError("asynccheck: " + clean(detail) + " is not allowed while grading")

    def box_of(args, size):
        """The reference's list of plain values, or None."""
        if len(args) != 1 or exact(args[0]) is not list_type or len(args[0]) != size:
            return None
        return args[0]

    def check_sleep(entry, end, ident, frame):
        """A reference sleep that ended before its delay, or after one planned to end later
        than it in the same thread: the event loop or the sleep was changed."""
        planned = entry[4]
        if end < planned - EARLY_SLEEP:
            flag("early-sleep", student(frame), "a sleep of the checker's wait_random ended "
                 "%.3f s before its delay" % (planned - end), refuse=False)
        latest = latest_planned_end.get(ident, -1.0)
        if latest > planned + REORDERED_SLEEPS:
            flag("timing", student(frame), "a sleep of the checker's wait_random ended %.3f s "
                 "before one planned to end earlier" % (latest - planned), refuse=False)
        latest_planned_end[ident] = max(latest, planned)

    def record(kind, args, ident, frame):
        # pylint: disable=too-many-branches
        if kind == "sleep-start":
            box = box_of(args, 3)
            if box is None or exact(box[0]) is not integer or \
                    exact(box[1]) is not number_type or exact(box[2]) is not integer:
                return
            schedule = schedules.get(box[0])
            index = used.get(box[0], 0)
            used[box[0]] = index + 1
            if schedule and index < len(schedule):
                delay, value = schedule[index]
            else:
                delay = value = generator.uniform(0, box[1])
            start = clock()
            token = next_token()
            pending[token] = (box[0], start, value, box[2], start + delay)
            box += [delay, value, real_sleep, token]
        elif kind == "sleep-end":
            box = box_of(args, 7)
            entry = pending.pop(box[6], None) if box is not None and \
                exact(box[6]) is integer else None
            if entry:
                end = clock()
                emit("W", entry[0], entry[1], end, show_float(entry[2]), entry[3])
                check_sleep(entry, end, ident, frame)
        elif kind == "wait-n-start":
            box = box_of(args, 3)
            if box is not None and all(exact(value) is integer for value in box):
                token = next_token()
                pending[token] = (box[0], clock(), box[1], box[2])
                box.append(token)
        elif kind == "wait-n-end":
            box = box_of(args, 4)
            entry = pending.pop(box[3], None) if box is not None and \
                exact(box[3]) is integer else None
            if entry:
                emit("N", entry[0], entry[1], clock(), entry[2], entry[3])
        elif kind == "control-start" and ident == owner_thread:
            pending["control"] = clock()
        elif kind == "control-end" and ident == owner_thread and len(args) == 1 and \
                exact(args[0]) is number_type and "control" in pending:
            emit("C", pending.pop("control"), clock(), show_float(args[0]))
        elif len(args) == 0 or exact(args[0]) is not integer:
            if kind == "done":
                emit("D", clock())
        elif kind == "spawn":
            emit("T", args[0], clock())
        elif kind == "start":
            emit("S", args[0], clock())
        elif kind == "returned" and len(args) == 2 and exact(args[1]) is boolean:
            emit("R", args[0], clock(), 1 if args[1] else 0)
        elif kind == "ended" and len(args) == 2 and exact(args[1]) is tuple_type:
            emit("E", args[0], clock(), join(",", [
                show_float(value) if exact(value) is number_type else "nan"
                for value in args[1]]))
        elif kind == "raised" and len(args) == 2:
            emit("X", args[0], clean(args[1]))
        elif kind == "probe" and len(args) == 3:
            emit("P", args[0], clean(args[1]), clean(args[2]))

    def named(args, position):
        """An argument that must be a plain string, or "" (a subclass is never read)."""
        return args[position] if len(args) > position and exact(args[position]) is text \
            else ""

    def path_of(value):
        if exact(value) is text or exact(value) is raw:
            return realpath(fsdecode(value))
        return None

    def watch(event, args, frame):
        # pylint: disable=too-many-branches
        if event in refused_always:
            flag("tracing", student(frame), event)
        elif event == "import":
            name = named(args, 0)
            top = name[:name.find(".")] if "." in name else name
            if top in ("ctypes", "_ctypes"):
                flag("ctypes", student(frame), "importing " + top)
            importer = frame
            while importer is not None and "importlib" in file_of(importer):
                importer = importer.f_back
            where = direct(importer)
            if where and top not in allowed and top not in own_modules and \
                    name not in modules:
                flag("import", where, "import " + name, refuse=False)
        elif starts(event, "ctypes."):
            flag("ctypes", student(frame), event)
        elif event in ("gc.get_objects", "gc.get_referrers", "gc.get_referents"):
            flag("memory", student(frame), event)
        elif event in ("sys._getframe", "sys._current_frames"):
            where = reaches_frames(frame)
            if where:
                flag("frames", where, event)
        elif event == "object.__getattr__":
            attribute = named(args, 1)
            where = reaches_frames(frame) if attribute in frame_attributes else None
            if where:
                flag("frames", where, "reading ." + attribute)
        elif event in ("function.__new__", "code.__new__", "exec", "compile"):
            where = direct(frame)
            if where:
                flag("code", where, event)
        elif event == "open":
            where = student(frame)
            if where and args:
                path = path_of(args[0])
                mode = named(args, 1)
                flags = args[2] if len(args) > 2 and exact(args[2]) is integer else 0
                if path is None:
                    if direct(frame, descriptor_helpers):
                        flag("descriptor", where, "opening a descriptor")
                elif starts(path, "/proc/") and (
                        path[find(path, "/"):] == "/mem" or "/fd/" in path or
                        "/map_files/" in path or "/fdinfo/" in path):
                    flag("memory", where, "opening " + path)
                elif starts(path, "/proc/"):
                    flag("process", where, "opening " + path, refuse=False)
                elif (any(letter in mode for letter in writes_mode) or flags & write_flags) \
                        and not inside_scratch(path):
                    flag("files", where, "writing " + path, refuse=False)
        elif event in process_events or event == "socket.__new__":
            where = student(frame)
            family = args[1] if len(args) > 1 and exact(args[1]) is integer else -1
            if where and not (event == "socket.__new__" and family == unix_family):
                flag("process", where, event, refuse=False)
        elif event in file_events:
            where = student(frame)
            outside = [path for path in (path_of(value) for value in args[:2])
                       if path is not None and not inside_scratch(path)]
            if where and outside:
                flag("files", where, event + " " + outside[0], refuse=False)

    def hook(event, args):
        ident = get_ident()
        if ident in guarded:
            return  # an event of the hook's own (reading a frame, a code object)
        if exact(event) is not text or exact(args) is not tuple_type:
            raise RuntimeError("asynccheck: an audit event that is not a plain string")
        if event in ignored or (event == "object.__getattr__" and not (
                len(args) > 1 and exact(args[1]) is text and args[1] in frame_attributes)):
            return
        # While the hook runs, its own audited reads are not seen by it, and no student code
        # can run in this thread: the garbage collector (and so any finalizer) is off, and
        # Python signal handlers, which run in the main thread, cannot be installed by student
        # code (it runs in another thread, see `main`).
        collecting = gc_enabled()
        gc_disable()
        guarded.add(ident)
        try:
            try:
                frame = getframe(1)
            except ValueError:
                frame = None
            if starts(event, "asynccheck."):
                caller = frame.f_code if frame is not None else None
                if caller not in harness_codes or not any(
                        caller is code and frame.f_globals is namespace
                        for code, namespace in trusted):
                    flag("forged", frame and student(frame), event)
                with lock:
                    record(event[11:], args, ident, frame)
            else:
                watch(event, args, frame)
        finally:
            guarded.discard(ident)
            if collecting:
                gc_enable()

    sys.addaudithook(hook)
    with lock:
        emit("H", PROTOCOL_VERSION, clock())


def number(value):
    """A returned value as the hook records it: the float a float or an int holds (read by the
    base type, whatever a subclass's __float__ says), or nan for anything else."""
    kind = type(value)
    try:
        if issubclass(kind, float):
            return float.__float__(value)
        if issubclass(kind, int):
            return int.__float__(value)
    except (TypeError, ValueError, OverflowError):
        pass
    return float("nan")


def elements(value):
    """The elements of a returned list or tuple as it holds them (read by the base type,
    whatever a subclass's __iter__ says); any other iterable's, as it iterates."""
    kind = type(value)
    if issubclass(kind, list):
        return [*list.__iter__(value)]
    if issubclass(kind, tuple):
        return [*tuple.__iter__(value)]
    return list(value)


def student_frame(error, sources):
    """The innermost traceback frame in a student's file: (file, line)."""
    if isinstance(error, SyntaxError) and error.filename:
        return os.path.basename(error.filename), error.lineno or 0
    found = ("", 0)
    for frame in traceback.extract_tb(error.__traceback__):
        if os.path.dirname(os.path.abspath(frame.filename)) == sources:
            found = (os.path.basename(frame.filename), frame.lineno)
    return found


def describe(error):
    """An exception as one line: 'ZeroDivisionError: division by zero'."""
    text = str(error).splitlines()[0] if str(error) else ""
    return type(error).__name__ + (": " + text if text else "")


def probe(sources):
    """Imports each file on its own, the other files being the references, and reports its
    function's signature."""
    for task, name in enumerate(MODULES):
        path = os.path.join(sources, name + ".py")
        if not os.path.exists(path):
            sys.audit("asynccheck.probe", task, "missing-file", "")
            continue
        install_references(task)
        try:
            module = importlib.import_module(name)
        except BaseException as error:  # a student's file may raise anything
            file, line = student_frame(error, sources)
            missing = getattr(error, "name", None)
            if isinstance(error, ImportError) and missing in MODULES and missing != name:
                sys.audit("asynccheck.probe", task, "needs", MODULES.index(missing))
            elif isinstance(error, AttributeError) and any(
                    "'" + other + "'" in str(error) for other in MODULES if other != name):
                sys.audit("asynccheck.probe", task, "incompatible", json.dumps(
                    {"file": file or name + ".py", "line": line,
                     "message": describe(error)}))
            elif file and file != name + ".py" and file[:-3] in MODULES:
                sys.audit("asynccheck.probe", task, "needs", MODULES.index(file[:-3]))
            else:
                sys.audit("asynccheck.probe", task, "error", json.dumps(
                    {"file": file or name + ".py", "line": line,
                     "message": describe(error)}))
            continue
        function = getattr(module, FUNCTIONS[task], None)
        if function is None or not callable(function):
            sys.audit("asynccheck.probe", task, "missing", "")
            continue
        is_coroutine = inspect.iscoroutinefunction(function)
        try:
            signature = inspect.signature(function)
        except (TypeError, ValueError):
            sys.audit("asynccheck.probe", task,
                      "ok" if is_coroutine == COROUTINES[task] else "wrong", FUNCTIONS[task])
            continue
        found = ("async " if is_coroutine else "") + "def " + FUNCTIONS[task] + \
            str(signature)
        try:
            signature.bind(*range(ARITY[task]))
        except TypeError:
            sys.audit("asynccheck.probe", task, "wrong", found)
            continue
        if HAS_DEFAULT[task]:
            parameter = next(iter(signature.parameters.values()), None)
            default = None if parameter is None or \
                parameter.default is inspect.Parameter.empty else parameter.default
            sys.audit("asynccheck.probe", task, "default", repr(default))
        names = [parameter.name for parameter in signature.parameters.values()]
        if is_coroutine != COROUTINES[task]:
            sys.audit("asynccheck.probe", task, "wrong", found)
        elif names != PARAMETERS[task]:
            sys.audit("asynccheck.probe", task, "renamed", found)
        else:
            sys.audit("asynccheck.probe", task, "ok", found)


def install_references(task):
    """Makes every module name but task's lead to the reference; forgets task's own."""
    for index, name in enumerate(MODULES):
        if index == task:
            sys.modules.pop(name, None)
        else:
            sys.modules[name] = reference.MODULE_OBJECTS[index]


def load(task):
    """Imports task's file alone, the others being the references; returns its function."""
    install_references(task)
    module = importlib.import_module(MODULES[task])
    return getattr(module, FUNCTIONS[task])


def parse_call(text):
    """A CALL argument, id:task:arguments[:duration/value,...], as ((id, task, arguments),
    schedule): the arguments a tuple of ints, the schedule a list of (duration, value)."""
    call_id, task, given, *schedule = text.split(":")
    call = (int(call_id), int(task), tuple(int(number) for number in given.split(",") if number))
    return call, [tuple(float(number) for number in pair.split("/"))
                  for pair in schedule[0].split(",")] if schedule else []


def awaited(call):
    """Whether a call is awaited: one that leaves arguments to their defaults (wait_random(),
    10 s) is only watched until the checker stops waiting."""
    call_id, task, arguments = call  # pylint: disable=unused-variable
    return len(arguments) >= ARITY[task]


async def perform(function, call, executor):
    """Makes one call and reports it, reading its result as its task's function returns it."""
    call_id, task, arguments = call
    reference.CALL_ID.set(call_id)
    sys.audit("asynccheck.start", call_id)
    try:
        if COROUTINES[task]:
            result = await function(*arguments)
            values = elements(result) if RETURNS[task] == "values" else [result]
        elif RETURNS[task] == "task":
            handed = function(*arguments)
            sys.audit("asynccheck.returned", call_id, issubclass(type(handed), TASK_TYPE))
            values = [await handed]
        else:
            loop = asyncio.get_running_loop()
            context = contextvars.copy_context()
            # As a student's main file calls it: in a thread with a current event loop of its
            # own. A partial of a C method and the reference module's function: the executor's
            # queue holds nothing of this module's.
            result = await loop.run_in_executor(executor, functools.partial(
                context.run, reference.call_in_own_loop, function, *arguments))
            values = elements(result) if RETURNS[task] == "values" else [result]
        values = tuple(number(value) for value in values)
    except Exception as error:  # the student's exception is this call's verdict
        sys.audit("asynccheck.raised", call_id, describe(error))
        return
    sys.audit("asynccheck.ended", call_id, values)


async def run(function, abandon_after, calls):
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


# How much printed output a job's record keeps, and the most a job may write on its channel
# (a correct run writes well under a megabyte).
KEPT_OUTPUT = 64 * 1024
CHANNEL_LIMIT = 16 << 20
# How long a job may take to say it is ready, however busy the machine (as the supervisor).
START_UP_LIMIT = 30.0


class Job:
    """One forked run and what has been read from it so far."""

    def __init__(self, index, spec, pid, output, channel):
        self.index = index
        self.spec = spec
        self.pid = pid
        self.descriptors = {output: False, channel: True}
        self.start = time.monotonic()
        self.ready_at = None
        self.exited_at = None
        self.termination = None
        self.output = bytearray()
        self.output_count = 0
        self.channel = bytearray()
        self.reported = False

    def read(self, descriptor):
        """Reads what is ready on one of the job's pipes."""
        try:
            data = os.read(descriptor, 65536)
        except OSError:
            data = b""
        if not data:
            self.close(descriptor)
        elif self.descriptors[descriptor]:
            if not self.channel:
                self.ready_at = time.monotonic()
            self.channel += data
        else:
            self.output_count += len(data)
            room = KEPT_OUTPUT - len(self.output)
            if room > 0:
                self.output += data[:room]

    def close(self, descriptor):
        """Stops reading one of the job's pipes."""
        if descriptor in self.descriptors:
            del self.descriptors[descriptor]
            POLL.unregister(descriptor)
            os.close(descriptor)

    def ended(self, status, now):
        """Records how the job's process ended, given its wait status."""
        if self.termination is None:
            self.termination = (
                ("exited", os.WEXITSTATUS(status)) if os.WIFEXITED(status)
                else ("signaled", os.WTERMSIG(status)))
        kill_group(self.pid)  # what it left running goes with it
        self.pid = -1
        self.exited_at = now

    def supervise(self, now, resident):
        """Stops the job's process at a limit."""
        if self.pid > 0 and self.termination is None:
            limit = self.spec["time_limit"]
            if self.ready_at is None:
                elapsed, allowed = now - self.start, max(limit, START_UP_LIMIT)
            else:
                elapsed, allowed = now - self.ready_at, limit
            if elapsed > allowed:
                self.stop(("timedOut", limit))
            elif self.output_count > self.spec["output_limit"]:
                self.stop(("outputLimit", self.spec["output_limit"]))
            elif len(self.channel) > CHANNEL_LIMIT:
                self.stop(("outputLimit", CHANNEL_LIMIT))
            elif resident is not None and \
                    resident(self.pid) > self.spec["memory_limit"]:
                self.stop(("memoryLimit", self.spec["memory_limit"]))
        # A grandchild holding a pipe open must not keep the grading waiting.
        if self.pid < 0 and now - self.exited_at > 0.5:
            for descriptor in list(self.descriptors):
                self.close(descriptor)

    def stop(self, reason):
        """Ends the job's process and everything it started, for `reason`."""
        self.termination = reason
        kill_group(self.pid)

    def finished(self):
        """Whether the process has ended and its pipes are closed."""
        return self.pid < 0 and not self.descriptors

    def report(self):
        """The job's J record."""
        kind, value = self.termination or ("exited", 0)
        send("J", self.index, kind, value, repr(self.exited_at - self.start),
             self.output_count, base64.b64encode(bytes(self.output)).decode(),
             base64.b64encode(bytes(self.channel)).decode())
        self.reported = True


POLL = select.poll()


def kill_group(pid):
    """SIGKILL to a job's process group and to the process itself."""
    for target in (-pid, pid):
        try:
            os.kill(target, signal.SIGKILL)
        except OSError:
            pass


def reap(by_pid, now):
    """Collects every job process that has ended."""
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        if pid in by_pid and by_pid[pid].pid == pid:
            by_pid[pid].ended(status, now)


def resident_memory():
    """A function giving the resident bytes of a process and everything it started, read from
    /proc once per call of this one; None where there is no /proc."""
    if not os.path.isdir("/proc/self"):
        return None
    parents, sizes = {}, {}
    page = os.sysconf("SC_PAGE_SIZE")
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            descriptor = os.open("/proc/%s/stat" % name, os.O_RDONLY)
            try:
                fields = os.read(descriptor, 4096).rsplit(b")", 1)[1].split()
            finally:
                os.close(descriptor)
            parents[int(name)] = int(fields[1])
            sizes[int(name)] = int(fields[21]) * page
        except (OSError, IndexError, ValueError):
            continue

    def resident(pid):
        total, tree = 0, [pid]
        while tree:
            current = tree.pop()
            total += sizes.get(current, 0)
            tree += [child for child, parent in parents.items() if parent == current]
        return total
    return resident


def fork_job(index, spec, sources):
    """Starts one job in a forked process; returns it."""
    output, channel, key = os.pipe(), os.pipe(), os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            start_job(spec, sources, output[1], channel[1], key[0])
        finally:
            os._exit(70)
    try:
        os.setpgid(pid, pid)
    except OSError:
        pass
    os.close(output[1])
    os.close(channel[1])
    os.close(key[0])
    job = Job(index, spec, pid, output[0], channel[0])
    for descriptor in job.descriptors:
        POLL.register(descriptor, select.POLLIN | select.POLLHUP | select.POLLERR)
    return job, key[1]


def start_job(spec, sources, output, channel, key):
    """In the forked process: its own group, pipes, folder, clock and random state, then the
    run (which never returns)."""
    global ORIGIN  # pylint: disable=global-statement
    os.setpgid(0, 0)
    os.dup2(output, 1)
    os.dup2(output, 2)
    os.dup2(channel, CHANNEL)
    os.dup2(key, 4)
    # Nothing of the server's or of the other jobs': their pipes and keys.
    os.closerange(5, 1 << 16)
    os.chdir(spec["folder"])
    os.environ["HOME"] = os.environ["TMPDIR"] = spec["folder"]
    ORIGIN = time.monotonic()
    random.seed()
    main([spec["mode"], sources] + [str(argument) for argument in spec["arguments"]])


def serve(sources, specs):
    """Forks every job, hands each its key, supervises them and reports each (see the module's
    docstring)."""
    global send  # pylint: disable=global-statement
    sources = os.path.abspath(sources)
    # What the server has made stays out of the jobs' garbage collections (and their pages
    # shared with it).
    gc.freeze()
    # Forked before any key is read: no job holds the server's key or another job's.
    started = [fork_job(index, spec, sources) for index, spec in enumerate(specs)]
    keys = _read_key().split("\n")
    send = _make_send(keys[0])
    send("H", PROTOCOL_VERSION, now())
    for (_, key_pipe), key in zip(started, keys[1:] + [""] * len(started)):
        try:
            os.write(key_pipe, key.encode())
        except OSError:
            pass
        os.close(key_pipe)
    jobs = [job for job, _ in started]
    by_descriptor = {descriptor: job for job in jobs for descriptor in job.descriptors}
    by_pid = {job.pid: job for job in jobs}
    last_tick = last_memory_check = 0.0
    while not all(job.reported for job in jobs):
        for descriptor, _ in POLL.poll(20):
            by_descriptor[descriptor].read(descriptor)
        moment = time.monotonic()
        # Limits, reaping and reports at most every 20 ms, however many records arrive; and
        # records read in batches: a wake-up per record would cost more than the runs.
        if moment - last_tick < 0.02:
            time.sleep(0.005)
            continue
        last_tick = moment
        reap(by_pid, moment)
        resident = None
        if moment - last_memory_check > 0.1:
            last_memory_check = moment
            resident = resident_memory()
        for job in jobs:
            if not job.reported:
                job.supervise(moment, resident)
                if job.finished():
                    job.report()
    send("D", now())
    os._exit(0)


send = None  # pylint: disable=invalid-name  (made in main, before any student code runs)


def main(arguments):
    """Parses the checker's arguments and runs the mode they name."""
    mode = arguments[0]
    if mode == "serve":
        serve(arguments[1], json.loads(arguments[2]))
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
    trusted = tuple((function.__code__, globals())
                    for function in (main, graded, probe, perform, run))
    trusted += tuple((code, vars(reference)) for code in reference.RECORDING_CODE)
    install_channel(_read_key(), sources, os.path.realpath(os.getcwd()), ORIGIN, SCHEDULES,
                    trusted)
    # From here on, nothing student code can reach leads to this module: it is no longer
    # __main__, and the reference functions live in a module of their own.
    sys.modules["__main__"] = types.ModuleType("__main__")
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
            if finished.acquire(timeout=CONTROL_STEP):
                break
            sys.audit("asynccheck.control-end", CONTROL_STEP)
    sys.stdout.flush()
    os._exit(0)


def graded(mode, sources, arguments, calls):
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
