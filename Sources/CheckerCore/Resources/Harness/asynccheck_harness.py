#!/usr/bin/env python3
"""The harness asynccheck runs to grade the Python "async basics" project.

It imports the student's files by name (0-basic_async_syntax.py ... 4-tasks.py), calls their
functions as the checker's plan says, and reports on file descriptor 3, a pipe that the
student's print() cannot reach, in the line protocol the checker defines in
Run/HarnessProtocol.swift (the Swift harness speaks it too). Standard
library only; Python 3.8 or later.

Each task is judged on its own file: while the harness imports and runs task k's file, the
other four module names lead to the checker's reference versions (`install_references`), which
record every call (W, T and N lines), so a broken prerequisite cannot fail a correct task.

Usage (by the checker only):
  asynccheck_harness.py probe SOURCES [PYCODESTYLE_FOLDER]
  asynccheck_harness.py run SOURCES TASK ABANDON_AFTER CALL...
  asynccheck_harness.py serve SOURCES JOBS
where CALL is id:kind:n:max_delay and kind is r (wait_random), d (wait_random with its
default), w (wait_n), m (measure_time), t (task_wait_random), k (task_wait_n); a probe call adds
:duration/value,... : what the reference wait_random does on each of its calls.

`serve` runs many `run`s, each in a process forked from this one: the interpreter starts and
imports asyncio once per grading instead of once per run (a tenth of a second of CPU each).
JOBS is a JSON list of {"mode", "folder", "time_limit", "output_limit", "memory_limit",
"arguments"}: a `run` or a `probe`, with its arguments after SOURCES. Descriptor 4 carries one key per line: this
process's own, then each job's. Each job's process has its own output pipe, channel (its
descriptor 3, read by this process) and key, leads its own process group, and runs under its
limits as the checker's supervisor would run it (time from its first record, output, resident
memory). When it ends, this process reports it as a J record: index, how it ended, seconds,
bytes printed, and what it printed and wrote on its channel (base64).
"""
import ast
import asyncio
import base64
import contextlib
import contextvars
import gc
import importlib
import inspect
import io
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
from concurrent.futures import ThreadPoolExecutor

MODULES = ["0-basic_async_syntax", "1-concurrent_coroutines",
           "2-measure_runtime", "3-tasks", "4-tasks"]
FUNCTIONS = ["wait_random", "wait_n", "measure_time",
             "task_wait_random", "task_wait_n"]
COROUTINES = {0: True, 1: True, 2: False, 3: False, 4: True}
ARITY = {0: 1, 1: 2, 2: 2, 3: 1, 4: 2}
PARAMETERS = {0: ["max_delay"], 1: ["n", "max_delay"], 2: ["n", "max_delay"],
              3: ["max_delay"], 4: ["n", "max_delay"]}
# The version of the checker's HarnessProtocol (Run/HarnessProtocol.swift) this harness speaks.
PROTOCOL_VERSION = 1
CHANNEL = 3
ORIGIN = time.monotonic()
CALL_ID = contextvars.ContextVar("asynccheck_call_id", default=-1)
LOCK = threading.Lock()
SCHEDULES = {}
SCHEDULE_USED = {}
SOLE_CALL = [-1]


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
    """The channel writer: every line ends with its sequence number and the key (by default
    the one on descriptor 4)."""
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


def number(value):
    """The value as the checker reads it: a float's exact repr, or nan."""
    try:
        return repr(float(value))
    except (TypeError, ValueError):
        return "nan"


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


def style_messages(sources, folder):
    """pycodestyle's messages (`file:line:column: CODE text`) for each file, by file name,
    with its default options; None when it is not installed. Read before any student code
    runs, which could otherwise change what it says."""
    if not folder:
        return None
    sys.path.append(folder)
    try:
        import pycodestyle  # pylint: disable=import-outside-toplevel
    except ImportError:
        return None
    finally:
        sys.path.remove(folder)
    paths = [os.path.join(sources, name + ".py") for name in MODULES]
    paths = [path for path in paths if os.path.exists(path)]
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        pycodestyle.StyleGuide().check_files(paths)
    messages = {os.path.basename(path): [] for path in paths}
    for line in printed.getvalue().splitlines():
        name = os.path.basename(line.split(":", 1)[0])
        if name in messages:
            messages[name].append(name + line[len(line.split(":", 1)[0]):])
    return messages


def probe(sources, style_folder=None):
    """Imports each file on its own, the other files being the references, and reports its
    function's signature and source facts."""
    style = style_messages(sources, style_folder)
    for task, name in enumerate(MODULES):
        path = os.path.join(sources, name + ".py")
        if not os.path.exists(path):
            send("P", task, "missing-file", "")
            continue
        report_facts(task, path, None if style is None else style.get(name + ".py", []))
        install_references(task)
        try:
            module = importlib.import_module(name)
        except BaseException as error:  # a student's file may raise anything
            file, line = student_frame(error, sources)
            missing = getattr(error, "name", None)
            if isinstance(error, ImportError) and missing in MODULES and missing != name:
                send("P", task, "needs", MODULES.index(missing))
            elif isinstance(error, AttributeError) and any(
                    "'" + other + "'" in str(error) for other in MODULES if other != name):
                send("P", task, "incompatible", json.dumps(
                    {"file": file or name + ".py", "line": line,
                     "message": describe(error)}))
            elif file and file != name + ".py" and file[:-3] in MODULES:
                send("P", task, "needs", MODULES.index(file[:-3]))
            else:
                send("P", task, "error", json.dumps(
                    {"file": file or name + ".py", "line": line,
                     "message": describe(error)}))
            continue
        function = getattr(module, FUNCTIONS[task], None)
        if function is None or not callable(function):
            send("P", task, "missing", "")
            continue
        is_coroutine = inspect.iscoroutinefunction(function)
        try:
            signature = inspect.signature(function)
        except (TypeError, ValueError):
            send("P", task, "ok" if is_coroutine == COROUTINES[task] else "wrong",
                 FUNCTIONS[task])
            continue
        found = ("async " if is_coroutine else "") + "def " + FUNCTIONS[task] + \
            str(signature)
        try:
            signature.bind(*range(ARITY[task]))
        except TypeError:
            send("P", task, "wrong", found)
            continue
        if task == 0:
            parameter = next(iter(signature.parameters.values()), None)
            default = None if parameter is None or \
                parameter.default is inspect.Parameter.empty else parameter.default
            send("P", task, "default", repr(default))
        names = [parameter.name for parameter in signature.parameters.values()]
        if is_coroutine != COROUTINES[task]:
            send("P", task, "wrong", found)
        elif names != PARAMETERS[task]:
            send("P", task, "renamed", found)
        else:
            send("P", task, "ok", found)


def report_facts(task, path, style):
    """What the source says: docstrings, annotations, sorting and calls, by ast; and what
    pycodestyle said of it (`style`, None when it is not installed)."""
    with open(path, "rb") as handle:
        data = handle.read()
    facts = {"first_line": data.split(b"\n", 1)[0].decode("utf-8", "replace"),
             "ends_with_newline": data.endswith(b"\n"),
             "executable": os.access(path, os.X_OK)}
    if style is not None:
        facts["pycodestyle"] = style
    try:
        tree = ast.parse(data, filename=path)
    except SyntaxError:
        send("F", task, json.dumps(facts))
        return
    facts["module_docstring"] = ast.get_docstring(tree) or ""
    functions = [node for node in tree.body
                 if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
    facts["functions"] = [{
        "name": node.name,
        "line": node.lineno,
        "docstring": ast.get_docstring(node) or "",
        "unannotated": unannotated(node),
    } for node in functions]
    facts["sorting_lines"] = sorted({
        node.lineno for node in ast.walk(tree)
        if isinstance(node, ast.Call) and (
            (isinstance(node.func, ast.Name) and node.func.id == "sorted") or
            (isinstance(node.func, ast.Attribute) and
             node.func.attr in ("sort", "sorted")))})
    send("F", task, json.dumps(facts))


def unannotated(node):
    """The parameters of a function without annotations, and 'return' if it has none."""
    names = [argument.arg for argument in node.args.args + node.args.kwonlyargs
             if argument.annotation is None]
    return names + ([] if node.returns is not None else ["return"])


def context():
    """The call the running code works for: the call id, or the process's only call."""
    call_id = CALL_ID.get()
    return call_id if call_id >= 0 else SOLE_CALL[0]


def scheduled():
    """The next (duration, value) of the current probe call, or None."""
    call_id = context()
    schedule = SCHEDULES.get(call_id)
    if not schedule:
        return None
    with LOCK:
        index = SCHEDULE_USED.get(call_id, 0)
        SCHEDULE_USED[call_id] = index + 1
    return schedule[index] if index < len(schedule) else None


def argument_number(value):
    """A max_delay argument as the W line carries it: an int, or -2 if it is not one."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return -2


def make_references():
    """The checker's versions of the five modules, recording each call."""
    references = [types.ModuleType(name) for name in MODULES]
    basic, concurrent, measure, tasks, tasks_n = references

    async def wait_random(*args, **kwargs):
        """The reference wait_random: a recorded, possibly scheduled, sleep."""
        argument = args[0] if args else kwargs.get("max_delay")
        max_delay = 10 if argument is None else argument
        start = now()
        planned = scheduled()
        if planned:
            delay, value = planned
        else:
            delay = value = random.uniform(0, max(0, float(max_delay)))
        await asyncio.sleep(delay)
        send("W", context(), start, now(), number(value),
             -1 if argument is None else argument_number(argument))
        return value

    async def wait_n(n, max_delay):
        """The reference wait_n: completion order, recorded."""
        start = now()
        spawned = [asyncio.ensure_future(basic.wait_random(max_delay))
                   for _ in range(n)]
        values = [await done for done in asyncio.as_completed(spawned)]
        send("N", context(), start, now(), argument_number(n),
             argument_number(max_delay))
        return values

    def measure_time(n, max_delay):
        """The reference measure_time."""
        start = time.perf_counter()
        asyncio.run(concurrent.wait_n(n, max_delay))
        return (time.perf_counter() - start) / n if n else 0.0

    def task_wait_random(max_delay):
        """The reference task_wait_random, recorded."""
        send("T", context(), now())
        return asyncio.create_task(basic.wait_random(max_delay))

    async def task_wait_n(n, max_delay):
        """The reference task_wait_n."""
        spawned = [tasks.task_wait_random(max_delay) for _ in range(n)]
        return [await done for done in asyncio.as_completed(spawned)]

    for module in references:
        module.asyncio = asyncio
        module.random = random
    basic.wait_random = wait_random
    concurrent.wait_random = wait_random
    concurrent.wait_n = wait_n
    measure.wait_n = wait_n
    measure.measure_time = measure_time
    tasks.wait_random = wait_random
    tasks.task_wait_random = task_wait_random
    tasks_n.task_wait_random = task_wait_random
    tasks_n.task_wait_n = task_wait_n
    return references


REFERENCES = make_references()


def install_references(task):
    """Makes every module name but task's lead to the reference; forgets task's own."""
    for index, name in enumerate(MODULES):
        if index == task:
            sys.modules.pop(name, None)
        else:
            sys.modules[name] = REFERENCES[index]


def load(task):
    """Imports task's file alone, the others being the references; returns its function."""
    install_references(task)
    module = importlib.import_module(MODULES[task])
    return getattr(module, FUNCTIONS[task])


async def perform(function, call, executor):
    """Makes one call and reports it."""
    call_id, kind, n, max_delay = call
    CALL_ID.set(call_id)
    send("S", call_id, now())
    try:
        if kind == "r":
            values = [await function(max_delay)]
        elif kind == "d":
            values = [await function()]
        elif kind in ("w", "k"):
            values = list(await function(n, max_delay))
        elif kind == "m":
            loop = asyncio.get_running_loop()
            context = contextvars.copy_context()
            values = [await loop.run_in_executor(
                executor, lambda: context.run(function, n, max_delay))]
        elif kind == "t":
            task = function(max_delay)
            send("R", call_id, now(), 1 if isinstance(task, asyncio.Task) else 0)
            values = [await task]
        else:
            send("X", call_id, "unknown kind " + kind)
            return
    except Exception as error:  # the student's exception is this call's verdict
        send("X", call_id, describe(error))
        return
    send("E", call_id, now(), ",".join(number(value) for value in values))


async def run(function, abandon_after, calls):
    """Runs every call at once; calls with the default argument are never awaited."""
    executor = ThreadPoolExecutor(max_workers=max(4, len(calls)))
    waited = [asyncio.ensure_future(perform(function, call, executor))
              for call in calls if call[1] != "d"]
    for call in calls:
        if call[1] == "d":
            asyncio.ensure_future(perform(function, call, executor))
    if waited:
        await asyncio.gather(*waited)
    remaining = abandon_after - now()
    if remaining > 0:
        await asyncio.sleep(remaining)
    send("D", now())


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
    global send  # pylint: disable=global-statement
    if arguments[0] == "serve":
        serve(arguments[1], json.loads(arguments[2]))
    send = _make_send()
    mode, sources = arguments[0], os.path.abspath(arguments[1])
    sys.path.insert(0, sources)
    send("H", PROTOCOL_VERSION, now())
    if mode == "probe":
        probe(sources, arguments[2] if len(arguments) > 2 else None)
        send("D", now())
    else:
        task, abandon_after = int(arguments[2]), float(arguments[3])
        calls = []
        for text in arguments[4:]:
            call_id, kind, n, max_delay, *schedule = text.split(":")
            calls.append((int(call_id), kind, int(n), int(max_delay)))
            if schedule:
                SCHEDULES[int(call_id)] = [
                    tuple(float(number) for number in pair.split("/"))
                    for pair in schedule[0].split(",")]
        awaited = [call for call in calls if call[1] != "d"]
        if len(awaited) == 1:
            SOLE_CALL[0] = awaited[0][0]
        try:
            # Imported before the event loop starts: a file that runs asyncio.run() at import
            # time (a forgotten test line) still loads.
            function = load(task)
            asyncio.run(run(function, abandon_after, calls))
        except BaseException as error:  # an import that fails here fails every call
            send("X", -1, describe(error))
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1:])
