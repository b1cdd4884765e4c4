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

import random
from pathlib import Path

import numpy as np
import pandas as pd

from ..checks import Scheme, Verdict, self_check
from ..checks.verdict import render
from ..customer_files import read_customers
from ..datasets import DATASETS, load_dataset, synthetic_customers
from ..exact import scaled_integers
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
    # follow-through: a step is also judged on the student's own earlier answers (the
    # share table on their step-2 total, the chart on their tiered table, or their share
    # table when the tiered one cannot be read)
    follows = {"step3": ("total_revenue",), "step4": ("total_revenue",),
               "step5": ("tiered", "table", "total_revenue")}

    def __init__(self, *, data_file: str = "customers.xlsx", scheme: dict | None = None,
                 dataset: str = "changhai", chart: dict | None = None):
        """``dataset``: a packaged dataset name (``"changhai"``, the textbook data every
        student shares) or ``"per-student"`` (each student's own generated data).
        ``chart``: the points of the chart's parts (``bars``, ``line``, ``classes``,
        ``labels``; the checks' defaults when None)."""
        if dataset != PER_STUDENT and dataset not in DATASETS:
            raise ValueError(f"dataset={dataset!r}: use {PER_STUDENT!r} or one of "
                             f"{sorted(DATASETS)}")
        self.data_file = Path(data_file)
        self.scheme = Scheme(**(scheme or {}))
        self.dataset = dataset
        self.chart = dict(chart) if chart else None
        self.per_student = dataset == PER_STUDENT

    def judge(self, step: str, answers: tuple, data: pd.DataFrame,
              earlier: dict | None = None) -> Verdict:
        """The verdict for ``step`` (step 2 takes three answers, the others one), also
        judged on the student's ``earlier`` answers (:attr:`follows`)."""
        answer = answers if len(answers) > 1 else (answers[0] if answers else None)
        earlier = earlier or {}
        options = dict(CHECK_OPTIONS)
        if step in ("step3", "step4", "step5"):
            options.update(student_total=earlier.get("total_revenue"))
        if step == "step5":
            options.update(weights=self.chart, student_table=earlier.get("tiered"),
                           share_table=earlier.get("table"))
        return self_check(step, answer, data=data, scheme=self.scheme, value=VALUE, key=KEY,
                          show=False, **options)

    def read_file(self, path: Path) -> pd.DataFrame:
        """The customer file at ``path``."""
        return read_customers(path)

    def teacher_data(self, student: str | None, course: dict) -> pd.DataFrame:
        if self.per_student:
            return student_customers(str(course["seed"]), student,
                                     int(course.get("customers", DEFAULT_CUSTOMERS)))
        return load_dataset(self.dataset)

    def variant_data(self, handed: pd.DataFrame, student: str, course: dict) -> pd.DataFrame:
        """``handed`` with new revenue for every customer: the same customers, columns,
        blanks and decimals, so its sums are as exact as the handed data's (whole numbers
        add up to a cumulative share of exactly 100 here too); who earns how much, and
        the total, change."""
        data = handed.copy()
        known = pd.to_numeric(data[VALUE], errors="coerce").notna().to_numpy()
        if not known.any():
            return data
        units, decimals = scaled_integers(pd.to_numeric(data[VALUE][known]).to_numpy(float))
        seed = f"variant:{course.get('seed', '')}:{student}"
        scale = random.Random(seed).choice((0.6, 0.7, 0.8, 1.2, 1.3, 1.4))
        total = max(int(sum(units) * scale), int(known.sum()))
        weights = synthetic_customers(int(known.sum()), seed=seed)["营业收入"].to_numpy(float)
        shares = [max(1, int(w / weights.sum() * total)) for w in weights]
        shares[int(np.argmax(shares))] += total - sum(shares)  # the rounding, to the largest
        if decimals:  # whole numbers stay whole, as in the handed file
            data[VALUE] = data[VALUE].astype(float)
        data.loc[known, VALUE] = np.array(shares) / 10**decimals if decimals else shares
        return data

    def describe_scheme(self, lang: str | None = None) -> None:
        """Print the tiering scheme in force, in the student's language."""
        s, lang = self.scheme, resolve(lang)
        print(t("task.scheme", lang, scheme=render(s.describe(), lang),
                labels="/".join(map(str, s.tier_labels)),
                boundary=t(f"checks.rule.boundary.{s.boundary}", lang),
                ties=t(f"checks.rule.ties.{s.ties}", lang)))
