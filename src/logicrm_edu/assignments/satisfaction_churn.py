"""The "satisfaction and churn" assignment (港航货运: a freight forwarder losing customers):
steps 2–5 checked automatically.

The notebook's locked teacher-settings cell creates the task::

    task = SatisfactionChurn(data_file="freight_customers.xlsx", dataset="freight",
                             weights={"准时": 30, ...}, costs={"acquire": 3.5, "keep": 0.5})

and its cells call one line each (see :class:`~.task.Task`).  The handed data is one
table, one row per customer (:mod:`logicrm_edu.churn_data`): both years' lists, the
churn cause, and the contact person's survey answers.  The judging lives in
:mod:`logicrm_edu.checks.satisfaction_churn`.
"""
from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from ..checks import Verdict
from ..checks.satisfaction_churn import check_causes, check_ipa, check_retention, check_survey
from ..churn_data import (DEFAULT_CUSTOMERS, LAST, SATISFACTION, IMPORTANCE, YES,
                          default_customers, freight_customers, read_freight_customers,
                          student_customers)
from .task import Task

PER_STUDENT = "per-student"
DATASET = "freight"
"""the packaged class dataset (``churn_default.csv``), the same for every student"""
WEIGHTS = {"准时": 30, "货物安全": 25, "服务态度": 20, "价格": 15, "便利": 10}
COSTS = {"acquire": 3.5, "keep": 0.5}
"""万元 per customer: winning a new customer costs 7 times keeping one"""
ANSWERS = {"step2": 2, "step3": 2, "step4": 4, "step5": 3}


class SatisfactionChurn(Task):
    """One student's satisfaction-and-churn task: weights, costs, data file, trusted data."""

    steps = tuple(ANSWERS)
    follows = {"step3": ("survey",), "step5": ("churned",)}

    def __init__(self, *, data_file: str = "freight_customers.xlsx", dataset: str = DATASET,
                 weights: dict | None = None, costs: dict | None = None):
        """``dataset``: ``"freight"`` (the packaged data every student shares) or
        ``"per-student"``.  ``weights``: dimension → weight in % (adding up to 100).
        ``costs``: ``acquire`` and ``keep``, 万元 per customer."""
        if dataset not in (DATASET, PER_STUDENT):
            raise ValueError(f"dataset={dataset!r}: use {DATASET!r} or {PER_STUDENT!r}")
        self.data_file = Path(data_file)
        self.dataset = dataset
        self.per_student = dataset == PER_STUDENT
        self.weights = dict(weights or WEIGHTS)
        if sum(self.weights.values()) != 100:
            raise ValueError(f"weights add up to {sum(self.weights.values())}, not 100")
        self.costs = {**COSTS, **(costs or {})}

    def judge(self, step: str, answers: tuple, data: pd.DataFrame,
              earlier: dict | None = None) -> Verdict:
        """The verdict for ``step`` on its answers, in the order the notebook names them."""
        if step not in ANSWERS:
            return Verdict(step, False, "checks.unknown_step", {"step": step,
                                                                 "steps": list(ANSWERS)})
        answers = (tuple(answers) + (None,) * ANSWERS[step])[:ANSWERS[step]]
        earlier = earlier or {}
        if step == "step2":
            return check_survey(*answers, data, self.weights)
        if step == "step3":
            return check_ipa(*answers, data, own_survey=earlier.get("survey"))
        if step == "step4":
            return check_retention(*answers, data)
        return check_causes(*answers, data, self.costs, own_churned=earlier.get("churned"))

    def read_file(self, path: Path) -> pd.DataFrame:
        """The customer lists at ``path``."""
        return read_freight_customers(path)

    def teacher_data(self, student: str | None, course: dict) -> pd.DataFrame:
        if self.per_student:
            # not the course's "customers" setting: that sizes the ABC task's data
            return student_customers(str(course["seed"]), student, DEFAULT_CUSTOMERS)
        return default_customers()

    def variant_data(self, handed: pd.DataFrame, student: str, course: dict) -> pd.DataFrame:
        """Another company of the same size: new lists, causes and answers, so results
        typed in rather than computed no longer fit."""
        n = max(20, int(handed[LAST].eq(YES).sum()))
        return freight_customers(n, seed=f"variant:{course.get('seed', '')}:{student}")

    def data_files(self, data: pd.DataFrame) -> dict[str, bytes]:
        data = data.copy()
        for column in data.columns:
            if str(column).startswith((SATISFACTION, IMPORTANCE)):
                numbers = pd.to_numeric(data[column])
                if (numbers.dropna() % 1 == 0).all():  # whole answers show as 4, not 4.0
                    data[column] = numbers.astype("Int64")
        out = io.BytesIO()
        if self.data_file.suffix.lower() == ".csv":
            out.write(data.to_csv(index=False).encode("utf-8-sig"))
        else:
            data.to_excel(out, index=False)
        return {self.data_file.as_posix(): out.getvalue()}
