"""The harness's report channel: the audit hook (PEP 578) that is a run's only writer on it
and its watch over student code (`install_channel`), and the serving process's own writer.

Part of the Python harness (see asynccheck_harness.py); imported before any student code runs
and then taken out of sys.modules, so that no student code can import it back with its state.
"""
import asyncio
import gc
import importlib
import inspect
import itertools
import os
import random
import sys
import threading
import time
import traceback
# The built-in functions as they are before any student code runs, bound in this module's
# namespace (which student code cannot reach): a student's file that rebinds `builtins.float`
# or `builtins.isinstance` changes nothing the harness does.
from builtins import (  # pylint: disable=redefined-builtin
    all, any, bool, float, frozenset, int, len, list, max, set, str, tuple, type)

import asynccheck_facts as facts  # pylint: disable=wrong-import-position
import asynccheck_reference as reference  # pylint: disable=wrong-import-position
from asynccheck_facts import MODULES  # pylint: disable=wrong-import-position


# The version of the checker's HarnessProtocol (Run/HarnessProtocol.swift) this harness speaks.
PROTOCOL_VERSION = 4
CHANNEL = 3
ORIGIN = time.monotonic()
SLEEP = asyncio.sleep
LOCK = threading.Lock()


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


# The functions of the standard library through which student code may read frames and code
# objects, because they keep them: they hand back a class, a name, text or a summary, never a
# frame. Keyed by file, relative to the standard library. Student code that reaches a frame
# any other way (itself, or through a function not listed here, such as logging.currentframe,
# inspect.getmembers or typing's attribute forwarding) is flagged: an allow list, because the
# library's ways of handing an attribute back are too many to deny one by one.
FRAME_SAFE_ENTRIES = {
    "typing.py": frozenset({"__init__", "__new__", "NamedTuple", "TypedDict", "NewType"}),
    "enum.py": frozenset({"__call__", "_create_", "__new__"}),
    "collections/__init__.py": frozenset({"namedtuple"}),
    "logging/__init__.py": frozenset({
        "debug", "info", "warning", "warn", "error", "exception", "critical", "fatal", "log"}),
    "traceback.py": frozenset({
        "print_exc", "format_exc", "print_exception", "format_exception",
        "format_exception_only", "print_tb", "format_tb", "extract_tb", "extract_stack",
        "format_stack", "print_stack", "print_last", "__init__", "from_exception", "format",
        "print", "extract"}),
    "inspect.py": frozenset({
        "signature", "from_callable", "getfullargspec", "getsource", "getsourcelines",
        "getsourcefile", "getfile", "getmodule", "getdoc", "getcomments", "unwrap",
        "iscoroutinefunction", "isawaitable", "isgeneratorfunction", "isasyncgenfunction",
        "cleandoc"}),
    "warnings.py": frozenset({"warn", "warn_explicit"}),
}
# asyncio reads frames for its reprs and its debug mode: every function of it is an allowed
# way in but these, which hand a task's frames back.
ASYNCIO_FRAME_RETURNING = frozenset({"get_stack", "_task_get_stack"})
# The import system's files: a module it runs is student code (then the innermost) or the
# library's.
IMPORT_SYSTEM_FILES = frozenset({
    "<frozen importlib._bootstrap>", "<frozen importlib._bootstrap_external>"})


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


# How many suspicious events one process reports at most.
AUDIT_LIMIT = 20


def now():
    """Seconds since the harness started, on the monotonic clock."""
    return time.monotonic() - ORIGIN


def restart_clock():
    """Starts the harness's clock again: a forked job's times count from its own start."""
    global ORIGIN  # pylint: disable=global-statement
    ORIGIN = time.monotonic()


def read_key():
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


def make_send(key=None):
    """The serving process's channel writer: every line ends with its sequence number and the
    key. Only the server uses it, which never runs student code; a run's records go through
    the audit hook of install_channel."""
    key = read_key() if key is None else key
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
    # Where a frame may be read on student code's behalf (see FRAME_SAFE_ENTRIES).
    library = os.path.dirname(inspect.__file__) + sep
    safe_entries, asyncio_returning = FRAME_SAFE_ENTRIES, ASYNCIO_FRAME_RETURNING
    import_files = IMPORT_SYSTEM_FILES | {os.path.dirname(importlib.__file__) + "/__init__.py"}
    reference_files = frozenset(code.co_filename for code in reference.RECORDING_CODE)
    # A private copy of the probes' schedules: nothing student code reaches can change them.
    schedules = {call: tuple(schedule) for call, schedule in schedules.items()}
    # Opening a descriptor as a file: student code's own call, or os.fdopen's on its behalf
    # (subprocess opens its pipes so, for any caller). A frozen module's code is named
    # `<frozen os>`, not by its file.
    descriptor_helpers = helpers | {os.__file__, os.fdopen.__code__.co_filename}
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

    def safe_entry(frame):
        """Whether `frame`, called by student code, runs a function known to keep the frames
        and code objects it reads (see FRAME_SAFE_ENTRIES)."""
        name, function = file_of(frame), frame.f_code.co_name
        if name in reference_files or name in import_files:
            return True
        if not starts(name, library):
            return False
        relative = name[len(library):]
        if starts(relative, "asyncio" + sep):
            return function not in asyncio_returning
        allowed = safe_entries.get(relative)
        return allowed is not None and function in allowed

    def reaches_frames(frame):
        """Student code that reads a frame or a code object, itself or through a function
        that may hand it back: (file, line), or None. Through a function known to keep it
        (traceback.print_exc, logging's calls, inspect.signature, asyncio's reprs) is fine."""
        entry = None
        while frame is not None:
            if in_sources(file_of(frame)):
                return None if entry is not None and safe_entry(entry) else site(frame)
            entry = frame
            frame = frame.f_back
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
