"""The words of the class report, in the language asked for: steps, mistakes, classes, rates."""
from __future__ import annotations

import re
import string

from ..i18n import resolve, t
from ..messages import CATALOGUE
from .summary import Cohort, MistakeCount

_NEUTRAL = {"n": "N"}  # fields that read the same in both languages
_ELLIPSIS = "…"


def step_label(step: str, lang: str | None = None) -> str:
    """``"step3"`` → 第 3 步 / step 3; other names as they are."""
    number = re.fullmatch(r"step_?(\d+)", step)
    return t("class_report.step", lang, n=number.group(1)) if number else step


def mistake_title(mistake: str, lang: str | None = None) -> str:
    """The short name of a mistake: ``class_report.title.X`` for ``checks.X``,
    ``class_report.title.task.X`` for ``task.X`` and so on, or an assignment's own
    ``<mistake>.title`` (its messages module names its mistakes); the key itself when the
    catalogue has none (a mistake added after the report was written)."""
    for key in ("class_report.title." + mistake.removeprefix("checks."), f"{mistake}.title"):
        if key in CATALOGUE:
            return t(key, lang)
    return mistake


def mistake_label(count: MistakeCount, lang: str | None = None) -> str:
    """第 3 步：按从低到高排序."""
    return (step_label(count.step, lang) + t("where.colon", lang)
            + mistake_title(count.mistake, lang))


def generic_hint(mistake: str, lang: str | None = None) -> str:
    """How to fix ``mistake`` for the whole class: its hint with every field (one student's
    column, numbers, rules) replaced by a generic word or "…"; "" when it has no hint."""
    key = f"{mistake}.hint"
    if key not in CATALOGUE:
        return ""
    text = []
    for literal, field, _, _ in string.Formatter().parse(CATALOGUE[key][resolve(lang)]):
        text.append(literal)
        if field is not None:
            text.append(_generic_field(field, lang))
    return "".join(text)


def _generic_field(field: str, lang: str | None) -> str:
    key = f"class_report.field.{field}"
    return t(key, lang) if key in CATALOGUE else _NEUTRAL.get(field, _ELLIPSIS)


def class_label(class_name: str, lang: str | None = None) -> str:
    return class_name or t("class_report.no_class", lang)


def group_label(class_name: str, group: str, lang: str | None = None) -> str:
    """物流2301 小组 1, or 物流2301（未分组）for students without a group."""
    if not group:
        return class_label(class_name, lang) + t("class_report.no_group", lang)
    return t("class_report.group", lang, name=class_label(class_name, lang), group=group)


def cohort_label(cohort: Cohort, lang: str | None = None) -> str:
    """全部 for the whole course, else the class's name."""
    return (t("class_report.course", lang) if cohort.class_name is None
            else class_label(cohort.class_name, lang))


def percent(rate: float | None) -> str:
    """40%, or – when there is nothing to count."""
    return "–" if rate is None else f"{rate:.0%}"
