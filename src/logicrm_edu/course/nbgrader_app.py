"""A thin layer over nbgrader's Python API for one course directory.

nbgrader's CLI costs seconds per call and its exit codes do not report failed
tests (see the course notes), so we call its API in-process and read scores
from the gradebook.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path


from .nbgrader_imports import skip_iri_grammar

skip_iri_grammar()

from nbgrader.api import Gradebook  # noqa: E402  (after skip_iri_grammar)
from nbgrader.apps.api import NbGraderAPI  # noqa: E402
from nbgrader.coursedir import CourseDirectory  # noqa: E402
from traitlets.config import Config, PyFileConfigLoader  # noqa: E402


def load_config(course_dir) -> Config:
    """The course's ``nbgrader_config.py`` as a traitlets Config (nbgrader's defaults for a
    folder without one, as nbgrader itself reads such a folder)."""
    course_dir = Path(course_dir).resolve()
    config = (PyFileConfigLoader("nbgrader_config.py", path=str(course_dir)).load_config()
              if (course_dir / "nbgrader_config.py").is_file() else Config())
    config.CourseDirectory.root = str(course_dir)
    return config


def ensure_alembic_on_path() -> None:
    """nbgrader runs the ``alembic`` command when it creates a gradebook; in an
    unactivated virtualenv that command is beside our interpreter, not on PATH."""
    bin_dir = os.path.dirname(sys.executable)
    if bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")


def nbgrader_api(course_dir, *, release_force: bool = False) -> NbGraderAPI:
    """An :class:`NbGraderAPI` bound to ``course_dir`` and its configuration.

    ``release_force``: releasing to the exchange may replace an earlier release.
    """
    ensure_alembic_on_path()
    config = load_config(course_dir)
    if release_force:
        config.ExchangeReleaseAssignment.force = True
    coursedir = CourseDirectory(config=config)
    return NbGraderAPI(coursedir=coursedir, config=config)


def open_gradebook(db_url: str, course_id: str = "") -> Gradebook:
    """An nbgrader gradebook by its database URL (use it in a ``with`` block): the one
    way the platform opens a gradebook, for code handed a URL by nbgrader itself."""
    ensure_alembic_on_path()
    return Gradebook(db_url, course_id=course_id)


def gradebook_location(course_dir) -> tuple[str, str]:
    """(database URL, course id) of the course's gradebook, as ``nbgrader_config.py`` sets
    them (nbgrader's defaults otherwise: ``gradebook.db`` in the course folder)."""
    directory = CourseDirectory(config=load_config(course_dir))
    return directory.db_url, directory.course_id


def gradebook_file(course_dir) -> Path | None:
    """The gradebook's SQLite file (it may not exist yet); None for a database server."""
    url = gradebook_location(course_dir)[0]
    return Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None


def gradebook(course_dir) -> Gradebook:
    """The course's nbgrader gradebook (use it in a ``with`` block), for its course id."""
    return open_gradebook(*gradebook_location(course_dir))


def reading_gradebook(course_dir) -> Gradebook | None:
    """The course's gradebook opened to read only (no course record is added, as nbgrader's
    own command line opens it), or None when its file does not exist yet: opening an
    SQLite URL would create an empty one."""
    path = gradebook_file(course_dir)
    if path is not None and not path.is_file():
        return None
    return open_gradebook(gradebook_location(course_dir)[0])


def run(result: dict, what: str) -> dict:
    """Raise if an nbgrader API call reports failure (its log explains why)."""
    if not result.get("success"):
        raise RuntimeError(f"nbgrader {what} failed:\n{result.get('error') or result.get('log')}")
    return result


def cell_scores(course_dir, assignment: str):
    """One row per (student, notebook, grade cell): score, max_score, needs_manual_grade.

    Autograded cells whose test failed have score 0; manually graded cells not yet
    graded have score 0 too, with ``needs_manual_grade`` true and no ``manual_score``.
    """
    import pandas as pd  # here: autograde workers import this module and never need pandas

    rows = []
    with gradebook(course_dir) as gb:
        for submission in gb.assignment_submissions(assignment):
            for nb in submission.notebooks:
                for grade in nb.grades:
                    rows.append({
                        "student": submission.student.id, "notebook": nb.name,
                        "cell": grade.name, "score": grade.score, "max_score": grade.max_score,
                        "auto_score": grade.auto_score, "manual_score": grade.manual_score,
                        "needs_manual_grade": grade.needs_manual_grade,
                    })
    return pd.DataFrame(rows, columns=["student", "notebook", "cell", "score", "max_score",
                                       "auto_score", "manual_score", "needs_manual_grade"])
