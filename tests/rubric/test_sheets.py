from openpyxl import load_workbook

from logicrm_edu.rubric import load_rubric, write_score_sheets
from logicrm_edu.rubric.rubric_files import SHIPPED_DIR
from logicrm_edu.rubric.sheet_layout import FIRST_ROW, HEADER_ROW, META_SHEET


def test_one_sheet_per_rater(tmp_path, roster):
    group = write_score_sheets(load_rubric(SHIPPED_DIR / "abc_presentation.toml"), roster, tmp_path,
                               self_rating=False, progress=False)
    member = write_score_sheets(load_rubric(SHIPPED_DIR / "member_evaluation.toml"), roster, tmp_path,
                                self_rating=False, progress=False)
    assert [p.name for p in group] == ["abc_presentation-teacher.xlsx", "abc_presentation-group-G1.xlsx",
                                       "abc_presentation-group-G2.xlsx", "abc_presentation-group-G3.xlsx"]
    assert len(member) == len(roster)
    assert member[0].name == "member_evaluation-member-a1-Alice.xlsx"


def test_group_sheet_content_and_validation(tmp_path, roster):
    rubric = load_rubric(SHIPPED_DIR / "abc_presentation.toml")
    paths = write_score_sheets(rubric, roster, tmp_path, self_rating=False, progress=False)
    book = load_workbook(paths[1])  # group G1 rates G2 and G3, never itself
    sheet = book.worksheets[0]
    assert sheet.title == "评分"
    assert sheet["A2"].value == "评分人：小组 G1"
    assert [sheet.cell(r, 1).value for r in (FIRST_ROW, FIRST_ROW + 1)] == ["G2", "G3"]
    assert sheet.cell(FIRST_ROW + 2, 1).value is None
    assert sheet.cell(HEADER_ROW, 3).value == "分层表正确并讲解清楚\n（0–25 分）"
    assert sheet.cell(HEADER_ROW, 8).value == "合计\n（满分 100）"
    rules = {str(dv.sqref): (dv.type, dv.formula1, dv.formula2) for dv in sheet.data_validations.dataValidation}
    assert rules["C5:C6"] == ("decimal", "0", "25")
    assert rules["G5:G6"] == ("decimal", "0", "15")
    assert sheet.protection.sheet and not sheet["C5"].protection.locked and sheet["A5"].protection.locked
    assert book[META_SHEET].sheet_state == "veryHidden"
    assert "评分标准" in book.sheetnames


def test_member_sheets_list_teammates_with_names(tmp_path, roster):
    rubric = load_rubric(SHIPPED_DIR / "member_evaluation.toml")
    off = write_score_sheets(rubric, roster, tmp_path / "off", self_rating=False, progress=False)
    on = write_score_sheets(rubric, roster, tmp_path / "on", self_rating=True, progress=False)
    rows = lambda path: [(r[0], r[1]) for r in load_workbook(path).worksheets[0].iter_rows(  # noqa: E731
        min_row=FIRST_ROW, max_col=2, values_only=True)]
    assert rows(off[0]) == [("a2", "Bob"), ("a3", "Claire"), ("a4", "David"), ("a5", "Elaine")]
    assert rows(on[0])[0] == ("a1", "Alice") and len(rows(on[0])) == 5


def test_english_sheet(tmp_path, roster):
    rubric = load_rubric(SHIPPED_DIR / "member_evaluation.toml")
    path = write_score_sheets(rubric, roster, tmp_path, self_rating=False, lang="en", progress=False)[5]
    sheet = load_workbook(path).worksheets[0]
    assert sheet.title == "Scores" and sheet["A2"].value == "Rater: member 钱一 (b1)"
    assert sheet.cell(HEADER_ROW, 3).value == "Attitude\n(0–5 points)"
