"""The Python harness's server: many runs, each in a process forked from this one, each
supervised under its own limits and reported as a J record (see asynccheck_harness.py).

Imported before any student code runs and then taken out of sys.modules.
"""
from __future__ import annotations

from typing import TYPE_CHECKING
import base64
import gc
import os
import random
import select
import signal
import socket
import time
# The built-in functions as they are before any student code runs, bound in this module's
# namespace (which student code cannot reach): a student's file that rebinds `builtins.float`
# or `builtins.isinstance` changes nothing the harness does.
from builtins import (  # pylint: disable=redefined-builtin
    all, enumerate, int, len, list, max, repr, str, zip)

if TYPE_CHECKING:  # names for the annotations only
    from typing import Any, Callable

from asynccheck_channel import (  # pylint: disable=wrong-import-position
    CHANNEL, PROTOCOL_VERSION, make_send, now, read_key, restart_clock)


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


def kill_group(pid: int) -> None:
    """SIGKILL to a job's process group and to the process itself."""
    for target in (-pid, pid):
        try:
            os.kill(target, signal.SIGKILL)
        except OSError:
            pass


def reap(by_pid: dict[int, Job], now: float) -> None:
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


def resident_memory() -> Callable[[int], int] | None:
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


def make_channel() -> tuple[int, int]:
    """A job's report channel: connected local sockets, the server's end reading only and the
    job's writing only. Not a pipe, which the job could open again through /proc/self/fd for
    reading, and so read its records (the key with them)."""
    server_end, job_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    server_end.shutdown(socket.SHUT_WR)
    job_end.shutdown(socket.SHUT_RD)
    return server_end.detach(), job_end.detach()


def fork_job(index: int, spec: dict[str, Any], sources: str,
             run_job: Callable[[list[str]], None]) -> tuple[Job, int]:
    """Starts one job in a forked process; returns it."""
    output, channel, key = os.pipe(), make_channel(), os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            start_job(spec, sources, output[1], channel[1], key[0], run_job)
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


def start_job(spec: dict[str, Any], sources: str, output: int, channel: int, key: int,
              run_job: Callable[[list[str]], None]) -> None:
    """In the forked process: its own group, pipes, folder, clock and random state, then the
    run, `run_job` with the job's arguments (which never returns)."""
    os.setpgid(0, 0)
    os.dup2(output, 1)
    os.dup2(output, 2)
    os.dup2(channel, CHANNEL)
    os.dup2(key, 4)
    # Nothing of the server's or of the other jobs': their pipes and keys.
    os.closerange(5, 1 << 16)
    os.chdir(spec["folder"])
    os.environ["HOME"] = os.environ["TMPDIR"] = spec["folder"]
    restart_clock()
    random.seed()
    run_job([spec["mode"], sources] + [str(argument) for argument in spec["arguments"]])


def serve(sources: str, specs: list[dict[str, Any]],
          run_job: Callable[[list[str]], None]) -> None:
    """Forks every job, hands each its key, supervises them and reports each (see
    asynccheck_harness.py's docstring); each job runs `run_job` with its arguments."""
    global send  # pylint: disable=global-statement
    sources = os.path.abspath(sources)
    # What the server has made stays out of the jobs' garbage collections (and their pages
    # shared with it).
    gc.freeze()
    # Forked before any key is read: no job holds the server's key or another job's.
    started = [fork_job(index, spec, sources, run_job) for index, spec in enumerate(specs)]
    keys = read_key().split("\n")
    send = make_send(keys[0])
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


send = None  # pylint: disable=invalid-name  (made in serve, before any job runs)
