"""The final course grade per student: nbgrader assignments and the presentation marks.

Each assignment counts as a percentage (score / max score × 100); the
assignments together are their weighted mean (``[grades.assignments]``
weights, else equal weights).  Each presentation counts as the individual mark
as a percentage of its group rubric's highest total; the presentations together
are their weighted mean (``[grades.presentations]``, else equal).  The final grade is
``(assignment_weight × assignments + presentation_weight × presentation) /
(assignment_weight + presentation_weight)``.  Anything missing counts 0, and
the student's ``notes`` say what and why.  A late assignment counts after its
late penalty; a final grade that rests on answers nobody has graded by hand yet
is ``final_state`` provisional.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..course.late import duration_text
from ..i18n import t
from .settings import GradeSettings

LEADING = ["id", "name", "class", "group"]
PROVISIONAL = ("rubric.note.needs_manual_grade", "grade_sheets.note.assignment_not_graded")
PRESENTATION = ["group_score", "factor", "presentation"]
"""the presentation's columns of a one-presentation course"""
TRAILING = ["presentation_pct", "final", "final_state", "notes"]
"""the last columns; before them the assignments' and the presentations' (see :func:`final_grades`)"""
FIXED = LEADING + ["assignments"] + PRESENTATION + TRAILING
"""every column named the same in every course (the others: assignments, presentations)"""


@dataclass(frozen=True)
class PresentationMarks:
    """One presentation's individual marks (``members`` of :func:`~.marks.course_marks`)."""

    name: str
    """the presentation's rubric id"""
    members: pd.DataFrame
    max_total: float
    """the rubric's highest total: a mark's 100 %"""


def final_grades(presentations: list[PresentationMarks], scores: pd.DataFrame,
                 settings: GradeSettings, *, lang: str | None = None) -> pd.DataFrame:
    """One row per student of the presentations' ``members`` (the roster).

    ``scores``: from :func:`~.gradebook.assignment_scores`.  Columns: id, name,
    class, group, one column per assignment (percent), ``assignments``; with one
    presentation ``group_score``, ``factor``, ``presentation`` (the mark); with several
    ``presentation:<rubric id>`` (each mark in percent) and ``factor``; then
    ``presentation_pct``, ``final``, ``final_state`` (provisional while an assignment
    has answers still to be graded by hand, else final) and ``notes`` (text in ``lang``).
    """
    names = list(dict.fromkeys(scores["assignment"]))
    weights = assignment_weights(settings, names)
    talk_weights = settings.presentations or {p.name: 1.0 for p in presentations}
    several = len(presentations) > 1
    marks = {p.name: p.members.set_index("id") for p in presentations}
    by_student = {sid: table.set_index("assignment") for sid, table in scores.groupby("student")}
    rows = []
    for member in presentations[0].members.to_dict("records"):
        notes, talk_notes = [], []
        row = {column: member[column] for column in LEADING}
        mine = by_student.get(member["id"], pd.DataFrame(columns=["note", "max_score", "score"]))
        for name in names:
            row[name] = _percent(mine.loc[name] if name in mine.index else None, name, notes, lang)
        row["assignments"] = sum(weights[n] * _zero_if_nan(row.get(n)) for n in weights) / \
            (sum(weights.values()) or 1.0)
        percents = {}
        for talk in presentations:
            own = marks[talk.name].loc[member["id"]]
            if own["note"]:
                talk_notes.append(t("rubric.note.not_rated_in", lang, presentation=talk.name)
                             if several and own["note"] == "rubric.note.not_rated"
                             else t(own["note"], lang))
            percents[talk.name] = _zero_if_nan(own["mark"]) / talk.max_total * 100
            if several:
                row[f"presentation:{talk.name}"] = percents[talk.name]
            else:
                row.update(group_score=own["group_score"], presentation=_zero_if_nan(own["mark"]))
        row["factor"] = member["factor"]
        row["presentation_pct"] = sum(talk_weights.get(n, 0.0) * v for n, v in percents.items()) / \
            (sum(talk_weights.values()) or 1.0)
        row["final"] = (settings.assignment_weight * row["assignments"]
                        + settings.presentation_weight * row["presentation_pct"]) / \
            (settings.assignment_weight + settings.presentation_weight)
        row["notes"] = t("where.sep", lang).join(dict.fromkeys(talk_notes + notes))
        pending = any(mine.loc[name, "note"] in PROVISIONAL for name in names if name in mine.index)
        row["final_state"] = t("grade_sheets.final_state." + ("provisional" if pending else "final"), lang)
        rows.append(row)
    talks = ([f"presentation:{p.name}" for p in presentations] + ["factor"] if several
             else PRESENTATION)
    return pd.DataFrame(rows, columns=LEADING + names + ["assignments", *talks, *TRAILING])


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
