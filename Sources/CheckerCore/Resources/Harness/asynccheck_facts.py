#!/usr/bin/env python3
"""What the files of a Python submission say, read without running any of them.

Usage (by the checker only, before any student code runs):
  asynccheck_facts.py SOURCES [PYCODESTYLE_FOLDER]

Prints one line per file found, `F<TAB>task<TAB>json` (first line, mode, final newline,
docstrings, annotations and sorting calls read with ast; pycodestyle's messages with its
default options and no configuration file), then `D<TAB>0`. It imports nothing of the
student's: nothing a file does when imported can change what is said of it. Standard library
only (and pycodestyle from PYCODESTYLE_FOLDER when given); Python 3.8 or later.
"""
import ast
import io
import json
import os
import sys

# The exercise's tasks, as the checker's exercise model describes them (`Exercise.tasks`): the
# checker writes asynccheck_exercise.json beside these files, the harnesses' only task table.
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "asynccheck_exercise.json"), encoding="utf-8") as _file:
    _DESCRIPTION = json.load(_file)
TASKS = _DESCRIPTION["tasks"]
# The seccomp filter each run installs on itself before any student code runs (the checker's
# SeccompFilter.channelGuard): its report channel stays descriptor 3.
CHANNEL_GUARD = bytes.fromhex(_DESCRIPTION.get("channel_guard", ""))
MODULES = [task["module"] for task in TASKS]
# What a solution to this exercise imports: anything else is for a person to look at (the
# harness's audit hook uses the same list for imports made at run time).
ALLOWED_IMPORTS = frozenset({
    "__future__", "abc", "asyncio", "bisect", "collections", "concurrent", "contextlib",
    "dataclasses", "decimal", "enum", "fractions", "functools", "heapq", "importlib",
    "itertools", "math", "numbers", "operator", "queue", "random", "statistics", "time",
    "types", "typing", "typing_extensions", "warnings"})


def style_messages(sources, folder):
    """pycodestyle's messages (`file:line:column: CODE text`) for each file, by file name,
    with its default options and no configuration file (neither the user's nor one beside the
    files); None when it is not installed."""
    if not folder:
        return None
    sys.path.append(folder)
    try:
        import pycodestyle  # pylint: disable=import-outside-toplevel
    except ImportError:
        return None
    finally:
        sys.path.remove(folder)
    pycodestyle.USER_CONFIG = None
    paths = [os.path.join(sources, name + ".py") for name in MODULES]
    paths = [path for path in paths if os.path.isfile(path)]
    printed = io.StringIO()
    guide = pycodestyle.StyleGuide(parse_argv=False, config_file=False)
    original = sys.stdout
    sys.stdout = printed
    try:
        guide.check_files(paths)
    finally:
        sys.stdout = original
    messages = {os.path.basename(path): [] for path in paths}
    prefix = sources + os.sep
    for line in printed.getvalue().splitlines():
        if not line.startswith(prefix):
            continue
        rest = line[len(prefix):]
        name = next((file for file in messages if rest.startswith(file + ":")), None)
        if name is not None:
            messages[name].append(rest)
    return messages


def facts(sources, style_folder=None):
    """Prints an F line per file: what its text says, read with ast and pycodestyle. Runs in a
    process of its own that never imports student code, before any of it runs."""
    sources = os.path.abspath(sources)
    style = style_messages(sources, style_folder)
    for task, name in enumerate(MODULES):
        path = os.path.join(sources, name + ".py")
        if os.path.isfile(path):
            print("F\t%d\t%s" % (task, json.dumps(file_facts(
                path, None if style is None else style.get(name + ".py", [])))))
    print("D\t0")
    sys.stdout.flush()


def file_facts(path, style):
    """What a file says: first line, mode, final newline, docstrings, annotations, sorting
    calls, by ast; and what pycodestyle said of it (`style`, None when it is not
    installed)."""
    with open(path, "rb") as handle:
        data = handle.read()
    # The first line as the kernel reads a shebang: up to the first LF, a CR kept (a CRLF
    # file's interpreter is "python3\r", which does not exist).
    first = data.split(b"\n", 1)[0]
    bom = first.startswith(b"\xef\xbb\xbf")
    facts_found = {"first_line": first[3 if bom else 0:].decode("utf-8", "replace"),
                   "byte_order_mark": bom,
                   "ends_with_newline": data.endswith(b"\n"),
                   "executable": os.access(path, os.X_OK)}
    if style is not None:
        facts_found["pycodestyle"] = style
    try:
        tree = ast.parse(data, filename=path)
    except (SyntaxError, ValueError):
        return facts_found
    facts_found["module_docstring"] = ast.get_docstring(tree) or ""
    definitions = module_definitions(tree.body)
    facts_found["functions"] = [{
        "name": node.name,
        "line": node.lineno,
        "docstring": ast.get_docstring(node) or "",
        "unannotated": unannotated(node, is_method),
    } for node, is_method in definitions if not isinstance(node, ast.ClassDef)] + [{
        "name": "class " + node.name,
        "line": node.lineno,
        "docstring": ast.get_docstring(node) or "",
        "unannotated": [],
    } for node, _ in definitions if isinstance(node, ast.ClassDef)]
    facts_found["rebound"] = rebound_functions(tree.body)
    facts_found["unexpected_imports"] = unexpected_imports(tree, os.path.dirname(path))
    facts_found["sorting_lines"] = sorted({
        node.lineno for node in ast.walk(tree)
        if isinstance(node, ast.Call) and (
            (isinstance(node.func, ast.Name) and node.func.id == "sorted") or
            (isinstance(node.func, ast.Attribute) and
             node.func.attr in ("sort", "sorted")))})
    return facts_found


def unexpected_imports(tree, folder):
    """The imports outside ALLOWED_IMPORTS, the project's own files and the folder's modules:
    statements, and __import__ / import_module calls with a literal name."""
    found = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.Call) and node.args and \
                isinstance(node.args[0], ast.Constant) and \
                isinstance(node.args[0].value, str) and (
                    (isinstance(node.func, ast.Name) and node.func.id == "__import__") or
                    (isinstance(node.func, ast.Attribute) and
                     node.func.attr == "import_module")):
            names = [node.args[0].value]
        for name in names:
            top = name.split(".")[0]
            if top not in ALLOWED_IMPORTS and name not in MODULES and \
                    not os.path.isfile(os.path.join(folder, top + ".py")):
                found.append({"line": node.lineno, "module": name})
    return sorted(found, key=lambda item: item["line"])


def module_definitions(body, in_class=False):
    """Every function and class the module defines, wherever its statement is (in an `if`, a
    `try`, a `with`, a loop, a class), but not what functions define inside themselves:
    (node, defined in a class)."""
    found = []
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found.append((node, in_class))
        elif isinstance(node, ast.ClassDef):
            found.append((node, in_class))
            found += module_definitions(node.body, True)
        else:
            for field in ("body", "orelse", "finalbody"):
                found += module_definitions(getattr(node, field, []) or [], in_class)
            for handler in getattr(node, "handlers", []) or []:
                found += module_definitions(handler.body, in_class)
            for case in getattr(node, "cases", []) or []:
                found += module_definitions(case.body, in_class)
    return found


def rebound_functions(body):
    """The module-level functions that a later statement binds again (`wait_n = build()`,
    an import, a class): {name: line of the last binding}. The module then exports something
    else than the def its docstring and annotations are read from."""
    defined, rebound = set(), {}
    for node in body:
        names = []
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            defined.add(node.name)
            rebound.pop(node.name, None)
            continue
        if isinstance(node, ast.ClassDef):
            names = [node.name]
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [target.id for target in targets for target in ast.walk(target)
                     if isinstance(target, ast.Name)]
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [(alias.asname or alias.name).split(".")[0] for alias in node.names]
        else:
            names = [child.id for child in ast.walk(node)
                     if isinstance(child, ast.Name) and isinstance(child.ctx, ast.Store)]
        for name in names:
            if name in defined:
                rebound[name] = node.lineno
    return rebound


def unannotated(node, is_method=False):
    """The parameters of a function without annotations (a method's first, self or cls, aside),
    and 'return' if it has none."""
    arguments = node.args
    positional = getattr(arguments, "posonlyargs", []) + arguments.args
    static = any(isinstance(decorator, ast.Name) and decorator.id == "staticmethod"
                 for decorator in node.decorator_list)
    if is_method and not static:
        positional = positional[1:]
    every = positional + arguments.kwonlyargs + [
        argument for argument in (arguments.vararg, arguments.kwarg) if argument is not None]
    names = [argument.arg for argument in every if argument.annotation is None]
    return names + ([] if node.returns is not None else ["return"])


def main(arguments):
    """Prints the facts of the files in the folder arguments[0]."""
    facts(arguments[0], arguments[1] if len(arguments) > 1 else None)


if __name__ == "__main__":
    main(sys.argv[1:])
