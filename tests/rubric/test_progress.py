"""The progress bars a teacher sees while sheets, imports and reports are made speak the
teacher's language (tqdm writes them to stderr)."""
from logicrm_edu.i18n import set_language
from logicrm_edu.rubric import (course_marks, import_sheets, open_course, write_group_reports,
                                write_score_sheets)

from .test_marks import score_golden_course


def _sheets(course_dir):
    course = open_course(course_dir)
    return write_score_sheets(course.group_rubric, course.roster, course_dir / "sheets",
                              self_rating=course.settings.rubric.self_rating, progress=True)


def test_sheet_and_report_bars_in_chinese(golden_course, capsys):
    set_language("zh")
    paths = _sheets(golden_course)
    import_sheets(paths[:1], golden_course, progress=True)
    score_golden_course(golden_course)
    course = open_course(golden_course)
    write_group_reports(course, course_marks(course), golden_course / "reports", progress=True)
    bars = capsys.readouterr().err
    assert "生成评分表" in bars and "读取评分表" in bars and "生成小组报告" in bars
    assert "张/s" in bars or "s/张" in bars
    for english in ("sheet/s", "s/sheet", "group/s", "s/group", "report:"):
        assert english not in bars


def test_bars_in_english(golden_course, capsys):
    set_language("en")
    _sheets(golden_course)
    bars = capsys.readouterr().err
    assert "score sheets" in bars and "张" not in bars
