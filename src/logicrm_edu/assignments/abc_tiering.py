"""The "ABC customer tiering" assignment (长海物流): steps 2–5 checked automatically.

The notebook's locked teacher-settings cell creates the task::

    task = AbcTiering(data_file="customers.xlsx", scheme=dict(cuts=(80, 95), ...))

and its cells call one line each:

- ``task.check("step3", table)``: the student's self-check, shown as ✅ or ❌ + hint;
- ``task.grade("step3", "table")``: a visible test cell; fails with the same hint;
- ``task.grade_against_teacher_data("step3", "table")``: a hidden test cell; the
  same check against the data the grader trusts (the packaged dataset, or the
  student's own generated dataset) rather than the file in the student's
  folder, so an edited data file or answers copied from a classmate fail.

All judging lives in :mod:`logicrm_edu.checks`; this module only wires the
steps to it.  Test cells name their answers as strings: the answers are looked
up here, so a missing variable fails through the same one-line message as a
wrong answer (a NameError traceback would quote the hidden test's source in
the feedback).
"""
from __future__ import annotations

import inspect
from pathlib import Path

import pandas as pd

from ..checks import Scheme, Verdict, assert_passed, self_check
from ..checks.verdict import render
from ..customer_files import read_customers
from ..datasets import load_dataset
from ..student_data import grading_student_data
from ..i18n import resolve, t

VALUE, KEY = "营业收入", "客户"
# Students may let matplotlib autoscale the percentage axis; the curve still reads correctly.
CHECK_OPTIONS = {"percent_axis_from_zero": False}


class AbcTiering:
    """One student's ABC tiering task: the scheme, the data file and the trusted data."""

    def __init__(self, *, data_file: str = "customers.xlsx", scheme: dict | None = None,
                 dataset: str = "changhai"):
        """``dataset``: a packaged dataset name (``"changhai"``, the textbook data every
        student shares) or ``"per-student"`` (each student's own generated data,
        regenerated from the course seed when the notebook is autograded)."""
        self.data_file = Path(data_file)
        self.scheme = Scheme(**(scheme or {}))
        self.dataset = dataset
        self._file_data: pd.DataFrame | None = None
        self._teacher_data: pd.DataFrame | None = None

    def file_data(self) -> pd.DataFrame:
        """The customer file in the student's folder, read once (not the student's ``df``)."""
        if self._file_data is None:
            self._file_data = read_customers(self.data_file)
        return self._file_data

    def teacher_data(self) -> pd.DataFrame:
        """The data the grader trusts for this assignment."""
        if self._teacher_data is None:
            self._teacher_data = (grading_student_data() if self.dataset == "per-student"
                                  else load_dataset(self.dataset))
        return self._teacher_data

    def judge(self, step: str, *answer, data: pd.DataFrame | None = None) -> Verdict:
        """The verdict for ``step`` (step 2 takes three answers, the others one)."""
        return self_check(step, answer if len(answer) > 1 else answer[0],
                          data=self.file_data() if data is None else data, scheme=self.scheme,
                          value=VALUE, key=KEY, show=False, **CHECK_OPTIONS)

    def check(self, step: str, *answer) -> Verdict:
        """Self-check: the verdict, displayed by Jupyter (never raises for wrong answers)."""
        return self.judge(step, *answer)

    def grade(self, step: str, *names: str) -> None:
        """Visible test: fail with the hint unless the answers named are right."""
        assert_passed(self._judge_names(step, names, _caller_globals()))

    def require(self, step: str, *names: str) -> None:
        """Fail unless the answers named exist (the visible line of a hidden test cell)."""
        assert_passed(self._judge_names(step, names, _caller_globals(), check=False))

    def grade_against_teacher_data(self, step: str, *names: str) -> None:
        """Hidden test: the same check against the trusted data."""
        assert_passed(self._judge_names(step, names, _caller_globals(), self.teacher_data()))

    def _judge_names(self, step, names, namespace, data=None, check=True) -> Verdict:
        missing = [n for n in names if n not in namespace]
        if missing:
            return Verdict(step, False, "task.undefined", {"name": missing[0]})
        if not check:
            return Verdict(step, True)
        return self.judge(step, *(namespace[n] for n in names), data=data)

    def describe_scheme(self, lang: str | None = None) -> None:
        """Print the tiering scheme in force, in the student's language."""
        s, lang = self.scheme, resolve(lang)
        print(t("task.scheme", lang, scheme=render(s.describe(), lang),
                labels="/".join(map(str, s.tier_labels)),
                boundary=t(f"checks.rule.boundary.{s.boundary}", lang),
                ties=t(f"checks.rule.ties.{s.ties}", lang)))


def _caller_globals() -> dict:
    """The namespace of the notebook cell that called a grade method."""
    return inspect.currentframe().f_back.f_back.f_globals
