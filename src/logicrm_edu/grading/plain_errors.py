"""Students' errors in the feedback page as one plain sentence, Chinese then English.

A student reads feedback to learn what to do next, and a Python traceback (with
the grader's folders, ``CellTimeoutError`` or ``DeadKernelError``) tells them
nothing.  :class:`PlainErrors` replaces the errors of each code cell the student
ran by one sentence saying which cell, what happened (too slow, too much memory,
the program stopped, not answered yet, a name or column that does not exist, a
syntax error, any other error) and what to do.  A test cell's error already is the check's
hint and stays, unless the cell was stopped (time-out, interrupt, time budget, dead kernel).
The autograded notebook keeps the full error for the teacher.
"""
from __future__ import annotations

import re

from nbformat import NotebookNode
from nbgrader import utils
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Integer

from ..i18n import t
from .outputs import plain_error

QUOTED = re.compile(r"""['"]([^'"]+)['"]""")
LINE = re.compile(r"line (\d+)")
STEP = re.compile(r"step(\d+)")
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
DETAIL_CHARS = 160

# error name → kind of failure; the first kind found in a cell, in this order, is told
KINDS = {
    "CellTimeoutError": "timeout", "KeyboardInterrupt": "timeout",
    "SubmissionTimeout": "out_of_time",
    "MemoryError": "memory",
    "DeadKernelError": "crashed",
    "KernelDiedEarlier": "not_run",
    "SyntaxError": "syntax", "IndentationError": "syntax", "TabError": "syntax",
    "NameError": "name", "UnboundLocalError": "name",
    "ModuleNotFoundError": "module",
    "FileNotFoundError": "file",
    "KeyError": "key",
    "NotImplementedError": "not_done",
}
MACHINERY = {"timeout", "out_of_time", "memory", "crashed", "not_run"}
ORDER = ("timeout", "out_of_time", "memory", "crashed", "not_run", "syntax", "not_done", "name",
         "module", "file", "key", "other")


def cell_name(cell, code_cell_number: int, lang: str) -> str:
    """How the sentence names the cell: a step's answer cell, else its place."""
    grade_id = (cell.metadata.get("nbgrader") or {}).get("grade_id") or ""
    step = STEP.search(grade_id)
    if step and utils.is_solution(cell):
        return t("feedback.cell.answer", lang, step=step.group(1))
    return t("feedback.cell.nth", lang, n=code_cell_number)


def sentence(kind: str, error: NotebookNode, cell: str, lang: str, *, timeout: int,
             submission_timeout: int) -> str:
    evalue = _ANSI.sub("", str(error.get("evalue", "")))
    quoted = QUOTED.search(evalue)
    fields = {"cell": cell}
    if kind == "timeout":
        fields["seconds"] = timeout
    elif kind == "out_of_time":
        fields["seconds"] = submission_timeout
    elif kind in ("name", "module", "key"):
        if quoted is None and kind != "key":
            kind = "other"
        else:
            fields["name"] = f"“{quoted.group(1) if quoted else evalue.strip()}”"
    elif kind == "syntax":
        lines = LINE.findall(_ANSI.sub("", "\n".join(map(str, error.get("traceback") or []))))
        if lines:
            fields["line"] = lines[-1]
        else:
            kind = "other"
    if kind == "other":
        detail = plain_error(error)
        fields["error"] = detail if len(detail) <= DETAIL_CHARS else detail[:DETAIL_CHARS] + "…"
    return t(f"feedback.error.{kind}", lang, **fields)


class PlainErrors(NbGraderPreprocessor):
    """Each student-run cell's errors replaced by one plain sentence (see module docstring)."""

    timeout = Integer(10, help="The per-cell time limit the sentence quotes (s); taken from "
                      "SandboxedExecute.timeout when the course sets it.").tag(config=True)
    submission_timeout = Integer(300, help="The notebook's time budget the sentence quotes "
                                 "(s); taken from SandboxedExecute.submission_timeout.").tag(
        config=True)

    def preprocess(self, nb, resources):
        execute = self.config.get("SandboxedExecute", {})
        self.limits = {"timeout": execute.get("timeout", self.timeout),
                       "submission_timeout": execute.get("submission_timeout",
                                                         self.submission_timeout)}
        self.code_cells = 0
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code":
            return cell, resources
        self.code_cells += 1
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if utils.is_grade(cell) and not utils.is_solution(cell):
            # a test cell's error is the check's hint, unless the machinery stopped it (an
            # interrupt that lands late, the time budget, a dead kernel)
            errors = [e for e in errors if KINDS.get(str(e.get("ename"))) in MACHINERY]
        if not errors:
            return cell, resources
        kind, error = min(((KINDS.get(str(e.get("ename")), "other"), e) for e in errors),
                          key=lambda pair: ORDER.index(pair[0]))
        zh, en = (sentence(kind, error, cell_name(cell, self.code_cells, lang), lang,
                           **self.limits) for lang in ("zh", "en"))
        plain = NotebookNode(output_type="error", ename="", evalue=zh, traceback=[zh, en])
        cell.outputs = [o for o in cell.outputs if o.get("output_type") != "error"] + [plain]
        return cell, resources
