import shutil

import pytest
from openpyxl import Workbook, load_workbook

from logicrm_edu.rubric import RubricError, import_sheets, open_course, write_score_sheets
from logicrm_edu.rubric import store
from logicrm_edu.rubric.rubric_files import SHIPPED_DIR
from logicrm_edu.rubric.store import audit_trail, load_scores

from .helpers import fill_sheet, sheet_for

ABC_FULL = [25, 20, 20, 20, 15]


def sheets(course_dir, which="group"):
    course = open_course(course_dir)
    rubric = course.group_rubric if which == "group" else course.member_rubric
    return write_score_sheets(rubric, course.roster, course_dir / "sheets", progress=False,
                              self_rating=course.settings.rubric.self_rating)


def only_error(caught):
    errors = [p for p in caught.value.problems if p.level == "error"]
    assert len(errors) == 1, [str(p) for p in errors]
    return errors[0]


def test_teacher_sheet_round_trip(course):
    path = fill_sheet(sheet_for(sheets(course), "teacher"),
                      {"G1": ABC_FULL, "G2": [20, 15, 15, 15, 10], "G3": [10, 10, 10, 10, 10]})
    report = import_sheets([path], course, progress=False)
    [statement] = report.statements
    assert (statement.rater_kind, statement.rater, len(statement.scores)) == ("teacher", "teacher", 15)
    scores = load_scores(open_course(course).engine)
    assert scores.groupby("subject")["points"].sum().to_dict() == {"G1": 100, "G2": 75, "G3": 50}
    assert scores.iloc[0][["source", "sheet", "cell"]].tolist() == [path.name, "评分", "C5"]
    missing = [p for p in report.problems if p.key == "rubric.import.missing_rater"]
    assert len(missing) == 3 + 11  # three peer groups, eleven members


def test_out_of_range_names_sheet_and_cell(course):
    path = fill_sheet(sheet_for(sheets(course), "teacher"), {"G1": [26, 20, 20, 20, 15]})
    with pytest.raises(RubricError) as caught:
        import_sheets([path], course, progress=False)
    problem = only_error(caught)
    assert (problem.key, problem.file, problem.sheet, problem.cell) == (
        "rubric.sheet.out_of_range", path.name, "评分", "C5")
    text = str(caught.value)
    assert "单元格 C5" in text and "cell C5" in text and "0–25" in text
    assert "分层表正确并讲解清楚" in text and "Table correct and explained" in text
    assert load_scores(open_course(course).engine).empty


@pytest.mark.parametrize("value, key", [("很好", "rubric.sheet.not_number"), (True, "rubric.sheet.not_number"),
                                        (-1, "rubric.sheet.out_of_range")])
def test_bad_cell_values(course, value, key):
    path = fill_sheet(sheet_for(sheets(course), "teacher"), {"G2": [20, 15, value, 15, 10]})
    with pytest.raises(RubricError) as caught:
        import_sheets([path], course, progress=False)
    assert (only_error(caught).key, only_error(caught).cell) == (key, "E6")


def test_numbers_typed_as_text_are_accepted(course):
    path = fill_sheet(sheet_for(sheets(course), "teacher"), {"G1": ["20", " 15 ", "15.5", "15", "10"]})
    report = import_sheets([path], course, progress=False)
    assert report.statements[0].scores["points"].tolist() == [20, 15, 15.5, 15, 10]


def test_partly_filled_row_is_an_error_and_blank_row_a_warning(course):
    path = fill_sheet(sheet_for(sheets(course), "teacher"), {"G1": [20, None, 15, 15, 10], "G2": ABC_FULL})
    with pytest.raises(RubricError) as caught:
        import_sheets([path], course, progress=False)
    assert (only_error(caught).key, only_error(caught).cell) == ("rubric.sheet.missing_score", "D5")
    fill_sheet(path, {"G1": [None] * 5})
    report = import_sheets([path], course, progress=False)
    assert [(p.key, p.cell) for p in report.problems if p.key.startswith("rubric.sheet")] == [
        ("rubric.sheet.not_rated", "A5"), ("rubric.sheet.not_rated", "A7")]  # G1 and G3 left blank


def test_unknown_student_added_to_a_member_sheet(course):
    path = sheet_for(sheets(course, "member"), "-a1-")
    book = load_workbook(path)
    sheet = book.worksheets[0]
    sheet.protection.sheet = False  # a student removing the protection and adding a row
    sheet["A9"], sheet["C9"], sheet["D9"], sheet["E9"], sheet["F9"] = "zz9", 5, 10, 5, 10
    book.save(path)
    fill_sheet(path, {"a2": [5, 10, 5, 10], "a3": [5, 10, 5, 10], "a4": [5, 10, 5, 10], "a5": [5, 10, 5, 10]})
    with pytest.raises(RubricError) as caught:
        import_sheets([path], course, progress=False)
    assert (only_error(caught).key, only_error(caught).cell) == ("rubric.sheet.unknown_student", "A9")


@pytest.mark.parametrize("subject, key", [("a1", "rubric.sheet.self_rating"), ("b1", "rubric.sheet.not_teammate"),
                                          ("a2", "rubric.sheet.duplicate_row")])
def test_self_rating_other_group_and_duplicates_are_rejected(course, subject, key):
    path = sheet_for(sheets(course, "member"), "-a1-")
    book = load_workbook(path)
    book.worksheets[0]["A5"] = subject  # overwrite the first teammate's id (a2)
    book.worksheets[0]["A6"] = "a2" if key == "rubric.sheet.duplicate_row" else "a3"
    book.save(path)
    fill_sheet(path, {s: [4, 8, 4, 8] for s in ("a1", "a2", "a3", "a4", "a5", "b1")})
    with pytest.raises(RubricError) as caught:
        import_sheets([path], course, progress=False)
    problem = only_error(caught)
    assert problem.key == key and problem.cell in ("A5", "A6")


@pytest.mark.parametrize("subject, key", [("G9", "rubric.sheet.unknown_group"), ("G1", "rubric.sheet.self_rating")])
def test_group_sheet_with_an_unknown_group_or_itself(course, subject, key):
    path = sheet_for(sheets(course), "group-G1")
    book = load_workbook(path)
    book.worksheets[0]["A7"] = subject  # a row added below G2 and G3
    book.save(path)
    fill_sheet(path, {"G2": ABC_FULL, "G3": ABC_FULL, subject: ABC_FULL})
    with pytest.raises(RubricError) as caught:
        import_sheets([path], course, progress=False)
    assert (only_error(caught).key, only_error(caught).cell) == (key, "A7")


def test_self_rating_allowed_when_switched_on(golden_course):
    paths = sheets(golden_course, "member")
    path = fill_sheet(sheet_for(paths, "-a1-"), {"a1": 5, "a2": 4, "a3": 3, "a4": 2, "a5": 1})
    [statement] = import_sheets([path], golden_course, progress=False).statements
    assert "a1" in set(statement.scores["subject"])


def test_duplicate_sheet_of_one_rater(course):
    path = fill_sheet(sheet_for(sheets(course), "group-G2"), {"G1": ABC_FULL, "G3": ABC_FULL})
    copy = shutil.copy(path, path.with_name("G2-again.xlsx"))
    with pytest.raises(RubricError) as caught:
        import_sheets([path, copy], course, progress=False)
    problem = only_error(caught)
    assert (problem.key, problem.file) == ("rubric.import.duplicate_sheet", "G2-again.xlsx")
    assert path.name in str(caught.value)


def test_foreign_and_damaged_workbooks(course, tmp_path):
    foreign = tmp_path / "mine.xlsx"
    Workbook().save(foreign)
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(b"not a zip")
    with pytest.raises(RubricError) as caught:
        import_sheets([foreign, damaged], course, progress=False)
    assert sorted((p.key, p.file) for p in caught.value.problems) == [
        ("rubric.sheet.not_generated", "mine.xlsx"), ("sheet.damaged", "damaged.xlsx")]


@pytest.mark.parametrize("data,key,words", [
    (b"%PDF-1.4 ...", "sheet.pdf", ("PDF", "PDF")),
    (b"PK\x03\x04" + b"\0" * 40, "sheet.damaged", ("已损坏", "damaged")),
])
def test_a_file_renamed_to_xlsx_is_told_by_its_content(course, tmp_path, data, key, words):
    # before: "已损坏，或不是 .xlsx 文件：File is not a zip file" (raw English)
    renamed = tmp_path / "评分表.xlsx"
    renamed.write_bytes(data)
    with pytest.raises(RubricError) as caught:
        import_sheets([renamed], course, progress=False)
    problem = only_error(caught)
    assert (problem.key, problem.file) == (key, "评分表.xlsx")
    zh, en = problem.text("zh"), problem.text("en")
    assert words[0] in zh and words[1] in en and "zip file" not in zh + en


def test_a_zip_renamed_to_xlsx(course, tmp_path):
    import zipfile

    with zipfile.ZipFile(tmp_path / "sheets.xlsx", "w") as zf:
        zf.writestr("G1.xlsx", b"x")
    with pytest.raises(RubricError) as caught:
        import_sheets([tmp_path / "sheets.xlsx"], course, progress=False)
    assert only_error(caught).key == "sheet.zip" and "解压" in str(caught.value)


def test_old_xls_given_by_name_says_save_as_xlsx(course, tmp_path):
    """Was: openpyxl's InvalidFileException, a traceback naming no file."""
    xls = shutil.copy(fill_sheet(sheet_for(sheets(course), "teacher"), {"G1": ABC_FULL}), tmp_path / "t.xls")
    with pytest.raises(RubricError) as caught:
        import_sheets([xls], course, progress=False)
    problem = only_error(caught)
    assert (problem.key, problem.file) == ("rubric.import.save_as_xlsx", "t.xls")
    assert "另存为" in str(caught.value) and "Save As" in str(caught.value)


def test_every_file_in_a_folder_is_accounted_for(course, tmp_path):
    teacher = fill_sheet(sheet_for(sheets(course), "teacher"), {"G1": ABC_FULL})
    folder = tmp_path / "交回"
    (folder / "第二批").mkdir(parents=True)
    shutil.copy(teacher, folder / "teacher.xlsx")
    (folder / "照片.jpg").write_bytes(b"\xff\xd8")
    (folder / "~$teacher.xlsx").write_bytes(b"lock")  # Excel's lock file: skipped
    (folder / ".DS_Store").write_bytes(b"")  # the system's own: skipped
    report = import_sheets([folder], course, progress=False)
    assert [s.source for s in report.statements] == ["teacher.xlsx"]
    found = {(p.level, p.key, p.file or p.fields.get("folder")) for p in report.problems
             if p.key.startswith("rubric.import.") and p.key != "rubric.import.missing_rater"}
    assert found == {("warning", "rubric.import.subfolder", str(folder / "第二批")),
                     ("warning", "rubric.import.not_a_sheet", "照片.jpg")}


def test_other_spreadsheets_in_a_folder_stop_the_import(course, tmp_path):
    teacher = fill_sheet(sheet_for(sheets(course), "teacher"), {"G1": ABC_FULL})
    folder = tmp_path / "交回"
    folder.mkdir()
    shutil.copy(teacher, folder / "teacher.xlsx")
    (folder / "group-G1.csv").write_text("G2,100\n", encoding="utf-8")
    (folder / "group-G2.et").write_bytes(b"wps")
    with pytest.raises(RubricError) as caught:
        import_sheets([folder], course, progress=False)
    assert sorted((p.key, p.file) for p in caught.value.problems if p.level == "error") == [
        ("rubric.import.csv_sheet", "group-G1.csv"), ("rubric.import.save_as_xlsx", "group-G2.et")]
    assert load_scores(open_course(course).engine).empty


def test_folder_without_xlsx_is_an_error(course, tmp_path):
    (tmp_path / "空").mkdir()
    (tmp_path / "空" / "old.xls").write_bytes(b"")
    with pytest.raises(RubricError) as caught:
        import_sheets([tmp_path / "空"], course, progress=False)
    keys = {(p.key, p.file or p.fields.get("folder")) for p in caught.value.problems}
    assert keys == {("rubric.import.save_as_xlsx", "old.xls"),
                    ("rubric.import.no_sheets", str(tmp_path / "空"))}


def test_sheet_made_for_an_older_rubric(course):
    path = fill_sheet(sheet_for(sheets(course), "teacher"), {"G1": ABC_FULL})
    rubrics = course / "rubrics"
    rubrics.mkdir()
    text = (SHIPPED_DIR / "abc_presentation.toml").read_text(encoding="utf-8")
    (rubrics / "abc_presentation.toml").write_text(text.replace("max = 15\n[[criteria.levels]]", "max = 16\n[[criteria.levels]]", 1), encoding="utf-8")
    with pytest.raises(RubricError) as caught:
        import_sheets([path], course, progress=False)
    assert only_error(caught).key == "rubric.sheet.rubric_changed"


def test_renamed_scores_sheet_is_still_found(course):
    path = fill_sheet(sheet_for(sheets(course), "teacher"), {"G1": ABC_FULL})
    book = load_workbook(path)
    book.worksheets[0].title = "第一周"
    book.save(path)
    [statement] = import_sheets([path], course, progress=False).statements
    assert statement.sheet == "第一周" and len(statement.scores) == 5


def test_edited_hidden_sheet(course):
    path = fill_sheet(sheet_for(sheets(course), "teacher"), {"G1": ABC_FULL})
    book = load_workbook(path)
    book["_logicrm"]["C6"] = "max"  # a criterion row's minimum is no longer a number
    book.save(path)
    with pytest.raises(RubricError) as caught:
        import_sheets([path], course, progress=False)
    assert only_error(caught).key == "rubric.sheet.not_generated"


def test_text_outside_the_score_columns_is_reported(course):
    path = fill_sheet(sheet_for(sheets(course), "teacher"), {"G1": ABC_FULL})
    book = load_workbook(path)
    book.worksheets[0]["I5"] = "讲得很好"
    book.save(path)
    report = import_sheets([path], course, progress=False)
    assert [(p.key, p.cell) for p in report.problems if p.key == "rubric.sheet.ignored_cell"] == [
        ("rubric.sheet.ignored_cell", "I5")]


def test_empty_sheet_is_not_imported(course):
    path = sheet_for(sheets(course), "teacher")
    report = import_sheets([path], course, progress=False)
    assert report.statements == []
    assert "rubric.sheet.empty" in {p.key for p in report.problems}


def test_reimport_replaces_and_warns_about_dropped_scores(course):
    path = fill_sheet(sheet_for(sheets(course), "teacher"), {"G1": ABC_FULL, "G2": ABC_FULL, "G3": ABC_FULL})
    import_sheets([path], course, progress=False)
    fill_sheet(path, {"G1": [10] * 5, "G2": [None] * 5})
    report = import_sheets([path], course, progress=False)
    engine = open_course(course).engine
    assert load_scores(engine).groupby("subject")["points"].sum().to_dict() == {"G1": 50, "G3": 100}
    dropped = [p for p in report.problems if p.key == "rubric.import.dropped_previous"]
    assert [p.fields["subject"] for p in dropped] == ["G2"]
    assert audit_trail(engine)["replaced"].notna().tolist() == [True, False]


def test_batch_with_one_bad_sheet_stores_nothing(course):
    paths = sheets(course)
    good = fill_sheet(sheet_for(paths, "teacher"), {"G1": ABC_FULL})
    bad = fill_sheet(sheet_for(paths, "group-G1"), {"G2": [30, 20, 20, 20, 15]})
    with pytest.raises(RubricError):
        import_sheets([good, bad], course, progress=False)
    assert load_scores(open_course(course).engine).empty


def test_import_interrupted_midway_keeps_no_partial_scores(course, monkeypatch):
    paths = sheets(course)
    first = fill_sheet(sheet_for(paths, "teacher"), {"G1": ABC_FULL, "G2": ABC_FULL, "G3": ABC_FULL})
    import_sheets([first], course, progress=False)
    before = load_scores(open_course(course).engine)
    fill_sheet(first, {"G1": [1] * 5, "G2": [2] * 5, "G3": [3] * 5})
    second = fill_sheet(sheet_for(paths, "group-G1"), {"G2": ABC_FULL, "G3": ABC_FULL})
    real_replace, calls = store._replace, []

    def crash_on_second_sheet(session, statement, now):
        calls.append(statement.source)
        if len(calls) == 2:
            raise OSError("disk full")  # the teacher's sheet is already written in this transaction
        real_replace(session, statement, now)

    monkeypatch.setattr(store, "_replace", crash_on_second_sheet)
    with pytest.raises(OSError):
        import_sheets([first, second], course, progress=False)
    assert len(calls) == 2
    engine = open_course(course).engine
    after = load_scores(engine)
    assert after.drop(columns="received").equals(before.drop(columns="received"))
    assert len(audit_trail(engine)) == 1
