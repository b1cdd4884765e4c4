"""What students call in the notebook: ``check("step3", table)`` → an instant Verdict.

The notebook layer sets the trusted data and the scheme once, in a hidden or
read-only config cell::

    from logicrm_edu.checks import configure, self_check as check, Scheme
    configure(data=load_dataset("changhai"), scheme=Scheme(cuts=(80, 95)))

and students call ``check("step2", (n, total, missing))``, ``check("step3", table)``,
``check("step4", tiered)``, ``check("step5", ax)``.  This module keeps those
defaults (the one deliberate piece of state of the checks, like the font set-up).
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from ..datasets import load_dataset
from ..grading.answers import roundtrip
from .audit import check_audit
from .reference import trusted_table
from .plots import check_chart
from .tables import check_share_table
from .tiers import as_scheme, check_tiers
from .verdict import Verdict

STEPS = {
    "step2": "step2", "2": "step2", "audit": "step2",
    "step3": "step3", "3": "step3", "shares": "step3", "share_table": "step3",
    "step4": "step4", "4": "step4", "tiers": "step4",
    "step5": "step5", "5": "step5", "chart": "step5",
}
_DEFAULTS: dict[str, Any] = {}


def configure(*, data: pd.DataFrame | None = None, scheme=None, value: str | None = None,
              key: str | None = None, audit_data: pd.DataFrame | None = None,
              **check_options) -> None:
    """Set the trusted data, scheme and column names :func:`self_check` uses by default.

    ``data`` is copied, so a student editing their own DataFrame afterwards does
    not change what is checked.  ``audit_data``: the raw data step 2 audits, when
    it differs from the cleaned ``data`` of steps 3–5 (e.g. it has blanks).
    ``check_options`` go to the step checks: ``require=("share",
    "cumulative_share")`` (step 3), ``require_bars=True``,
    ``percent_axis_from_zero=False``, ``classes=False`` (step 5: do not ask
    for class codes on the chart), ``weights={"bars": 1, ...}`` (step 5: the
    points of the chart's parts), ``student_table=`` / ``share_table=`` (step 5:
    the student's own tiered table, or their share table when that cannot be read,
    for follow-through), ``student_total=`` (steps 3–5: the student's own step-2
    total, for follow-through).  Call with no arguments to reset.
    """
    if all(x is None for x in (data, scheme, value, key, audit_data)) and not check_options:
        _DEFAULTS.clear()
        return
    for name, table in (("data", data), ("audit_data", audit_data)):
        if table is not None:
            _DEFAULTS[name] = trusted_table(table).copy(deep=True)
    if scheme is not None:
        _DEFAULTS["scheme"] = as_scheme(scheme)
    if value is not None:
        _DEFAULTS["value"] = value
    if key is not None:
        _DEFAULTS["key"] = key
    _DEFAULTS.setdefault("options", {}).update(check_options)


def configured() -> dict[str, Any]:
    """The current defaults (a copy), e.g. for the grading kit to reuse in hidden tests."""
    return dict(_DEFAULTS)


def self_check(step, answer, data: pd.DataFrame | None = None, scheme=None, *,
               value: str | None = None, key: str | None = None, show: bool | None = None,
               **check_options) -> Verdict:
    """Check one step of the task and return the :class:`Verdict` (shown by Jupyter).

    ``step``: "step2" … "step5" (or 2 … 5, "audit", "shares", "tiers", "chart").
    ``answer``: step 2 a tuple ``(n_customers, total, n_missing)`` or a dict with
    those keys; step 3 / 4 the table; step 5 the Axes or Figure.
    The answer is first read the way the grader reads it from the student's kernel
    (:func:`~logicrm_edu.grading.answers.roundtrip`), so both judge the same data.
    ``data`` / ``scheme`` / ``value`` / ``key`` default to :func:`configure`'s, then
    to the textbook dataset and ``Scheme()``.  ``show``: print the verdict as
    well (default: only outside IPython, where nothing would display it).
    """
    name = STEPS.get(str(step).strip().lower().replace(" ", ""))
    if name is None:
        verdict = Verdict(str(step), False, "checks.unknown_step",
                          {"step": str(step), "steps": ["step2", "step3", "step4", "step5"]})
    else:
        verdict = _run(name, roundtrip(answer), data, scheme, value, key, check_options)
    if show or (show is None and not _in_ipython()):
        print(verdict)
    return verdict


def _run(step: str, answer, data, scheme, value, key, options) -> Verdict:
    if data is None and step == "step2":
        data = _DEFAULTS.get("audit_data")
    if data is None:
        data = _DEFAULTS.get("data")
        if data is None:
            data = load_dataset("changhai")
    scheme = as_scheme(scheme if scheme is not None else _DEFAULTS.get("scheme"))
    columns = {"value": value or _DEFAULTS.get("value") or "营业收入"}
    options = {**_DEFAULTS.get("options", {}), **options}
    if step == "step2":
        return check_audit(*_audit_answers(answer), data, value=columns["value"])
    columns["key"] = key or _DEFAULTS.get("key") or "客户"
    if step == "step3":
        return check_share_table(answer, data, **columns,
                                 **_only(options, "require", "student_total"))
    if step == "step4":
        return check_tiers(answer, data, scheme, **columns, **_only(options, "student_total"))
    chart_scheme = scheme if options.get("classes", True) else None
    return check_chart(answer, data, chart_scheme, **columns,
                       **_only(options, "require_bars", "percent_axis_from_zero", "weights",
                               "student_table", "share_table", "student_total"))


_AUDIT_KEYS = (("n_customers", "客户数"), ("total", "合计"), ("n_missing", "缺失"))


def _audit_answers(answer) -> tuple:
    """Step 2's three answers from a tuple/list or a dict (English or Chinese keys)."""
    if isinstance(answer, dict):
        return tuple(answer.get(en, answer.get(zh)) for en, zh in _AUDIT_KEYS)
    items = list(answer) if isinstance(answer, (list, tuple)) else [answer]
    return tuple((items + [None, None, None])[:3])


def _only(options: dict, *names) -> dict:
    return {k: v for k, v in options.items() if k in names}


def _in_ipython() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    return get_ipython() is not None
