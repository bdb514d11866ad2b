"""The Python harness's probe: each file imported on its own, and what its function is.

Part of the Python harness (see asynccheck_harness.py); imported before any student code runs
and then taken out of sys.modules.
"""
from __future__ import annotations

import importlib
import inspect
import json
import os
import sys
# The built-in functions as they are before any student code runs, bound in this module's
# namespace (which student code cannot reach): a student's file that rebinds `builtins.float`
# or `builtins.isinstance` changes nothing the harness does.
from builtins import (  # pylint: disable=redefined-builtin
    any, callable, enumerate, getattr, isinstance, next, range, repr, str)

from asynccheck_runner import (  # pylint: disable=wrong-import-position
    ARITY, COROUTINES, FUNCTIONS, HAS_DEFAULT, MODULES, PARAMETERS, describe,
    install_references, student_frame)


def probe(sources: str) -> None:
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
        names = tuple(parameter.name for parameter in signature.parameters.values())
        if is_coroutine != COROUTINES[task]:
            sys.audit("asynccheck.probe", task, "wrong", found)
        elif names != PARAMETERS[task]:
            sys.audit("asynccheck.probe", task, "renamed", found)
        else:
            sys.audit("asynccheck.probe", task, "ok", found)
