"""Unit tests of the Python harness's parts that work without its channel: the calls as the
checker passes them, how each task's function is called and its result read, the values as
they are recorded, the reference modules, and the probe.

Run by `swift test` (PythonHarnessTests), which writes the harness and the exercise's
description into a folder and runs `python3 -m unittest` with that folder on the path. The
records go to the harness's audit hook in a grading; here a hook of the test's own reads them.
"""
import asyncio
import concurrent.futures
import json
import math
import os
import shutil
import signal
import sys
import tempfile
import unittest

import asynccheck_channel as channel
import asynccheck_facts as facts
import asynccheck_probe as probe
import asynccheck_runner as runner
import asynccheck_reference as reference

EVENTS = []


def _hook(event, args):
    if event.startswith("asynccheck."):
        EVENTS.append((event[len("asynccheck."):], args))


sys.addaudithook(_hook)

SAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, os.pardir,
                       "checker", "samples", "python")


def task_where(coroutine, returns):
    """The number of the task whose function is (or is not) a coroutine and returns so."""
    return next(index for index, task in enumerate(facts.TASKS)
                if task["coroutine"] == coroutine and task["returns"] == returns)


NUMBER, VALUES = channel.make_readers()


def perform(function, *calls):
    """Makes `calls` as a grading does; returns what they recorded (ended, raised, returned),
    the values read as the hook reads them."""
    EVENTS.clear()
    executor = concurrent.futures.ThreadPoolExecutor(max_workers=2)

    async def make():
        for call in calls:
            await runner.perform(function, call, executor)

    asyncio.run(make())
    executor.shutdown()
    recorded = []
    for event, args in EVENTS:
        if event == "ended":
            values = VALUES(args[1])
            recorded.append((event, (args[0], values if values is not None
                                     else (NUMBER(args[1]),))))
        elif event == "returned":
            recorded.append((event, (args[0], isinstance(args[1], asyncio.Task))))
        elif event == "raised":
            recorded.append((event, args))
    return recorded


class CallsTest(unittest.TestCase):
    """A call as the checker passes it: id:task:arguments[:schedule]."""

    def test_arguments_in_order(self):
        self.assertEqual(runner.parse_call("3:1:12,1"), ((3, 1, (12, 1)), []))

    def test_no_arguments_is_the_default(self):
        call, _ = runner.parse_call("5:0:")
        self.assertEqual(call, (5, 0, ()))
        self.assertFalse(runner.awaited(call))
        self.assertTrue(runner.awaited((6, 0, (2,))))

    def test_a_probe_schedule(self):
        call, schedule = runner.parse_call("7:1:6,1:0.3/0.45,0.45/0.15")
        self.assertEqual(call, (7, 1, (6, 1)))
        self.assertEqual(schedule, [(0.3, 0.45), (0.45, 0.15)])

    def test_every_task_is_described(self):
        self.assertEqual(len(runner.ARITY), len(facts.TASKS))
        for index, task in enumerate(facts.TASKS):
            self.assertEqual(runner.ARITY[index], len(task["parameters"]))
            self.assertIn(task["returns"], ("value", "values", "task"))


class PerformTest(unittest.TestCase):
    """Each task's function is called by its shape, and its result read as it returns it."""

    def test_a_coroutine_returning_a_value(self):
        task = task_where(True, "value")

        async def function(*arguments):
            return 0.5 + len(arguments)

        recorded = perform(function, (1, task, (2,)), (2, task, ()))
        self.assertEqual(recorded, [("ended", (1, (1.5,))), ("ended", (2, (0.5,)))])

    def test_a_coroutine_returning_a_list(self):
        task = task_where(True, "values")

        async def function(n, max_delay):
            return [0.2, 0.1][:n] if max_delay else (0.3,)

        recorded = perform(function, (1, task, (2, 1)), (2, task, (1, 0)))
        self.assertEqual(recorded, [("ended", (1, (0.2, 0.1))), ("ended", (2, (0.3,)))])

    def test_a_plain_function_called_as_a_main_file_calls_it(self):
        task = task_where(False, "value")

        def function(n, max_delay):
            # As in a student's measure_time: asyncio.run in a thread with no running loop.
            asyncio.get_event_loop()
            return asyncio.run(asyncio.sleep(0, n * 0.25 + max_delay))

        self.assertEqual(perform(function, (1, task, (1, 0))), [("ended", (1, (0.25,)))])

    def test_a_plain_function_that_hands_back_a_task(self):
        task = task_where(False, "task")

        def function(max_delay):
            return asyncio.ensure_future(asyncio.sleep(0, max_delay + 0.75))

        def coroutine(max_delay):
            return asyncio.sleep(0, max_delay + 0.25)

        self.assertEqual(perform(function, (1, task, (0,))),
                         [("returned", (1, True)), ("ended", (1, (0.75,)))])
        self.assertEqual(perform(coroutine, (2, task, (0,))),
                         [("returned", (2, False)), ("ended", (2, (0.25,)))])

    def test_an_exception_is_the_calls_verdict(self):
        task = task_where(True, "values")

        async def function(n, max_delay):
            raise ValueError("n must be positive")

        self.assertEqual(perform(function, (4, task, (2, 1))),
                         [("raised", (4, "ValueError: n must be positive"))])


class ValuesTest(unittest.TestCase):
    """Values as the hook reads them: by their base type, whatever a subclass says."""

    def test_numbers(self):
        class Lying(float):
            def __float__(self):
                return 9.0

        self.assertEqual(NUMBER(Lying(0.5)), 0.5)
        self.assertEqual(NUMBER(3), 3.0)
        self.assertTrue(math.isnan(NUMBER("0.5")))
        self.assertTrue(math.isnan(NUMBER(None)))

    def test_lists(self):
        class Hiding(list):
            def __iter__(self):
                return iter([])

        self.assertEqual(VALUES(Hiding([0.1, 0.2])), (0.1, 0.2))
        self.assertEqual(VALUES((0.3, 1)), (0.3, 1.0))
        # Another iterable is not read inside the hook (perform makes it a list first).
        self.assertIsNone(VALUES(value for value in (0.4,)))

    def test_a_generator_is_read_as_a_list(self):
        task = task_where(True, "values")

        async def function(n, max_delay):
            return (0.1 * index for index in range(n))

        self.assertEqual(perform(function, (1, task, (2, 1))), [("ended", (1, (0.0, 0.1)))])


class ReferenceTest(unittest.TestCase):
    """The reference modules stand for the student's files, from the exercise's description."""

    def test_each_module_holds_its_function_and_the_one_it_builds_on(self):
        self.assertEqual(len(reference.MODULE_OBJECTS), len(facts.TASKS))
        for index, task in enumerate(facts.TASKS):
            module = reference.MODULE_OBJECTS[index]
            self.assertEqual(module.__name__, task["module"])
            function = getattr(module, task["function"])
            self.assertEqual(function.__module__, task["module"])
            self.assertIs(reference.module_of(task["function"]), module)
            if task.get("built_on") is not None:
                built_on = facts.TASKS[task["built_on"]]["function"]
                self.assertIs(getattr(module, built_on), getattr(reference, built_on))


class ProbeTest(unittest.TestCase):
    """The probe imports each file alone and says what its function is."""

    def probe(self, sources):
        EVENTS.clear()
        sys.path.insert(0, sources)
        try:
            probe.probe(sources)
        finally:
            sys.path.remove(sources)
            for name in facts.MODULES:
                sys.modules.pop(name, None)
        return [args for event, args in EVENTS if event == "probe"]

    def test_a_correct_submission(self):
        found = self.probe(os.path.abspath(os.path.join(SAMPLES, "correct-as-completed")))
        statuses = {task: status for task, status, _ in found if status != "default"}
        self.assertEqual(statuses, {index: "ok" for index in range(len(facts.TASKS))})
        defaults = [payload for _, status, payload in found if status == "default"]
        self.assertEqual(defaults, ["10"])

    def test_a_missing_file_and_one_that_raises(self):
        folder = tempfile.mkdtemp()
        try:
            correct = os.path.join(SAMPLES, "correct-as-completed")
            for task in facts.TASKS[1:]:
                shutil.copy(os.path.join(correct, task["module"] + ".py"), folder)
            broken = os.path.join(folder, facts.TASKS[-1]["module"] + ".py")
            with open(broken, "a", encoding="utf-8") as file:
                file.write("\nraise RuntimeError('left in')\n")
            found = {task: (status, payload) for task, status, payload in self.probe(folder)}
            self.assertEqual(found[0], ("missing-file", ""))
            status, payload = found[len(facts.TASKS) - 1]
            self.assertEqual(status, "error")
            self.assertEqual(json.loads(payload)["message"], "RuntimeError: left in")
            self.assertEqual(found[1][0], "ok")
        finally:
            shutil.rmtree(folder)


class ServerChannelTest(unittest.TestCase):
    """A served job's report channel (asynccheck_server.make_channel)."""

    def test_a_jobs_channel_cannot_be_read_back(self):
        import asynccheck_server as server  # pylint: disable=import-outside-toplevel
        reading, writing = server.make_channel()
        try:
            os.write(writing, b"record\n")
            # A pipe's end opens again for reading through /proc; a socket's does not.
            with self.assertRaises(OSError):
                os.close(os.open("/proc/self/fd/%d" % writing, os.O_RDONLY))
            self.assertEqual(os.read(writing, 100), b"")  # its own end reads nothing
            self.assertEqual(os.read(reading, 100), b"record\n")
        finally:
            os.close(reading)
            os.close(writing)


class ChannelGuardTest(unittest.TestCase):
    """The filter each run installs before any student code runs (the checker's
    SeccompFilter.channelGuard): descriptor 3 stays the report channel."""

    @staticmethod
    def ending(action):
        """How a forked process ends that holds a descriptor 3, installs the guard and then runs
        `action`: its exit status (3: ctypes left in sys.modules), or minus its signal."""
        pid = os.fork()
        if pid == 0:
            try:
                os.dup2(os.open(os.devnull, os.O_WRONLY), 3)
                if not channel.guard_channel(facts.CHANNEL_GUARD):
                    os._exit(2)
                leftover = {"ctypes", "_ctypes"} & set(sys.modules)
                action()
                os._exit(3 if leftover else 0)
            except BaseException:  # pylint: disable=broad-except
                os._exit(1)
        _, status = os.waitpid(pid, 0)
        return -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)

    def test_other_descriptors_are_free(self):
        self.assertTrue(facts.CHANNEL_GUARD, "the checker wrote no filter")
        self.assertEqual(self.ending(lambda: os.close(os.open(os.devnull, os.O_RDONLY))), 0)
        self.assertEqual(self.ending(lambda: os.dup2(0, 7)), 0)
        self.assertEqual(self.ending(lambda: os.closerange(4, 64)), 0)
        self.assertEqual(self.ending(lambda: os.dup(3)), 0)

    def test_the_channel_cannot_be_replaced(self):
        stopped = -signal.SIGSYS
        self.assertEqual(self.ending(lambda: os.dup2(0, 3)), stopped)
        self.assertEqual(self.ending(lambda: os.dup2(0, 3, inheritable=False)), stopped)

    def test_the_channel_cannot_be_closed(self):
        def close_then_check():
            with self.assertRaises(PermissionError):
                os.close(3)
            os.closerange(0, 64)  # goes on past descriptors it cannot close
            os.fstat(3)  # still open
            if os.pipe()[0] == 3:
                os._exit(4)
        self.assertEqual(self.ending(close_then_check), 0)


if __name__ == "__main__":
    unittest.main()
