"""What an nbgrader test cell asks for, read from its (trusted) source without running it.

A test cell of our assignments is a list of one-line calls on the task::

    task.require("step3", "table")
    ### BEGIN HIDDEN TESTS
    task.grade_against_teacher_data("step3", "table")
    ### END HIDDEN TESTS

In a student's own kernel these lines run as written (the student's feedback).
When grading, the grader reads them as :class:`Directive` objects and carries
them out itself on the answers the sandboxed kernel hands over, so nothing in
the student's kernel decides whether a test passes.  A test cell holding
anything else cannot be judged outside the kernel: :class:`UnjudgeableCell`.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass

METHODS = ("grade", "require", "grade_against_teacher_data")
"""what a test cell may call on ``task``: the check on the handed data, the check
that the answers exist, the check on the teacher's data"""


@dataclass(frozen=True)
class Directive:
    """One ``task.<method>("<step>", "<name>", ...)`` line of a test cell."""

    method: str
    """one of :data:`METHODS`"""
    step: str
    """the step checked, e.g. ``"step3"``"""
    names: tuple[str, ...]
    """the notebook variables holding the step's answers"""


class UnjudgeableCell(ValueError):
    """A test cell with code other than task directives (the message quotes the line)."""


def read_directives(source: str) -> list[Directive]:
    """The directives of a test cell's source, in order."""
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        raise UnjudgeableCell(f"line {error.lineno}: {error.msg}") from None
    found = [_directive(statement, source) for statement in tree.body]
    if not found:
        raise UnjudgeableCell("no task.grade(...) line")
    return found


def is_self_check(source: str) -> bool:
    """A cell holding only ``task.check(...)`` lines: the student's self-check, which
    grading does not run (the test cells below it show the grade's own verdict)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return False
    return bool(tree.body) and all(
        isinstance(s, ast.Expr) and isinstance(s.value, ast.Call)
        and isinstance(s.value.func, ast.Attribute) and s.value.func.attr == "check"
        and isinstance(s.value.func.value, ast.Name) and s.value.func.value.id == "task"
        for s in tree.body)


def answer_names(directives: list[Directive]) -> list[str]:
    """Every variable the directives name, once each, in order."""
    return list(dict.fromkeys(name for d in directives for name in d.names))


def _directive(statement: ast.stmt, source: str) -> Directive:
    call = statement.value if isinstance(statement, ast.Expr) else None
    if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
            and isinstance(call.func.value, ast.Name) and call.func.value.id == "task"
            and call.func.attr in METHODS and not call.keywords and len(call.args) >= 2
            and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in call.args)):
        step, *names = (a.value for a in call.args)
        return Directive(call.func.attr, step, tuple(names))
    raise UnjudgeableCell(ast.get_source_segment(source, statement) or ast.dump(statement))
