import os
import shutil
import sys

import pytest

from logicrm_edu.rubric.store import open_store, save_roster

from .helpers import build_gradebook, small_roster

GOLDEN_COURSE_TOML = """
[rubric]
group_rubric = "talk"
member_rubric = "contribution"
self_rating = true
non_submitter_penalty = 10
"""
TALK = """
title = { zh = "展示", en = "Talk" }
subject = "group"
raters = ["teacher", "group"]
[[criteria]]
id = "overall"
name = { zh = "总体", en = "Overall" }
max = 100
"""
CONTRIBUTION = """
title = { zh = "贡献", en = "Contribution" }
subject = "member"
raters = ["member"]
[[criteria]]
id = "share"
name = { zh = "贡献", en = "Contribution" }
max = 5
"""


@pytest.fixture
def roster():
    return small_roster()


@pytest.fixture
def course(tmp_path, roster):
    """A course with default settings (ABC presentation + member evaluation, no self-rating)."""
    save_roster(open_store(tmp_path), roster)
    return tmp_path


@pytest.fixture
def golden_course(tmp_path, roster):
    """A course whose rubrics reproduce the issue's golden WebPA case through real sheets:
    one 0–100 group criterion, one 0–5 member criterion, self-rating on, 10% penalty."""
    (tmp_path / "course.toml").write_text(GOLDEN_COURSE_TOML, encoding="utf-8")
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "talk.toml").write_text(TALK, encoding="utf-8")
    (tmp_path / "rubrics" / "contribution.toml").write_text(CONTRIBUTION, encoding="utf-8")
    save_roster(open_store(tmp_path), roster)
    return tmp_path


@pytest.fixture(scope="session")
def gradebook_template(tmp_path_factory):
    """The gradebook of :func:`helpers.build_gradebook`, built once (≈5 s: nbgrader runs the
    ``alembic`` command for a new gradebook; it sits next to the interpreter, which is not on
    PATH when the venv is not activated)."""
    folder = tmp_path_factory.mktemp("gradebook")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PATH", os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
        return build_gradebook(folder)


@pytest.fixture
def gradebook(gradebook_template):
    """Put a fresh copy of the gradebook into a course folder: ``gradebook(course_dir)``."""
    return lambda course_dir: shutil.copy(gradebook_template, course_dir / "gradebook.db")
