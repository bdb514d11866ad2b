"""The harness's report channel: the audit hook (PEP 578) that is a run's only writer on it
and its watch over student code (`install_channel`), and the serving process's own writer.

Part of the Python harness (see asynccheck_harness.py); imported before any student code runs
and then taken out of sys.modules, so that no student code can import it back with its state.
"""
from __future__ import annotations

from typing import TYPE_CHECKING
import asyncio
import gc
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
    all, any, float, frozenset, int, len, list, max, set, str, tuple, type)

if TYPE_CHECKING:  # names for the annotations only
    import types
    from typing import Any, Callable, Iterable

import asynccheck_facts as facts  # pylint: disable=wrong-import-position
from asynccheck_facts import MODULES  # pylint: disable=wrong-import-position


# The version of the checker's HarnessProtocol (Run/HarnessProtocol.swift) this harness speaks.
PROTOCOL_VERSION = 5
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


# The functions of the standard library that read frames or code objects and keep them: they
# hand back text, a name, a class or a summary, never a frame. Keyed by file, relative to the
# standard library. A frame read is fine when, between the read and any student code, one of
# these runs (traceback.print_exc's extract, logging's findCaller, inspect.signature, asyncio's
# reprs); when student code, or the start of a thread (a pool running a function on student
# code's behalf), comes first, the frame would reach it: refused and flagged. An allow list:
# the library's ways of handing an attribute back are too many to deny one by one.
FRAME_KEEPERS = {
    "traceback.py": frozenset({
        "_extract_from_extended_frame_gen", "extract", "extract_tb", "extract_stack",
        "format_tb", "format_stack", "print_tb", "print_stack", "format_exception",
        "print_exception", "format_exc", "print_exc", "print_last", "format_exception_only",
        "__init__", "from_exception", "format", "print", "_get_code_position"}),
    "logging/__init__.py": frozenset({"findCaller"}),
    "inspect.py": frozenset({
        "_has_code_flag", "signature", "_signature_from_function", "_signature_from_callable",
        "getfile", "getsourcefile", "getsourcelines", "getsource", "findsource",
        "getfullargspec", "getframeinfo", "iscoroutinefunction", "isgeneratorfunction",
        "isasyncgenfunction", "getmodule", "getdoc", "getcomments"}),
    "typing.py": frozenset({"_caller"}),
    "enum.py": frozenset({"_create_"}),
    "collections/__init__.py": frozenset({"namedtuple"}),
    "warnings.py": frozenset({"warn"}),
    "asyncio/format_helpers.py": frozenset({
        "extract_stack", "_get_function_source", "_format_callback_source",
        "_format_callback", "_format_args_and_kwargs"}),
    "asyncio/coroutines.py": frozenset({"_format_coroutine", "iscoroutinefunction"}),
    "asyncio/base_tasks.py": frozenset({"_task_repr_info", "_task_repr", "_task_print_stack"}),
    "asyncio/base_futures.py": frozenset({"_future_repr_info", "_format_callbacks"}),
    "asyncio/events.py": frozenset({"__init__", "_repr_info", "__repr__"}),
    "asyncio/futures.py": frozenset({"__init__"}),
    "asyncio/tasks.py": frozenset({"__init__"}),
}
# What the keepers call with what they read (a frame's globals, its locals, the frames of a
# walk): each name must still be the library's own when a keeper reads a frame, or student
# code that replaced it would be handed the frame's contents. (module, attribute) pairs.
KEEPERS_CALL = (
    ("traceback", "FrameSummary"), ("traceback", "StackSummary"), ("traceback", "linecache"),
    ("traceback", "collections"), ("traceback", "itertools"), ("traceback", "walk_tb"),
    ("traceback", "walk_stack"), ("traceback", "extract_stack"), ("traceback", "print_stack"),
    ("traceback", "print_list"), ("linecache", "lazycache"), ("linecache", "checkcache"),
    ("linecache", "getline"), ("linecache", "getlines"), ("linecache", "updatecache"),
    ("collections", "deque"), ("itertools", "islice"), ("builtins", "repr"),
    ("asyncio.format_helpers", "traceback"))


# Attributes whose reading leads to frames or code: audited as object.__getattr__.
FRAME_ATTRIBUTES = frozenset({
    "tb_frame", "gi_frame", "cr_frame", "ag_frame", "__code__", "gi_code", "cr_code",
    "ag_code", "f_back"})


# How much earlier than its delay a reference sleep may end (none can: the event loop fires a
# timer at its time or later), and how far two of its sleeps in one thread, or of one probe
# call, may end out of the order of their planned ends (timers fire in that order; the margin
# covers a process paused between the hook's clock reading and the loop's, on a machine loaded
# far beyond its cores; sorting the probe's values needs an inversion of 0.75 s).
EARLY_SLEEP = 0.002
REORDERED_SLEEPS = 0.5


# The exit status of a run whose channel was taken over (HarnessProtocol.channelTakenOverStatus).
CHANNEL_TAKEN_OVER = 86
# How many suspicious events one process reports at most.
AUDIT_LIMIT = 20


def now() -> float:
    """Seconds since the harness started, on the monotonic clock."""
    return time.monotonic() - ORIGIN


def restart_clock() -> None:
    """Starts the harness's clock again: a forked job's times count from its own start."""
    global ORIGIN  # pylint: disable=global-statement
    ORIGIN = time.monotonic()


def read_key() -> str:
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


def make_send(key: str | None = None) -> Callable[..., None]:
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


def make_readers() -> tuple[Callable[[object], float],
                            Callable[[object], tuple[float, ...] | None]]:
    """The readers of a returned value, as the hook records it: `number(value)`, the float a
    float or an int holds (read by the base type, whatever a subclass's __float__ says), or
    nan for anything else; `values(value)`, the numbers a list or a tuple holds (read by the
    base type, whatever a subclass's __iter__ says), or None for anything else.

    They run inside the hook, so they run no code of the student's, and every name they use
    is bound now, when the hook is installed: none is looked up in a namespace student code
    could reach and change."""
    exact, subclass, floats, integers, lists, tuples = type, issubclass, float, int, list, tuple
    float_of, int_float = float.__float__, int.__float__
    list_items, tuple_items, nan = list.__iter__, tuple.__iter__, float("nan")
    errors = (TypeError, ValueError, OverflowError)

    def number(value):
        kind = exact(value)
        try:
            if subclass(kind, floats):
                return float_of(value)
            if subclass(kind, integers):
                return int_float(value)
        except errors:
            pass
        return nan

    def values(value):
        kind = exact(value)
        if subclass(kind, lists):
            return tuples(number(item) for item in list_items(value))
        if subclass(kind, tuples):
            return tuples(number(item) for item in tuple_items(value))
        return None

    return number, values


def guard_channel(program: bytes) -> bool:
    """Installs `program`, a seccomp filter (the checker's SeccompFilter.channelGuard), on this
    process before any student code runs, so that the report channel stays descriptor 3: a
    dup2 or dup3 onto it kills the process (SIGSYS), which voids the run, and closing it fails
    (EPERM). Returns whether it is installed; where it is not, the hook's descriptor checks
    remain.

    ctypes is used here, before the audit hook, and taken out of sys.modules after: student
    code that imports it loads it anew, which the hook flags."""
    if not program or len(program) % 8 or not sys.platform.startswith("linux"):
        return False
    loaded = set(sys.modules)
    try:
        import ctypes  # pylint: disable=import-outside-toplevel

        class Program(ctypes.Structure):  # struct sock_fprog
            _fields_ = [("count", ctypes.c_ushort), ("instructions", ctypes.c_void_p)]

        prctl = ctypes.CDLL(None, use_errno=True).prctl
        prctl.argtypes = [ctypes.c_int] + [ctypes.c_ulong] * 4
        prctl.restype = ctypes.c_int
        instructions = ctypes.create_string_buffer(program, len(program))
        header = Program(len(program) // 8, ctypes.addressof(instructions))
        no_new_privileges, set_seccomp, filter_mode = 38, 22, 2
        return (prctl(no_new_privileges, 1, 0, 0, 0) == 0
                and prctl(set_seccomp, filter_mode, ctypes.addressof(header), 0, 0) == 0)
    except (ImportError, OSError, AttributeError):
        return False
    finally:
        for name in set(sys.modules) - loaded:
            del sys.modules[name]


# Every name the hook uses when an event comes, bound when it is installed.
_HOOK_NAMES = (len, any, all, max, issubclass, RuntimeError, ValueError, OSError, AUDIT_LIMIT,
               CHANNEL, EARLY_SLEEP, REORDERED_SLEEPS, asyncio.Task, CHANNEL_TAKEN_OVER)


def install_channel(key: str, sources: str, scratch: str, origin: float,
                    schedules: dict[int, list[tuple[float, ...]]],
                    trusted: tuple[tuple[types.CodeType, dict[str, Any]], ...],
                    list_calls: Iterable[int], channel_guarded: bool) -> None:
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
    # pylint: disable=redefined-builtin,invalid-name
    # Bound here, not looked up in this module's namespace when an event comes: student code
    # that reached the namespace could change what is there, not these.
    (len, any, all, max, issubclass, RuntimeError, ValueError, OSError, audit_limit, channel,
     early_sleep, reordered_sleeps, task_type, taken_over) = _HOOK_NAMES
    read_number, read_values = make_readers()
    # The built-in errors the hook's own work may raise, passed on as they are (as new ones):
    # these, and every kind of OSError (a path too long, a folder gone, no permission).
    passed_on = frozenset({RuntimeError, ValueError, RecursionError, MemoryError, UnicodeError})
    list_calls = frozenset(list_calls)
    write, monotonic, getframe, getpid = os.write, time.monotonic, sys._getframe, os.getpid
    status_of, leave = os.fstat, os._exit
    # The channel as it is now: a descriptor student code moved a pipe of its own onto is
    # another file, which the hook never writes (see emit); and a copy of it, to say so.
    channel_file = (status_of(channel).st_dev, status_of(channel).st_ino)
    backup = os.dup(channel)
    owner, owner_thread = getpid(), threading.get_ident()
    get_ident, lock, generator = threading.get_ident, threading.RLock(), random.Random()
    gc_enabled, gc_disable, gc_enable = gc.isenabled, gc.disable, gc.enable
    exact, realpath, fsdecode = type, os.path.realpath, os.fsdecode
    is_folder, devnull = os.path.isdir, os.devnull
    text, integer, number_type, tuple_type, list_type, raw = \
        str, int, float, tuple, list, bytes
    show_float, nan = float.__repr__, float("nan")
    starts, find, replace, join = str.startswith, str.rfind, str.replace, str.join
    sep, separators, writes_mode = os.sep, "\t\n\r", "wax+"
    write_flags = os.O_WRONLY | os.O_RDWR | os.O_CREAT
    unix_family = 1  # AF_UNIX on every system with sockets
    sequence, reported, guarded, pending = [0], [0], set(), {}
    used: dict[int, int] = {}
    # Events the hook never acts on, seen often (its own `id` reads among them).
    ignored = frozenset({"builtins.id", "sys.set_asyncgen_hook_firstiter",
                         "sys.set_asyncgen_hook_finalizer", "os.listdir", "os.scandir"})
    next_token = itertools.count().__next__
    # Per thread, and per probe call, the latest planned end of the sleeps that ended: timers
    # fire in the order of their ends, so a sleep that ends after one planned to end later was
    # reordered (see check_sleep).
    latest_planned_end: dict[object, float] = {}
    real_sleep = SLEEP
    own_modules = frozenset(
        name[:-3] for name in os.listdir(sources) if name.endswith(".py"))
    helpers = frozenset((inspect.__file__, traceback.__file__))
    # Where a frame may be read on student code's behalf (see FRAME_KEEPERS), and what the
    # readers call with what they read, as it is now.
    library = os.path.dirname(inspect.__file__) + sep
    keepers = FRAME_KEEPERS
    keepers_call = tuple((vars(sys.modules[module]), name, vars(sys.modules[module])[name])
                         for module, name in KEEPERS_CALL)
    real_traceback = traceback
    # A private copy of the probes' schedules: nothing student code reaches can change them.
    probe_schedules = {call: tuple(schedule) for call, schedule in schedules.items()}
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
        # Written only while the channel is the file it was, checked before and after:
        # student code that put a pipe of its own on the descriptor (os.dup2, no audit event)
        # would read the records and pass on others. Then the run ends here, and every call it
        # had not reported fails. Whatever may fail (a recursion limit student code chose)
        # fails before the sequence number is taken: a line is written whole or not at all.
        if not intact(channel):
            replaced()
        # A new line first: bytes student code wrote to the channel without one stand alone,
        # without the key, instead of heading this record.
        data = ("\n" + join("\t", [text(field) for field in fields]) + "\t%d\t%s\n"
                % (sequence[0], key)).encode()
        sequence[0] += 1
        try:
            while data:
                data = data[write(channel, data):]
        except OSError:
            pass
        if not intact(channel):
            replaced()

    def intact(descriptor):
        current = status_of(descriptor)
        return (current.st_dev, current.st_ino) == channel_file

    def replaced():
        """Says on the channel's copy, while it is still the channel, that student code took
        the channel over (an `A channel` record: the grading is void), and ends the run."""
        try:
            if intact(backup):
                line = "\nA\tchannel\t\t0\tthe report channel (descriptor 3) was replaced" \
                    "\t%d\t%s\n" % (sequence[0], key)
                sequence[0] += 1
                write(backup, line.encode())
        finally:
            leave(taken_over)

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

    def direct(frame, skipped=helpers):
        """`frame`, or its caller when it is in `skipped` (inspect's or traceback's): student
        code, or None."""
        while frame is not None and file_of(frame) in skipped:
            frame = frame.f_back
        if frame is not None and in_sources(file_of(frame)):
            return site(frame)
        return None

    def keeps(frame):
        """Whether `frame` runs a library function that keeps the frames it reads (see
        FRAME_KEEPERS), with what it calls still the library's own."""
        name = file_of(frame)
        if not starts(name, library):
            return False
        functions = keepers.get(name[len(library):])
        if functions is None or frame.f_code.co_name not in functions:
            return False
        known = frame.f_globals.get("traceback", real_traceback)
        return known is real_traceback and all(
            namespace.get(attribute) is value for namespace, attribute, value in keepers_call)

    def reaches_frames(frame):
        """Student code a frame or code object read at `frame` would reach: (file, line);
        ("", 0) when it would reach the start of a thread (a pool's worker, say, which hands
        what it computed to whoever asked); None when a library function keeps it first."""
        while frame is not None:
            if keeps(frame):
                return None
            if in_sources(file_of(frame)):
                return site(frame)
            frame = frame.f_back
        return ("", 0)

    def flag(kind, where, detail, refuse=True):
        if reported[0] < audit_limit:
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
        than it: the event loop or the sleep was changed. Sleeps are compared in the same
        thread (one loop fires its timers in the order of their ends), and a probe call's
        across threads too: its sleeps follow a schedule, in a process of its own, so running
        each on a loop of its own in a thread of its own (where a patched loop could stretch
        them into value order) changes nothing."""
        planned = entry[4]
        if end < planned - early_sleep:
            flag("early-sleep", student(frame), "a sleep of the checker's wait_random ended "
                 "%.3f s before its delay" % (planned - end), refuse=False)
        for order in ((ident, ("probe", entry[0])) if entry[0] in probe_schedules
                      else (ident,)):
            latest = latest_planned_end.get(order, -1.0)
            if latest > planned + reordered_sleeps:
                flag("timing", student(frame), "a sleep of the checker's wait_random ended "
                     "%.3f s before one planned to end earlier" % (latest - planned),
                     refuse=False)
            latest_planned_end[order] = max(latest, planned)

    def record(kind, args, ident, frame):
        # pylint: disable=too-many-branches
        if kind == "sleep-start":
            box = box_of(args, 3)
            if box is None or exact(box[0]) is not integer or \
                    exact(box[1]) is not number_type or exact(box[2]) is not integer:
                return
            schedule = probe_schedules.get(box[0])
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
        elif kind == "returned" and len(args) == 2:
            # What the function handed back is a task when its class is asyncio's (or a
            # subclass), as asyncio was when the hook was installed.
            emit("R", args[0], clock(), 1 if issubclass(exact(args[1]), task_type) else 0)
        elif kind == "ended" and len(args) == 2:
            # The values are read here, from what the call returned, by the hook's own
            # readers: nothing student code reaches can change how.
            values = read_values(args[1]) if args[0] in list_calls else \
                (read_number(args[1]),)
            emit("E", args[0], clock(), join(",", [
                show_float(value) for value in (values if values is not None else (nan,))]))
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
        elif event == "sys._current_frames":
            # Every thread's frames, this hook's among them when it runs in another thread:
            # never needed by student code, whoever calls it for it.
            flag("frames", student(frame), event)
        elif event == "sys._getframe":
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
        elif event == "open" and args:
            # The rules that keep the process's memory and the report channel out of reach hold
            # whoever opens (a pool thread runs no student frame); the others are hints about
            # student code.
            where = student(frame)
            path = path_of(args[0])
            mode = named(args, 1)
            flags = args[2] if len(args) > 2 and exact(args[2]) is integer else 0
            given = args[0] if exact(args[0]) is text else None
            if path is None:
                if where and exact(args[0]) is integer and args[0] in (channel, backup) \
                        and direct(frame, descriptor_helpers):
                    flag("descriptor", where, "opening the report channel's descriptor")
            elif path == "/proc" or starts(path, "/proc/") and (
                    path[find(path, "/"):] == "/mem" or "/fd/" in path or
                    "/map_files/" in path or "/fdinfo/" in path):
                flag("memory", where, "opening " + path)
            elif given is not None and given[:1] != sep and ".." in given.split(sep):
                # Relative to a descriptor (os.open's dir_fd, which the event does not carry),
                # `..` leads where this hook, resolving against the working folder, cannot see.
                flag("folder", where, "opening " + given)
            elif not inside_scratch(path) and not in_sources(path + sep) and is_folder(path):
                # A folder outside its own, as a base for relative paths.
                flag("folder", where, "opening the folder " + path)
            elif where and starts(path, "/proc/"):
                flag("process", where, "opening " + path, refuse=False)
            elif where and (any(letter in mode for letter in writes_mode) or flags & write_flags) \
                    and not inside_scratch(path) and path != devnull:
                flag("files", where, "writing " + path, refuse=False)
        elif event in process_events or event == "socket.__new__":
            where = student(frame)
            family = args[1] if len(args) > 1 and exact(args[1]) is integer else -1
            if where and not (event == "socket.__new__" and family == unix_family):
                flag("process", where, event, refuse=False)
        elif event == "os.symlink":
            # A link's target is read from the link's folder, not the working folder this hook
            # resolves against: links could lead a relative path to /proc unseen.
            flag("folder", student(frame), "making a symbolic link")
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
        refusal = None
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
        except BaseException as error:  # pylint: disable=broad-exception-caught
            # A refusal, or an error of the hook's own work (a path too long to resolve, a
            # recursion limit student code chose). Student code gets a new error of the same
            # built-in kind, raised below, outside this block: it carries no frame of the
            # hook's functions, whose closures hold the key and the sequence, nor the old error
            # as its context.
            kind = exact(error)
            known = kind in passed_on or issubclass(kind, OSError)
            refusal = (kind if known else RuntimeError,
                       tuple_type(value for value in error.args
                                  if exact(value) is text or exact(value) is integer)
                       if known else ("asynccheck: the watch failed",))
        finally:
            guarded.discard(ident)
            if collecting:
                gc_enable()
        if refusal is not None:
            raise refusal[0](*refusal[1])

    sys.addaudithook(hook)
    with lock:
        emit("H", PROTOCOL_VERSION, clock(), 1 if channel_guarded else 0)
