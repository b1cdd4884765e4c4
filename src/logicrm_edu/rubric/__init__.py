"""Group presentations, peer assessment and the final grade sheet (COURSE_BRIEF §8).

Rubrics are TOML files (``course/rubrics/``, format in its README and
:mod:`.rubric_files`); course settings come from ``DIR/course.toml``
(:mod:`.settings`); scores and their audit trail live in ``DIR/rubric.db``
next to nbgrader's ``DIR/gradebook.db`` (:mod:`.store`).  A teacher's round:

1. ``logicrm roster import roster.xlsx`` — store the roster (学号/姓名/班级/小组), shared with the gradebook;
2. ``logicrm rubric sheets`` — one Excel score sheet per rater;
3. ``logicrm rubric import rubric_sheets/`` — import the filled sheets (all or nothing);
4. ``logicrm rubric marks`` / ``grades`` / ``report`` — marks and flags, the final grade
   sheet (xlsx + csv), one HTML report per group.

The aggregation is pure and usable on its own, e.g. ``webpa_marks(ratings,
members, group_mark=60, weighting=0.5)``.
"""
from .adjustment import rating_matrix
from .flags import rating_flags
from .grade_sheet import export_final_grades, write_grade_sheet
from .gradebook import assignment_scores
from .grades import final_grades
from .group_score import criterion_means, group_scores, rater_totals, trimmed_mean
from .importing import ImportReport, import_sheets
from .marks import CourseMarks, course_marks
from .methods import METHODS, adjusted_marks, equal_marks
from .model import Criterion, Level, RaterStatement, Rubric
from .problems import Problem, RubricError
from .report import group_chart, group_report, write_group_reports
from .roster import read_roster
from .rubric_files import find_rubric, load_rubric
from .course import CourseContext, open_course
from .settings import CourseSettings, load_settings
from .sheet_reading import read_score_sheet
from .sheets import write_score_sheets
from .webpa import webpa_marks, webpa_scores
from .widgets import TeacherForm

__all__ = [
    "METHODS", "CourseContext", "CourseMarks", "CourseSettings", "Criterion", "ImportReport", "Level",
    "Problem", "RaterStatement", "Rubric", "RubricError", "TeacherForm", "adjusted_marks",
    "assignment_scores", "course_marks", "criterion_means", "equal_marks", "export_final_grades",
    "final_grades", "find_rubric", "group_chart", "group_report", "group_scores", "import_sheets",
    "load_rubric", "load_settings", "open_course", "rater_totals", "rating_flags", "rating_matrix",
    "read_roster", "read_score_sheet", "trimmed_mean", "webpa_marks", "webpa_scores",
    "write_grade_sheet", "write_group_reports", "write_score_sheets",
]
