"""`logicrm autograde` calls logicrm_edu.autograde.autograde_submissions and prints a summary."""
from dataclasses import dataclass

import pytest

from logicrm_edu.autograde import batch

from .conftest import ASSIGNMENT, invoke


@dataclass
class Result:
    student: str
    status: str
    seconds: float
    note: str = ""


def test_calls_autograde_submissions_and_prints_a_summary(released, monkeypatch):
    calls = []

    def autograde_submissions(course_dir, assignment, students=None, workers=1, force=False,
                              progress=True, sandboxed=True):
        calls.append((course_dir, assignment, students, workers, force, progress, sandboxed))
        return [Result("2301", "graded", 2.5), Result("2302", "skipped", 0.0, "up to date"),
                Result("2303", "failed", 10.0, "timeout")]

    monkeypatch.setattr(batch, "autograde_submissions", autograde_submissions)
    out = invoke("autograde", ASSIGNMENT, "--workers", "3", "--force", "--course", released).output
    assert calls == [(released.resolve(), ASSIGNMENT, None, 3, True, True, True)]
    assert "评分 1 份，跳过 1 份，失败 1 份" in out
    assert "张三" in out and "timeout" in out and "失败" in out
    invoke("autograde", ASSIGNMENT, "--student", "2302", "--course", released, "--lang", "en")
    assert calls[-1][2] == ["2302"] and calls[-1][4] is False


def _cells(*rows):
    """Rows of ``cell_scores``: (score, max_score, manual_score, needs_manual_grade)."""
    import pandas as pd

    return pd.DataFrame(rows, columns=["score", "max_score", "manual_score", "needs_manual_grade"])


def test_score_shows_pending_manual_points_apart():
    from logicrm_edu.cli.autograde import score_text

    # 10 + 2 automatic points of 12, steps worth 2 and 6 not marked: not "12/20"
    pending = _cells((10.0, 10.0, None, False), (2.0, 2.0, None, False),
                     (0.0, 2.0, None, True), (0.0, 6.0, None, True))
    assert score_text(pending) == "12/12 自动 + 8 待批改"
    # step 1 marked 1.5 by hand, step 6 still pending: 13.5 of 14 marked
    partly = _cells((10.0, 10.0, None, False), (2.0, 2.0, None, False),
                    (1.5, 2.0, 1.5, False), (0.0, 6.0, None, True))
    assert score_text(partly) == "13.5/14 已评 + 6 待批改"
    # everything marked: the real total; a regraded cell keeps its manual score
    done = _cells((7.0, 10.0, None, False), (2.0, 2.0, None, False),
                  (1.5, 2.0, 1.5, True), (4.0, 6.0, 4.0, False))
    assert score_text(done) == "14.5/20"


def test_score_in_english():
    from logicrm_edu.cli.autograde import score_text
    from logicrm_edu.i18n import set_language

    set_language("en")
    assert score_text(_cells((3.0, 4.0, None, False), (0.0, 2.0, None, True))) == "3/4 auto + 2 pending"


def test_autograding_off_linux_says_where_to_grade(monkeypatch, tmp_path):
    from logicrm_edu.cli.autograde import do_autograde
    from logicrm_edu.cli.layer import Expected

    monkeypatch.setattr("sys.platform", "win32")
    with pytest.raises(Expected) as stop:
        do_autograde(tmp_path, "abc_tiering")
    assert "win32" in stop.value.text and "WSL 2" in stop.value.text


def test_autograde_before_release_names_logicrm_release(tmp_path):
    course = tmp_path / "course"
    invoke("init", course)
    result = invoke("autograde", ASSIGNMENT, "--course", course, ok=False)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"请先运行 logicrm release {ASSIGNMENT}" in result.output
    assert "generate_assignment" not in result.output
