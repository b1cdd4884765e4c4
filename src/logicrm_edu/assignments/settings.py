"""The teacher-settings cell of an assignment notebook, read without running it.

The locked first code cell of every assignment notebook holds the teacher's
choices as plain assignments and creates the task object::

    DATA_FILE = "customers.xlsx"
    DATASET = "changhai"
    SCHEME = dict(cuts=(80, 95), by="cumulative")
    ...
    task = AbcTiering(data_file=DATA_FILE, scheme=SCHEME, dataset=DATASET)

The grader must know these choices without executing anything, so this module
reads the cell's syntax tree: assignments of literals (strings, numbers,
tuples, lists, dicts, ``dict(key=literal)``) are settings, and the one
``task = ClassName(keyword=setting-or-literal, ...)`` line names the task.
Anything else in the cell (imports, calls) is ignored, except that a name
assigned something else later is no longer a setting (the grader could not know
its value).
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field

SETTINGS_CELL = "teacher_settings"


class SettingsError(ValueError):
    """The settings cell cannot be read (the message says what is wrong)."""


@dataclass(frozen=True)
class TeacherSettings:
    """The settings of one notebook and the task they build."""

    values: dict = field(default_factory=dict)
    """``NAME → value`` of every literal assignment"""
    task_class: str | None = None
    """the class of ``task = ClassName(...)`` (None if the cell builds no task)"""
    task_arguments: dict = field(default_factory=dict)
    """the keyword arguments of that call, with setting names replaced by their values"""

    def get(self, name: str, default=None):
        return self.values.get(name, default)


def read_settings(source: str) -> TeacherSettings:
    """The :class:`TeacherSettings` of a settings cell's source code."""
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        raise SettingsError(f"line {error.lineno}: {error.msg}") from None
    values: dict = {}
    task_class, task_arguments = None, {}
    for node in tree.body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)):
            continue
        name = node.targets[0].id
        if name == "task" and isinstance(node.value, ast.Call):
            task_class, task_arguments = _task_call(node.value, values)
            continue
        try:
            values[name] = _literal(node.value)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            values.pop(name, None)  # no longer a known value: the kernel computes it
    return TeacherSettings(values, task_class, task_arguments)


def _literal(node: ast.AST):
    """A literal, or ``dict(key=literal, ...)``; ValueError for anything else."""
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "dict"
            and not node.args and all(k.arg for k in node.keywords)):
        return {k.arg: _literal(k.value) for k in node.keywords}
    return ast.literal_eval(node)


def _task_call(call: ast.Call, values: dict) -> tuple[str, dict]:
    if not isinstance(call.func, ast.Name) or call.args:
        raise SettingsError("task = ClassName(keyword=value, ...) expected")
    arguments = {}
    for keyword in call.keywords:
        if keyword.arg is None:
            raise SettingsError("task = ClassName(**...) is not supported")
        if isinstance(keyword.value, ast.Name):
            if keyword.value.id not in values:
                raise SettingsError(f"{keyword.value.id} is not a setting of this cell")
            arguments[keyword.arg] = values[keyword.value.id]
        else:
            try:
                arguments[keyword.arg] = _literal(keyword.value)
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                raise SettingsError(f"{keyword.arg}= must be a setting or a literal") from None
    return call.func.id, arguments
