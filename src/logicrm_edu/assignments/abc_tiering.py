"""The "ABC customer tiering" assignment (长海物流): steps 2–5 checked automatically.

The notebook's locked teacher-settings cell creates the task::

    task = AbcTiering(data_file="customers.xlsx", scheme=dict(cuts=(80, 95), ...))

and its cells call one line each (see :class:`~.task.Task`).  All judging lives
in :mod:`logicrm_edu.checks`; this module wires the steps to it and says what
data each student is handed: the textbook data (``dataset="changhai"``, the
same for everyone) or each student's own customers drawn from the course seed
(``dataset="per-student"``).
"""
from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from ..checks import Scheme, Verdict, self_check
from ..checks.verdict import render
from ..customer_files import read_customers
from ..datasets import DATASETS, load_dataset
from ..i18n import resolve, t
from ..student_data import DEFAULT_CUSTOMERS, student_customers
from .task import Task

VALUE, KEY = "营业收入", "客户"
PER_STUDENT = "per-student"
# Students may let matplotlib autoscale the percentage axis; the curve still reads correctly.
CHECK_OPTIONS = {"percent_axis_from_zero": False}


class AbcTiering(Task):
    """One student's ABC tiering task: the scheme, the data file and the trusted data."""

    steps = ("step2", "step3", "step4", "step5")

    def __init__(self, *, data_file: str = "customers.xlsx", scheme: dict | None = None,
                 dataset: str = "changhai"):
        """``dataset``: a packaged dataset name (``"changhai"``, the textbook data every
        student shares) or ``"per-student"`` (each student's own generated data)."""
        if dataset != PER_STUDENT and dataset not in DATASETS:
            raise ValueError(f"dataset={dataset!r}: use {PER_STUDENT!r} or one of "
                             f"{sorted(DATASETS)}")
        self.data_file = Path(data_file)
        self.scheme = Scheme(**(scheme or {}))
        self.dataset = dataset
        self.per_student = dataset == PER_STUDENT
        self._data: dict[Path, pd.DataFrame] = {}

    def judge(self, step: str, answers: tuple, data: pd.DataFrame) -> Verdict:
        """The verdict for ``step`` (step 2 takes three answers, the others one)."""
        answer = answers if len(answers) > 1 else (answers[0] if answers else None)
        return self_check(step, answer, data=data, scheme=self.scheme, value=VALUE, key=KEY,
                          show=False, **CHECK_OPTIONS)

    def read_data(self, path: Path) -> pd.DataFrame:
        """The customer file at ``path``, read once."""
        path = Path(path)
        if path not in self._data:
            self._data[path] = read_customers(path)
        return self._data[path]

    def teacher_data(self, student: str | None, course: dict) -> pd.DataFrame:
        if self.per_student:
            return student_customers(str(course["seed"]), student,
                                     int(course.get("customers", DEFAULT_CUSTOMERS)))
        return load_dataset(self.dataset)

    def student_files(self, student: str, course: dict) -> dict[str, bytes]:
        if not self.per_student:
            return {}
        data, out = self.teacher_data(student, course), io.BytesIO()
        if self.data_file.suffix.lower() == ".csv":
            out.write(data.to_csv(index=False).encode("utf-8-sig"))
        else:
            data.to_excel(out, index=False)
        return {self.data_file.as_posix(): out.getvalue()}

    def describe_scheme(self, lang: str | None = None) -> None:
        """Print the tiering scheme in force, in the student's language."""
        s, lang = self.scheme, resolve(lang)
        print(t("task.scheme", lang, scheme=render(s.describe(), lang),
                labels="/".join(map(str, s.tier_labels)),
                boundary=t(f"checks.rule.boundary.{s.boundary}", lang),
                ties=t(f"checks.rule.ties.{s.ties}", lang)))
