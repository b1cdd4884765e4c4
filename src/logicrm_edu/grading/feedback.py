"""Feedback that is safe to open and made for every student, whatever they handed in.

nbgrader's GenerateFeedback turns each autograded notebook into the HTML page the
student (and often the teacher) opens; the formgrader renders the same notebook
for the teacher.  Two kinds of cell meet there:

- the teacher's: cells whose ``grade_id`` names a locked cell of this notebook in
  the gradebook.  nbgrader's autograde restores their text from the gradebook
  (OverwriteCells), and only they hold hidden tests and mark schemes, so only they
  are cleared (:class:`ClearTeacherHiddenTests`, :class:`ClearTeacherMarkScheme`):
  a student's own "BEGIN HIDDEN TESTS" line stays as written instead of failing the
  page.  nbgrader's ``locked`` flag alone is not enough: a student can write it into
  a cell's metadata, and autograde keeps it on cells the gradebook does not know;
- the student's: every other markdown and raw cell.  :class:`InertStudentMarkdown`
  renders their markdown with nbconvert's own renderer and keeps, with bleach, only
  markup that shows text (headings, lists, emphasis, tables, code, links to web
  pages), so an answer reads as written and nothing in it runs.

Code cells' outputs are the autograde engine's to make inert (text and pictures
only, the grader's folders hidden).  :class:`HideServerPaths` hides those folders
once more here, for notebooks graded before or without the engine.

:func:`generate_feedback` runs nbgrader's GenerateFeedback one student at a time, so
a notebook that cannot be rendered costs only its own page, and says who failed and why.
"""
from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from mistune.renderers.html import HTMLRenderer
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath
from nbconvert.preprocessors.sanitize import SanitizeHTML
from nbformat import ValidationError as NotebookValidationError
from nbformat.reader import NotJSONError
from nbgrader.converters import GenerateFeedback
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import ClearHiddenTests, ClearMarkScheme, NbGraderPreprocessor
from nbgrader.utils import capture_log, temp_attrs
from traitlets import Any, Bool, List, Unicode
from traitlets.config import Config

from ..course.nbgrader_app import nbgrader_api, open_gradebook
from ..i18n import t

# a notebook file that is not a notebook any more (cut short, edited outside Jupyter)
UNREADABLE = (NotJSONError, NotebookValidationError, UnicodeDecodeError)

# What a rendered markdown answer may contain: markdown's own vocabulary, plus the
# <details> a teacher's instructions use.  No attributes beyond these (no class, id,
# style outside table alignment, or event handlers).
MARKDOWN_TAGS = [
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code",
    "strong", "b", "em", "i", "del", "s", "sub", "sup", "abbr",
    "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
    "details", "summary", "div", "span",
]
MARKDOWN_ATTRIBUTES = {
    "a": ["href", "title"], "abbr": ["title"], "img": ["src", "alt", "title"],
    "ol": ["start"], "th": ["style"], "td": ["style"],
}
TABLE_STYLES = ["text-align"]
HIDDEN = "…"
PACKAGE_PARENT = Path(__file__).resolve().parents[2]


# who owns a cell ----------------------------------------------------------------------------

def teacher_cells(ids: dict, course_id: str) -> frozenset[str]:
    """The ``grade_id``\\ s of the locked cells of one notebook, as the gradebook records them.

    ``ids``: nbgrader's resources for the notebook (``db_url``, ``assignment``, ``notebook``).
    """
    with open_gradebook(ids["db_url"], course_id) as gb:
        notebook = gb.find_notebook(ids["notebook"], ids["assignment"])
        return frozenset(cell.name for cell in notebook.source_cells if cell.locked)


def _grade_id(cell) -> str | None:
    meta = cell.metadata.get("nbgrader")
    return meta.get("grade_id") if isinstance(meta, dict) else None


class TeacherCellsMixin:
    """Looks up, per notebook, which cells are the teacher's (see the module docstring)."""

    def preprocess(self, nb, resources):
        ids = resources["nbgrader"]
        if "teacher_cells" not in ids:  # one gradebook look-up per notebook, for every preprocessor
            ids["teacher_cells"] = teacher_cells(ids, CourseDirectory(config=self.config).course_id)
        self.teacher_cells = ids["teacher_cells"]
        return super().preprocess(nb, resources)

    def is_teachers(self, cell) -> bool:
        return _grade_id(cell) in self.teacher_cells


# the teacher's cells: hidden tests and mark schemes -----------------------------------------

class ClearTeacherHiddenTests(TeacherCellsMixin, ClearHiddenTests):
    """nbgrader's ClearHiddenTests on the teacher's cells only."""

    def preprocess_cell(self, cell, resources, cell_index):
        if not self.is_teachers(cell):
            return cell, resources
        return super().preprocess_cell(cell, resources, cell_index)


class ClearTeacherMarkScheme(TeacherCellsMixin, ClearMarkScheme):
    """nbgrader's ClearMarkScheme on the teacher's cells only."""

    def preprocess_cell(self, cell, resources, cell_index):
        if not self.is_teachers(cell):
            return cell, resources
        return super().preprocess_cell(cell, resources, cell_index)


# the student's cells: inert markdown --------------------------------------------------------

class _StudentMarkdownRenderer(IPythonRenderer):
    """nbconvert's markdown renderer, without turning ``attachment:`` images into data: URLs.

    Those URLs would not pass the sanitizer anyway, and a missing attachment makes
    nbconvert raise, which would fail the whole page.
    """

    def image(self, text, url, title=None):
        return HTMLRenderer.image(self, text, url, title)


class InertStudentMarkdown(TeacherCellsMixin, SanitizeHTML):
    """Student markdown and raw cells as HTML that shows text and runs nothing.

    A markdown cell is rendered first and sanitized after, since markdown itself makes
    links (``[x](javascript:...)``) that no HTML sanitizer sees in the source.  The
    result is stored as a single-line ``<div>`` block, which any later markdown pass
    (nbgrader's templates, JupyterLab) passes through unchanged, so running this
    preprocessor again changes nothing.  Markup outside the allowed set is shown as
    text, so the teacher sees what was attempted.

    In an autograde pipeline, put it after SaveAutoGrades: nbgrader compares an answer
    cell's text with the release to tell "no response", and this changes the text.
    """

    enabled = Bool(True, help="Whether nbgrader runs this preprocessor").tag(config=True)
    tags = List(Unicode(), default_value=MARKDOWN_TAGS,
                help="HTML tags kept in student markdown").tag(config=True)
    attributes = Any(default_value=MARKDOWN_ATTRIBUTES,
                     help="Attributes kept per tag (bleach's form)").tag(config=True)
    styles = List(Unicode(), default_value=TABLE_STYLES,
                  help="CSS properties kept in allowed style attributes").tag(config=True)

    def preprocess(self, nb, resources):
        self.released = released_texts(CourseDirectory(config=self.config), resources["nbgrader"])
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, cell_index):
        if (cell.cell_type not in ("markdown", "raw") or self.is_teachers(cell)
                or cell.source in self.released):
            return cell, resources
        if cell.cell_type == "raw":
            cell.source = self.sanitize_html_tags(cell.source)
        else:
            cell.source = self.inert_html(cell.source)
        return cell, resources

    def inert_html(self, markdown: str) -> str:
        """``markdown`` rendered, sanitized and wrapped as one HTML block."""
        renderer = _StudentMarkdownRenderer(escape=False, exclude_anchor_links=True)
        html = self.sanitize_html_tags(MarkdownWithMath(renderer=renderer).render(markdown))
        # a blank line would end the HTML block and let markdown parse the rest again
        one_line = html.replace("\r\n", "\n").replace("\r", "\n").strip("\n").replace("\n", "&#10;")
        return one_line if one_line.startswith("<div>") else f"<div>{one_line}</div>"


def released_texts(coursedir, ids: dict) -> frozenset[str]:
    """The markdown and raw texts of the released notebook: a cell still holding one of
    them is the teacher's text, untouched (nothing to sanitize)."""
    path = Path(coursedir.format_path(coursedir.release_directory, ".", ids["assignment"]),
                f"{ids['notebook']}.ipynb")
    try:
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError, AttributeError):
        return frozenset()
    return frozenset("".join(c["source"]) if isinstance(c.get("source"), list) else c.get("source")
                     for c in cells if isinstance(c, dict) and c.get("cell_type") in ("markdown", "raw"))


# code outputs: the grader's folders -----------------------------------------------------------

def server_folders(course_root) -> list[str]:
    """The course folder and the Python environment, in every spelling a traceback may
    use (as given, resolved, and ``~/...`` for folders in the home folder), longest first."""
    home = os.path.expanduser("~")
    folders = set()
    for folder in (str(course_root), sys.prefix, str(PACKAGE_PARENT)):
        for spelling in (folder, os.path.realpath(folder)):
            folders.add(spelling)
            if spelling.startswith(home + os.sep):
                folders.add("~" + spelling[len(home):])
    return sorted(folders, key=len, reverse=True)


class HideServerPaths(NbGraderPreprocessor):
    """The grader's folders replaced by "…" in the text of code cells' outputs
    (stream text, text data, error messages and tracebacks)."""

    def preprocess(self, nb, resources):
        self.folders = server_folders(CourseDirectory(config=self.config).root)
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, cell_index):
        for output in cell.get("outputs", []):
            for key in ("text", "evalue"):
                if isinstance(output.get(key), str):
                    output[key] = self.hidden(output[key])
            if isinstance(output.get("traceback"), list):
                output["traceback"] = [self.hidden(line) for line in output["traceback"]]
            data = output.get("data", {})
            for mime, value in data.items():
                if mime.startswith("text/") and isinstance(value, str):
                    data[mime] = self.hidden(value)
        return cell, resources

    def hidden(self, text: str) -> str:
        for folder in self.folders:
            text = text.replace(folder, HIDDEN)
        return text


# generating the class's feedback ------------------------------------------------------------

@dataclass(frozen=True)
class StudentFeedback:
    """The outcome of one student's feedback."""

    student: str
    """The student's id."""
    ok: bool
    """True when every notebook of the assignment became a feedback page."""
    reason: str = ""
    """Why not: the error that stopped it (empty when ``ok``)."""
    pending: float = 0.0
    """Points of answers the teacher has not marked yet (shown as 待批改 in the page)."""
    unreadable: bool = False
    """The autograded notebook is no notebook any more (cut short, edited outside Jupyter)."""

    def text(self) -> str:
        """Why not, for the teacher: a sentence in the language in force, then the detail."""
        return t("setup.feedback_unreadable" if self.unreadable else "setup.feedback_failed",
                 detail=self.reason)


@dataclass(frozen=True)
class FeedbackReport:
    """The feedback of one assignment for the students asked for."""

    assignment: str
    """The assignment's name."""
    students: tuple[StudentFeedback, ...]
    """One outcome per student, in id order."""

    @property
    def done(self) -> list[str]:
        """Ids of the students whose feedback was made."""
        return [s.student for s in self.students if s.ok]

    @property
    def pending(self) -> list[StudentFeedback]:
        """The students whose page shows answers not yet marked by the teacher."""
        return [s for s in self.students if s.ok and s.pending]

    @property
    def failed(self) -> list[StudentFeedback]:
        """The students whose feedback could not be made, with the reason."""
        return [s for s in self.students if not s.ok]


class _OneStudentFeedback(GenerateFeedback):
    """nbgrader's GenerateFeedback, keeping the error that stopped a notebook
    (nbgrader logs it and then raises a generic one)."""

    failure: Exception | None = None

    def convert_single_notebook(self, notebook_filename):
        try:
            super().convert_single_notebook(notebook_filename)
        except Exception as error:
            self.failure = error
            raise


def autograded_students(course_dir, assignment: str) -> list[str]:
    """Ids of the students with an autograded copy of ``assignment``."""
    return sorted(p.parent.name for p in (Path(course_dir) / "autograded").glob(f"*/{assignment}"))


def generate_feedback(course_dir, assignment: str, *, students=None) -> FeedbackReport:
    """Feedback HTML for every autograded student of ``assignment`` (or for ``students``),
    one student at a time with the course's GenerateFeedback settings; a student whose
    notebook fails is reported, and the others still get theirs."""
    api = nbgrader_api(course_dir)
    names = sorted(students) if students is not None else autograded_students(course_dir, assignment)
    return FeedbackReport(assignment, tuple(_one_student(api, assignment, s) for s in names))


def _one_student(api, assignment: str, student: str) -> StudentFeedback:
    # as NbGraderAPI.generate_feedback does, with the converter that keeps the error
    config = Config()
    config.HTMLExporter.template_name = "feedback"
    with temp_attrs(api.coursedir, assignment_id=assignment, student_id=student):
        app = _OneStudentFeedback(coursedir=api.coursedir, parent=api)
        app.update_config(config)
        app.force = True
        result = capture_log(app)
    if result["success"]:
        return StudentFeedback(student, True, pending=pending_points(api, assignment, student))
    if app.failure is not None:
        reason = f"{type(app.failure).__name__}: {app.failure}"
    else:  # it stopped outside a notebook's conversion: the last line of nbgrader's error says why
        reason = (result.get("error") or "?").strip().splitlines()[-1]
    return StudentFeedback(student, False, " ".join(reason.split())[:300],
                           unreadable=isinstance(app.failure, UNREADABLE))


def pending_points(api, assignment: str, student: str) -> float:
    """Points of ``student``'s answers to ``assignment`` still waiting for the teacher's mark."""
    with open_gradebook(api.coursedir.db_url, api.coursedir.course_id) as gb:
        submission = gb.find_submission(assignment, student)
        return float(sum(grade.max_score for notebook in submission.notebooks
                         for grade in notebook.grades
                         if grade.needs_manual_grade and grade.manual_score is None))
