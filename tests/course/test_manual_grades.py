"""Manual grading through a spreadsheet, on a real course autograded once for the module.

Three students of the grading kit hand in the ABC assignment (the course's real
notebook, nbgrader's real gradebook); 张三 also wrote answers to the two written steps
(step 1 and step 6), 李四's step-1 answer starts with "=" (a formula, were it not kept
as text), 王五 answered nothing.  The workbook is written, filled in with openpyxl as a
teacher would in Excel, imported, and the gradebook read back.
"""
import shutil
from pathlib import Path

import nbformat
import pytest
from openpyxl import Workbook, load_workbook

from logicrm_edu.autograde import autograde_submissions
from logicrm_edu.cli.autograde import score_text
from logicrm_edu.course.manual_answers import html_text, step_answers
from logicrm_edu.course.manual_grades import (ManualImport, manual_grades, manual_steps,
                                              mark_scheme, step_label)
from logicrm_edu.course.manual_sheet import (ManualSheetError, export_sheet, import_sheet)
from logicrm_edu.course.nbgrader_app import cell_scores, gradebook, nbgrader_api, run
from logicrm_edu.submissions import build_submission, load_specs, resolved

ROOT = Path(__file__).parents[2]
ASSIGNMENT = "abc_tiering"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
SPECS = load_specs(ROOT / "autograder" / "abc_tiering" / "submissions.toml")
STUDENTS = {"2301": ("张三", "correct_reference"), "2302": ("李四", "mistake_ascending"),
            "2303": ("王五", "correct_reference")}
STEP1, STEP6 = "第 1 步：选定分类指标", "第 6 步：提出分层管理建议和策略"
ZHANG_STEP1 = "**我的答案（第 1 步）**\n\n- 我选择的分类指标：营业收入\n- 理由：和公司**提高营业收入**的目标一致。"
ZHANG_STRATEGY = ('strategy = strategy_table(["A", "B", "C"])\n'
                  'strategy.loc[0, "年均交易额 ≥ (万元)"] = 120\nstrategy')
ZHANG_ANALYSIS = "**我的分析（第 6 步）**\n\nA 类客户有 4 位，贡献了 79.5% 的营业收入。"
LI_STEP1 = '=HYPERLINK("http://example.com", "点我") 我选择利润'
# the workbook's columns (see manual_sheet.COLUMNS): A 学号 B 姓名 C 步骤 D 答案 E 评分要点
# F 满分 G 得分 H 评语


def _cell(nb, starts: str):
    return next(c for c in nb.cells if c.source.startswith(starts))


@pytest.fixture(scope="module")
def graded(tmp_path_factory) -> Path:
    """The course with 2301–2303 autograded and in the gradebook with their names."""
    root = tmp_path_factory.mktemp("manual") / "course"
    root.mkdir()
    shutil.copy(ROOT / "course" / "nbgrader_config.py", root)
    shutil.copytree(ROOT / "course" / "source", root / "source")
    run(nbgrader_api(root).generate_assignment(ASSIGNMENT, force=True), "generate_assignment")
    release = nbformat.read(root / "release" / ASSIGNMENT / NOTEBOOK, 4)
    with gradebook(root) as gb:
        for sid, (name, _) in STUDENTS.items():
            gb.update_or_create_student(sid, last_name=name, first_name="")
    for sid, (_, kind) in STUDENTS.items():
        nb = build_submission(release, resolved(SPECS, kind))
        if sid == "2301":
            _cell(nb, "**我的答案（第 1 步）**").source = ZHANG_STEP1
            _cell(nb, "strategy = strategy_table").source = ZHANG_STRATEGY
            _cell(nb, "**我的分析（第 6 步）**").source = ZHANG_ANALYSIS
        elif sid == "2302":
            _cell(nb, "**我的答案（第 1 步）**").source = LI_STEP1
        folder = root / "submitted" / sid / ASSIGNMENT
        folder.mkdir(parents=True)
        shutil.copy(root / "release" / ASSIGNMENT / "customers.xlsx", folder)
        nbformat.write(nb, folder / NOTEBOOK)
    results = autograde_submissions(root, ASSIGNMENT, progress=False)
    assert [r.status for r in results] == ["graded"] * 3, results
    return root


@pytest.fixture
def course(graded, tmp_path) -> Path:
    copy = tmp_path / "course"
    shutil.copytree(graded, copy)
    return copy


def _manual(course: Path, student: str, cell: str):
    """(manual score, needs manual grade, manual comment) in the gradebook."""
    with gradebook(course) as gb:
        grade = gb.find_grade(cell, ASSIGNMENT, ASSIGNMENT, student)
        comment = gb.find_comment(cell, ASSIGNMENT, ASSIGNMENT, student)
        return grade.manual_score, grade.needs_manual_grade, comment.manual_comment


def _rows(path: Path) -> dict:
    """(学号, 步骤) → spreadsheet row number."""
    sheet = load_workbook(path).active
    return {(r[0].value, r[2].value): r[0].row for r in sheet.iter_rows(min_row=2)}


# the steps, their names and mark schemes -----------------------------------------------------

def test_step_label_is_the_heading_without_its_points():
    assert step_label("## 第 3 步\u3000计算比重并排序（4 分）\n\n正文", "x") == "第 3 步：计算比重并排序"
    assert step_label("intro\n### Step 2 (4 points)", "x") == "Step 2"
    assert step_label("no heading here", "step9_task") == "step9_task"


def test_mark_scheme_is_the_text_between_nbgraders_lines():
    source = "## 第 1 步\n说明\n### BEGIN MARK SCHEME\n- 2 分：理由充分\n- 0 分：未作答\n### END MARK SCHEME\n"
    assert mark_scheme(source) == "- 2 分：理由充分\n- 0 分：未作答"
    assert mark_scheme("## 没有评分要点") == ""


def test_manual_steps_are_the_two_written_steps_of_abc(graded):
    steps = manual_steps(graded, ASSIGNMENT)
    assert [(s.cell, s.label, s.max_score, s.is_task) for s in steps] == [
        ("step1_indicator", STEP1, 2.0, True), ("step6_strategy", STEP6, 6.0, True)]
    # the scheme written in the source notebook's task cells, without nbgrader's markers
    assert steps[0].mark_scheme.startswith("评分要点（满分 2 分）：\n- 2 分：选择“营业收入”")
    assert steps[1].mark_scheme.startswith("评分要点（满分 6 分）：\n- 策略表（3 分）")
    assert all("MARK SCHEME" not in s.mark_scheme for s in steps)


# the students' answers -----------------------------------------------------------------------

def test_html_text_keeps_paragraphs_lists_and_tables():
    html = ("<div><p><strong>我的答案</strong></p>&#10;<ul>&#10;<li>指标：营业收入</li>&#10;"
            "<li>理由：<em>目标</em> 一致</li>&#10;</ul>&#10;<table><tr><th>类别</th><th>数</th>"
            "</tr><tr><td>A</td><td>4</td></tr></table><p>一行<br>二行 &lt;b&gt;</p></div>")
    assert html_text(html) == "我的答案\n\n- 指标：营业收入\n- 理由：目标 一致\n\n类别\t数\nA\t4\n\n一行\n二行 <b>"


def test_answers_run_from_the_task_to_the_next_step(graded):
    answers = step_answers(graded / "autograded" / "2301" / ASSIGNMENT / NOTEBOOK,
                           graded / "release" / ASSIGNMENT / NOTEBOOK,
                           {"step1_indicator": True, "step6_strategy": True})
    # markdown made inert by autograde reads as the student wrote it, without markup
    assert answers["step1_indicator"] == ("我的答案（第 1 步）\n\n- 我选择的分类指标：营业收入\n"
                                          "- 理由：和公司提高营业收入的目标一致。")
    step6 = answers["step6_strategy"]
    assert step6.startswith(ZHANG_STRATEGY + "\n")  # the code, then its table
    assert "120" in step6.split("strategy\n", 1)[1]  # the table printed with the 120 in it
    assert step6.endswith("我的分析（第 6 步）\n\nA 类客户有 4 位，贡献了 79.5% 的营业收入。")
    assert "第 2 步" not in answers["step1_indicator"]  # stops at the teacher's next step


# the workbook ---------------------------------------------------------------------------------

def test_export_writes_one_row_per_student_and_step(course):
    done = export_sheet(course, ASSIGNMENT)
    assert done.path == course / "export" / "abc_tiering_人工评分.xlsx" and done.kept_aside is None
    sheet = load_workbook(done.path).active
    assert [c.value for c in sheet[1]] == ["学号", "姓名", "步骤", "学生的答案", "评分要点", "满分",
                                           "得分", "评语"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert [(r[0], r[1], r[2], r[5], r[6], r[7]) for r in rows] == [
        ("2301", "张三", STEP1, 2, None, None), ("2301", "张三", STEP6, 6, None, None),
        ("2302", "李四", STEP1, 2, None, None), ("2302", "李四", STEP6, 6, None, None),
        ("2303", "王五", STEP1, 2, None, None), ("2303", "王五", STEP6, 6, None, None)]
    assert rows[0][3].startswith("我的答案（第 1 步）\n\n- 我选择的分类指标：营业收入")
    assert rows[0][4].startswith("评分要点（满分 2 分）")
    # the header row and who/which step stay in view; long text wraps in wide columns
    assert sheet.freeze_panes == "D2"
    assert sheet["D2"].alignment.wrap_text and sheet.column_dimensions["D"].width >= 50
    assert sheet.row_dimensions[2].height > 15


def test_a_students_formula_stays_text(course):
    path = export_sheet(course, ASSIGNMENT).path
    cell = load_workbook(path).active["D4"]  # 李四, step 1
    assert cell.value.startswith("=HYPERLINK(") and cell.data_type == "s"


def test_export_again_keeps_the_earlier_sheet(course):
    first = export_sheet(course, ASSIGNMENT).path
    book = load_workbook(first)
    book.active["G2"] = 2  # marked but not imported yet
    book.save(first)
    again = export_sheet(course, ASSIGNMENT)
    assert again.kept_aside is not None and again.kept_aside.name == first.name
    assert load_workbook(again.kept_aside).active["G2"].value == 2
    assert load_workbook(again.path).active["G2"].value is None


# the round trip --------------------------------------------------------------------------------

def test_filled_in_sheet_is_written_to_the_gradebook(course):
    path = export_sheet(course, ASSIGNMENT).path
    rows = _rows(path)
    book = load_workbook(path)
    sheet = book.active
    sheet[f"G{rows['2301', STEP1]}"] = 2
    sheet[f"H{rows['2301', STEP1]}"] = "理由充分，联系了公司目标。"
    sheet[f"G{rows['2301', STEP6]}"] = 5.5
    sheet[f"G{rows['2302', STEP1]}"] = "1"  # typed as text
    sheet[f"H{rows['2303', STEP1]}"] = "请补上答案。"  # a comment, no score yet
    book.save(path)

    assert import_sheet(course, ASSIGNMENT, path) == ManualImport(scores=3, comments=2, pending=3)
    assert _manual(course, "2301", "step1_indicator") == (2.0, False, "理由充分，联系了公司目标。")
    assert _manual(course, "2301", "step6_strategy") == (5.5, False, None)
    assert _manual(course, "2302", "step1_indicator") == (1.0, False, None)
    # a blank score is pending, not 0
    assert _manual(course, "2302", "step6_strategy") == (None, True, None)
    assert _manual(course, "2303", "step1_indicator") == (None, True, "请补上答案。")
    # the autograde table's score: 张三 12/12 automatic + 2 + 5.5
    scores = cell_scores(course, ASSIGNMENT)
    assert score_text(scores[scores["student"] == "2301"]) == "19.5/20"
    assert score_text(scores[scores["student"] == "2303"]) == "12/12 自动 + 8 待批改"
    assert score_text(scores[scores["student"] == "2302"]).endswith("已评 + 6 待批改")
    # a new export shows what the gradebook now holds
    again = {(g.student, g.step.label): (g.score, g.comment) for g in manual_grades(course, ASSIGNMENT)}
    assert again["2301", STEP6] == (5.5, None) and again["2303", STEP1] == (None, "请补上答案。")


def test_a_sheet_with_mistakes_writes_nothing_and_lists_them_all(course):
    path = export_sheet(course, ASSIGNMENT).path
    rows = _rows(path)
    book = load_workbook(path)
    sheet = book.active
    sheet[f"G{rows['2301', STEP1]}"] = 2  # valid: still not written
    sheet[f"G{rows['2301', STEP6]}"] = "五分"  # not a number
    sheet[f"G{rows['2302', STEP1]}"] = -1  # negative
    sheet[f"G{rows['2302', STEP6]}"] = 6.5  # above 6
    sheet[f"B{rows['2303', STEP1]}"] = "王六"  # a key column edited
    sheet[f"F{rows['2303', STEP6]}"] = 10  # the points edited
    sheet.append(["2399", "钱七", STEP1, "", "", 2, 1, ""])  # row 8: unknown student
    sheet.append(["2301", "张三", "第 7 步", "", "", 2, 1, ""])  # row 9: unknown step
    sheet.append(["2301", "张三", STEP1, "", "", 2, 1, ""])  # row 10: duplicate of row 2
    book.save(path)

    with pytest.raises(ManualSheetError) as caught:
        import_sheet(course, ASSIGNMENT, path)
    found = [(m.key.rsplit(".", 1)[1], m.row, m.column) for m in caught.value.mistakes]
    assert found == [("not_number", 3, "得分"), ("negative", 4, "得分"), ("above_max", 5, "得分"),
                     ("key_edited", 6, "姓名"), ("key_edited", 7, "满分"),
                     ("unknown_student", 8, "学号"), ("unknown_step", 9, "步骤"),
                     ("duplicate", 10, "学号")]
    message = str(caught.value)
    assert "有 8 处错误，成绩簿中没有写入任何分数" in message and "8 mistake(s)" in message
    assert "文件“abc_tiering_人工评分.xlsx”，工作表“人工评分”，第 5 行，“得分”列 (G)：得分 6.5 超过满分 6。" in message
    assert "row 10, column '学号' (A)" in message and "already on row 2" in message
    assert _manual(course, "2301", "step1_indicator") == (None, True, None)  # nothing written


def test_a_file_that_is_not_a_workbook_is_refused(course, tmp_path):
    fake = tmp_path / "scores.xlsx"
    fake.write_text("学号,得分\n2301,2\n", encoding="utf-8")
    with pytest.raises(ManualSheetError) as caught:
        import_sheet(course, ASSIGNMENT, fake)
    assert [m.key for m in caught.value.mistakes] == ["manual.import.not_xlsx"]
    assert "文件“scores.xlsx”：这不是 Excel 工作簿" in str(caught.value)


def test_a_sheet_without_the_score_columns_is_refused(course, tmp_path):
    book = Workbook()
    book.active.append(["学号", "姓名", "步骤", "满分"])
    book.active.append(["2301", "张三", STEP1, 2])
    book.save(tmp_path / "other.xlsx")
    with pytest.raises(ManualSheetError) as caught:
        import_sheet(course, ASSIGNMENT, tmp_path / "other.xlsx")
    assert "第 1 行：缺少列：得分、评语" in str(caught.value)
    assert "missing columns: score, comment" in str(caught.value)
