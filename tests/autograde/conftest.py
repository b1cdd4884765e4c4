"""Fixtures: course copies with sample submissions (helpers in :mod:`.courses`)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from logicrm_edu.course.nbgrader_app import nbgrader_api, run

from .courses import ASSIGNMENT, ROOT, write_submissions


@pytest.fixture(scope="session")
def generated_course(tmp_path_factory) -> Path:
    """A course copy with the assignment generated (gradebook and release), no submissions."""
    root = tmp_path_factory.mktemp("generated") / "course"
    root.mkdir()
    shutil.copy(ROOT / "course" / "nbgrader_config.py", root)
    shutil.copytree(ROOT / "course" / "source", root / "source")
    run(nbgrader_api(root).generate_assignment(ASSIGNMENT, force=True), "generate_assignment")
    return root


@pytest.fixture
def make_course(generated_course, tmp_path_factory):
    """``make_course({student: spec}, timeout=None)``: a fresh copy of the generated course
    with those submissions.  A spec is a kit name, a spec dict (see
    :func:`spec_with`), or ``bytes`` written as the notebook file itself."""

    def make(submissions: dict, *, timeout: int | None = None) -> Path:
        root = tmp_path_factory.mktemp("course") / "course"
        shutil.copytree(generated_course, root)
        if timeout is not None:
            config = root / "nbgrader_config.py"
            config.write_text(config.read_text(encoding="utf-8").replace(
                "c.SandboxedExecute.timeout = 10", f"c.SandboxedExecute.timeout = {timeout}"), encoding="utf-8")
        write_submissions(root, submissions)
        return root

    return make
