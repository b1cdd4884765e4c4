"""The "keep the old customers" assignment (巩固老客户): steps 1–5 checked automatically.

The notebook's locked teacher-settings cell creates the task::

    task = CustomerRetention(data_file="orders.xlsx", dataset="class",
                             pyramid=dict(cuts=(1, 5, 20), by="rank", rank_by="毛利"),
                             lifecycle=dict(as_of="2025-12-31", window_days=90, drop=0.5,
                                            idle_days=120))

The student is handed one table of order records (one row per order) and builds from
it the customer database (step 1), the ratios (2), the VIP pyramid (3), the lifecycle
signals (4) and the complaint analysis (5); step 6, the retention plan, is marked by
the teacher.  Judging lives in :mod:`logicrm_edu.checks.customer_retention`.
"""
from __future__ import annotations

import io
import random
from pathlib import Path

import pandas as pd

from ..checks import Verdict
from ..checks.customer_retention import (Pyramid, Reference, check_complaints, check_database,
                                         check_lifecycle, check_pyramid, check_ratios)
from ..checks.verdict import render
from ..customer_database import COMPLAINT, COST, DATE, KEY, REVENUE
from ..i18n import resolve, t
from ..lifecycle import DEFAULTS
from ..retention_data import AS_OF, default_orders, read_orders, retention_orders
from .task import Task

PER_STUDENT, CLASS = "per-student", "class"


class CustomerRetention(Task):
    """One student's retention task: the settings, the order file and the trusted orders."""

    steps = ("step1", "step2", "step3", "step4", "step5")
    follows = {"step2": ("database",), "step3": ("database", "ratios"), "step5": ("pyramid",)}

    def __init__(self, *, data_file: str = "orders.xlsx", dataset: str = CLASS,
                 pyramid: dict | None = None, lifecycle: dict | None = None,
                 chart: dict | None = None):
        """``dataset``: ``"class"`` (the packaged orders, the same for everyone) or
        ``"per-student"``.  ``pyramid``: :class:`~logicrm_edu.checks.customer_retention.
        Pyramid`'s fields.  ``lifecycle``: ``as_of``, ``window_days``, ``drop``,
        ``idle_days``.  ``chart``: the points of step 5's parts (``bars``, ``line``, ``vip``)."""
        if dataset not in (CLASS, PER_STUDENT):
            raise ValueError(f"dataset={dataset!r}: use {CLASS!r} or {PER_STUDENT!r}")
        self.data_file = Path(data_file)
        self.dataset = dataset
        self.per_student = dataset == PER_STUDENT
        self.pyramid = Pyramid.of(pyramid)
        self.lifecycle = {"as_of": AS_OF, **DEFAULTS, **(lifecycle or {})}
        self.chart = dict(chart) if chart else None
        self._references: dict[int, tuple[pd.DataFrame, Reference]] = {}

    def judge(self, step: str, answers: tuple, data: pd.DataFrame,
              earlier: dict | None = None) -> Verdict:
        """The verdict for ``step``; steps 2, 3 and 5 also read the student's ``earlier``
        answers (follow-through)."""
        earlier = earlier or {}
        first, second = (tuple(answers) + (None, None))[:2]
        reference = self.reference(data)
        if step == "step1":
            return check_database(first, reference)
        if step == "step2":
            return check_ratios(first, second, reference, earlier.get("database"))
        if step == "step3":
            return check_pyramid(first, second, reference, self.pyramid,
                                 earlier.get("database"), earlier.get("ratios"))
        if step == "step4":
            return check_lifecycle(first, reference, self.lifecycle)
        if step == "step5":
            return check_complaints(first, second, reference, self.pyramid, self.chart,
                                    earlier.get("pyramid"))
        return Verdict(step, False, "checks.unknown_step", {"step": step,
                                                             "steps": list(self.steps)})

    def reference(self, data: pd.DataFrame) -> Reference:
        """The right answers for ``data``, worked out once per table."""
        kept = self._references.get(id(data))
        if kept is None or kept[0] is not data:
            kept = (data, Reference.of(data))
            self._references[id(data)] = kept
        return kept[1]

    def read_file(self, path: Path) -> pd.DataFrame:
        """The order file at ``path``."""
        return read_orders(path)

    def teacher_data(self, student: str | None, course: dict) -> pd.DataFrame:
        if self.per_student:
            return retention_orders(str(course["seed"]), str(student),
                                    as_of=self.lifecycle["as_of"], lifecycle=self.lifecycle)
        return default_orders()

    def variant_data(self, handed: pd.DataFrame, student: str, course: dict) -> pd.DataFrame:
        """``handed`` with each customer's amounts scaled (whole yuan stay whole), their
        dates moved a few days earlier and the complaint causes drawn again: the same
        customers, columns and causes, other totals, tiers, flags and counts."""
        rng = random.Random(f"retention-variant:{course.get('seed', '')}:{student}")
        data = handed.copy()
        customers = list(dict.fromkeys(data[KEY].tolist()))
        scale = {c: rng.choice((0.5, 0.7, 0.8, 1.25, 1.5, 2.0)) for c in customers}
        shift = {c: rng.randrange(0, 21) for c in customers}
        factor = data[KEY].map(scale).to_numpy()
        for column in (REVENUE, COST):
            data[column] = (pd.to_numeric(data[column]).to_numpy() * factor).round()
        data[DATE] = pd.to_datetime(data[DATE]) - pd.to_timedelta(data[KEY].map(shift), unit="D")
        causes = sorted(set(data[COMPLAINT].dropna()))
        if causes:
            has = data[COMPLAINT].notna()
            data.loc[has, COMPLAINT] = [rng.choice(causes) for _ in range(int(has.sum()))]
        return data

    def data_files(self, data: pd.DataFrame) -> dict[str, bytes]:
        """``data`` as the order file: whole yuan written as whole numbers, dates as days."""
        data = data.copy()
        for column in (REVENUE, COST):
            amounts = pd.to_numeric(data[column])
            if (amounts % 1 == 0).all():
                data[column] = amounts.astype("int64")
        out = io.BytesIO()
        if self.data_file.suffix.lower() == ".csv":
            out.write(data.to_csv(index=False, date_format="%Y-%m-%d").encode("utf-8-sig"))
        else:
            with pd.ExcelWriter(out, engine="openpyxl", date_format="YYYY-MM-DD",
                                datetime_format="YYYY-MM-DD") as writer:
                data.to_excel(writer, index=False, sheet_name="订单")
        return {self.data_file.as_posix(): out.getvalue()}

    def describe_settings(self, lang: str | None = None) -> None:
        """Print the pyramid and lifecycle settings in force, in the student's language."""
        p, lang = self.pyramid, resolve(lang)
        print(t("retention.settings", lang, rank_by=p.rank_by,
                cuts=render(list(p.cuts), lang), by=t(f"retention.by.{p.by}", lang),
                labels=render(list(p.labels), lang), **self.lifecycle))
