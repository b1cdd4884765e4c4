"""`logicrm autograde` calls logicrm_edu.autograde.autograde_submissions and prints a summary."""
from dataclasses import dataclass

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
