"""The feedback page's frame: Chinese first, each graded cell's status in words and colour.

The course replaces nbgrader's ``feedback`` template with its own of the same name
(:data:`TEMPLATE_DIRS` comes first in ``HTMLExporter.extra_template_basedirs``), so
``logicrm feedback``, ``nbgrader generate_feedback`` and the formgrader's button all
make the same page.  Its words come from the message catalogue through
:class:`FeedbackFrame`, which runs after nbgrader's GetGrades and gives every graded
cell a status:

- ``full``, ``partial`` or ``zero``: its score, with 【正确】/【部分正确】/【需要修改】
  on test cells;
- ``pending``: an answer the teacher has not marked yet, shown as 待批改 instead of
  nbgrader's "0.0 / 2.0"; the page's heading says how many points are pending.
"""
from __future__ import annotations

from pathlib import Path

import nbgrader
from nbgrader import utils
from nbgrader.preprocessors import NbGraderPreprocessor

from ..course.nbgrader_app import open_gradebook
from ..i18n import t

TEMPLATE_DIRS = [
    str(Path(__file__).parent / "templates"),
    # nbgrader's own, for the formgrader's templates (this setting is shared with it)
    str(Path(nbgrader.__file__).parent / "server_extensions" / "formgrader" / "templates"),
]
LABELS = ("score", "pending", "top", "test_cell", "code_response", "written_response", "task",
          "comment", "comments", "late_penalty", "answer", "grade_cell")
MARKS = {"full": "checks.mark.passed", "partial": "checks.mark.partial",
         "zero": "checks.mark.failed"}


def both(key: str, **fields) -> dict[str, str]:
    return {"zh": t(key, "zh", **fields), "en": t(key, "en", **fields)}


def status(score, points, pending: bool) -> str:
    if pending:
        return "pending"
    score, points = float(score or 0), float(points or 0)
    if score >= points:
        return "full"
    return "partial" if score > 0 else "zero"


class FeedbackFrame(NbGraderPreprocessor):
    """Labels for the page and a status for each graded cell (after GetGrades)."""

    def preprocess(self, nb, resources):
        ids = resources["nbgrader"]
        with open_gradebook(ids["db_url"]) as gb:
            self.pending = {grade.name: grade.max_score for grade in gb.find_submission_notebook(
                ids["notebook"], ids["assignment"], ids["student"]).grades
                if grade.needs_manual_grade and grade.manual_score is None}
        nb, resources = super().preprocess(nb, resources)
        pending_points = sum(self.pending.values())
        ids["pending_points"] = pending_points
        labels = {name: both(f"feedback.{name}") for name in LABELS}
        labels["pending_total"] = both("feedback.pending_total", points=f"{pending_points:g}")
        resources["labels"] = labels
        return nb, resources

    def preprocess_cell(self, cell, resources, index):
        if not (utils.is_grade(cell) or utils.is_task(cell)):
            return cell, resources
        meta = cell.metadata.nbgrader
        meta["status"] = status(meta.get("score"), meta.get("points"),
                                meta.get("grade_id") in self.pending)
        if utils.is_grade(cell) and not utils.is_solution(cell) and meta["status"] in MARKS:
            meta["mark"] = t(MARKS[meta["status"]], "zh")
        return cell, resources
