"""The "customer selection for a new express branch" assignment (快递客户的选择).

A new city branch's market manager scores a list of prospects by weighted criteria
(加权评分法), sorts them into the rank pyramid (关键 / 主要 / 大众) with a credit veto
(不开发), charts the scores and plans the development.  Steps 2–5 are checked
automatically by :mod:`logicrm_edu.checks.customer_selection`; the notebook's locked
teacher-settings cell creates the task::

    task = CustomerSelection(data_file="prospects.xlsx", dataset="default",
                             weights={"月均件量": 40, ...}, lower_better=("距离",), ...)

``dataset="default"``: the class dataset (:func:`~logicrm_edu.prospects.load_prospects`),
the same for everyone; ``"per-student"``: each student's own list from the course seed.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..checks import Verdict
from ..checks.customer_selection import (SelectionRule, check_audit, check_chart, check_classes,
                                         check_scores)
from ..i18n import resolve, t
from ..prospects import (CREDIT, CREDIT_POINTS, DEFAULT_PROSPECTS, load_prospects,
                         read_prospects, student_prospects, vary_prospects)
from .task import Task

PER_STUDENT, DEFAULT = "per-student", "default"


class CustomerSelection(Task):
    """One student's customer-selection task: the rule, the data file and the trusted data."""

    steps = ("step2", "step3", "step4", "step5")
    follows = {"step4": ("scored",), "step5": ("scored", "selected")}

    def __init__(self, *, data_file: str = "prospects.xlsx", dataset: str = DEFAULT,
                 weights: dict | None = None, lower_better=None, credit_points: dict | None = None,
                 classes: dict | None = None, exclude=None, chart: dict | None = None):
        """``classes``: ``cuts``, ``labels``, ``rounding``, ``ties`` of the pyramid;
        ``exclude``: the credit ratings never developed; ``chart``: the points of the
        chart's parts (``bars``, ``line``, ``classes``, ``labels``)."""
        if dataset not in (DEFAULT, PER_STUDENT):
            raise ValueError(f"dataset={dataset!r}: use {DEFAULT!r} or {PER_STUDENT!r}")
        options = dict(classes or {})
        rule = {k: v for k, v in dict(weights=weights, lower_better=lower_better,
                                      exclude=exclude).items() if v is not None}
        rule["points"] = {CREDIT: dict(credit_points or CREDIT_POINTS)}
        self.rule = SelectionRule(**rule, **options)
        self.data_file = Path(data_file)
        self.dataset = dataset
        self.per_student = dataset == PER_STUDENT
        self.chart = dict(chart) if chart else None

    def judge(self, step: str, answers: tuple, data: pd.DataFrame,
              earlier: dict | None = None) -> Verdict:
        earlier = earlier or {}
        if step == "step2":
            return check_audit(*(tuple(answers) + (None,) * 3)[:3], data, self.rule)
        answer = answers[0] if answers else None
        if step == "step3":
            return check_scores(answer, data, self.rule)
        if step == "step4":
            return check_classes(answer, data, self.rule, own_scored=earlier.get("scored"))
        if step == "step5":
            return check_chart(answer, data, self.rule, self.chart,
                               own_scored=earlier.get("scored"),
                               own_selected=earlier.get("selected"))
        return Verdict(str(step), False, "checks.unknown_step",
                       {"step": str(step), "steps": list(self.steps)})

    def read_file(self, path: Path) -> pd.DataFrame:
        """The prospect file at ``path``."""
        return read_prospects(path)

    def teacher_data(self, student: str | None, course: dict) -> pd.DataFrame:
        if self.per_student:
            return student_prospects(str(course["seed"]), student,
                                     int(course.get("prospects", DEFAULT_PROSPECTS)))
        return load_prospects()

    def variant_data(self, handed: pd.DataFrame, student: str, course: dict) -> pd.DataFrame:
        """The same prospects with new figures (see :func:`~logicrm_edu.prospects.vary_prospects`)."""
        return vary_prospects(handed, f"{course.get('seed', '')}:{student}")

    def describe_rule(self, lang: str | None = None) -> None:
        """Print the scoring and class rule in force, in the student's language."""
        r, lang = self.rule, resolve(lang)
        sep = "、" if lang == "zh" else ", "
        print(t("selection.task.rule", lang,
                weights=sep.join(f"{c} {w}%" for c, w in
                                 ((c, f"{float(w * 100):g}") for c, w in r.fractions.items())),
                lower=sep.join(r.lower_better) or "—", key_share=r.cuts[0], top=r.cuts[1],
                key_label=r.labels[0], major_label=r.labels[1], mass_label=r.labels[2],
                exclude=sep.join(r.exclude), excluded=r.labels[3],
                rounding=t(f"selection.rule.rounding.{r.rounding}", lang),
                ties=t(f"selection.rule.ties.{r.ties}", lang)))
