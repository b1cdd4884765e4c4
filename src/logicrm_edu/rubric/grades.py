"""The final course grade per student: nbgrader assignments and the presentation mark.

Each assignment counts as a percentage (score / max score × 100); the
assignments together are their weighted mean (``[grades.assignments]``
weights, else equal weights).  The presentation counts as the individual mark
as a percentage of the group rubric's highest total.  The final grade is
``(assignment_weight × assignments + presentation_weight × presentation) /
(assignment_weight + presentation_weight)``.  Anything missing counts 0, and
the student's ``notes`` say what and why.  A late assignment counts after its
late penalty; a final grade that rests on answers nobody has graded by hand yet
is ``final_state`` provisional.
"""
from __future__ import annotations

import pandas as pd

from ..course.late import duration_text
from ..i18n import t
from .settings import GradeSettings

LEADING = ["id", "name", "class", "group"]
PROVISIONAL = ("rubric.note.needs_manual_grade", "grade_sheets.note.assignment_not_graded")
TRAILING = ["assignments", "group_score", "factor", "presentation", "presentation_pct", "final",
            "final_state", "notes"]


def final_grades(members: pd.DataFrame, scores: pd.DataFrame, settings: GradeSettings, *,
                 presentation_max: float, lang: str | None = None) -> pd.DataFrame:
    """One row per student of ``members`` (from :func:`~.marks.course_marks`).

    ``scores``: from :func:`~.gradebook.assignment_scores`.  Columns: id, name,
    class, group, one column per assignment (percent), ``assignments``,
    ``group_score``, ``factor``, ``presentation`` (the mark), ``presentation_pct``,
    ``final``, ``final_state`` (provisional while an assignment has answers still
    to be graded by hand, else final) and ``notes`` (text in ``lang``).
    """
    names = list(dict.fromkeys(scores["assignment"]))
    weights = assignment_weights(settings, names)
    by_student = {sid: table.set_index("assignment") for sid, table in scores.groupby("student")}
    rows = []
    for member in members.to_dict("records"):
        notes = [t(member["note"], lang)] if member["note"] else []
        row = {column: member[column] for column in LEADING}
        mine = by_student.get(member["id"], pd.DataFrame(columns=["note", "max_score", "score"]))
        for name in names:
            row[name] = _percent(mine.loc[name] if name in mine.index else None, name, notes, lang)
        row["assignments"] = sum(weights[n] * _zero_if_nan(row.get(n)) for n in weights) / \
            (sum(weights.values()) or 1.0)
        mark = _zero_if_nan(member["mark"])
        row.update(group_score=member["group_score"], factor=member["factor"], presentation=mark,
                   presentation_pct=mark / presentation_max * 100)
        row["final"] = (settings.assignment_weight * row["assignments"]
                        + settings.presentation_weight * row["presentation_pct"]) / \
            (settings.assignment_weight + settings.presentation_weight)
        row["notes"] = t("where.sep", lang).join(notes)
        pending = any(mine.loc[name, "note"] in PROVISIONAL for name in names if name in mine.index)
        row["final_state"] = t("grade_sheets.final_state." + ("provisional" if pending else "final"), lang)
        rows.append(row)
    return pd.DataFrame(rows, columns=LEADING + names + TRAILING)


def assignment_weights(settings: GradeSettings, names: list[str]) -> dict[str, float]:
    """Relative weight per assignment: the ``[grades.assignments]`` table, else 1 each."""
    return dict(settings.assignments) if settings.assignments else {name: 1.0 for name in names}


def weight_notes(settings: GradeSettings, names: list[str]) -> list[tuple[str, dict]]:
    """Course-level notes as (catalogue key, fields): weighted assignments the gradebook
    does not have (they count 0 for everyone), and gradebook assignments left out of a
    ``[grades.assignments]`` table (shown in the sheet, not counted)."""
    if not settings.assignments:
        return []
    return [("rubric.note.assignment_not_in_gradebook", {"assignment": name})
            for name in settings.assignments if name not in names] + \
        [("rubric.note.assignment_not_weighted", {"assignment": name})
         for name in names if name not in settings.assignments]


def _percent(score: pd.Series | None, name: str, notes: list[str], lang) -> float:
    if score is None:
        notes.append(t("rubric.note.no_submission", lang, assignment=name))
        return 0.0
    if score["note"]:
        notes.append(t(score["note"], lang, assignment=name, files=score.get("files", "")))
    late_by = score.get("late_by")
    if late_by is None or late_by != late_by:  # on time, or how late is not known
        if score.get("late", False) == True:  # noqa: E712  (numpy booleans too; NaN is not late)
            notes.append(t("grade_sheets.note.assignment_late_by_collect", lang, assignment=name))
    else:
        duration = duration_text(late_by, lang)
        penalty = score.get("penalty") or 0
        notes.append(t("grade_sheets.note.assignment_penalty", lang, assignment=name, duration=duration,
                       percent=f"{penalty:g}") if penalty else
                     t("grade_sheets.note.assignment_late", lang, assignment=name, duration=duration))
    if score["max_score"] <= 0:
        return float("nan")
    return score["score"] / score["max_score"] * 100


def _zero_if_nan(value) -> float:
    return 0.0 if value is None or value != value else float(value)
