"""course/roster.py on real courses: ``init_course``, then gradebook.db and rubric.db written
by the module itself; roster files written with openpyxl or as CSV text."""
import pandas as pd
import pytest
from openpyxl import Workbook

from logicrm_edu.course.nbgrader_app import gradebook
from logicrm_edu.course.roster import (apply_sync, class_roster, import_roster, normal_name,
                                       plan_sync, read_class_file, remove_student, student_work,
                                       update_student)
from logicrm_edu.course.template import init_course
from logicrm_edu.errors import DataError
from logicrm_edu.rubric.model import RaterStatement
from logicrm_edu.rubric.store import load_roster, open_store, save_statements

HEADER = "学号,姓名,班级,小组\n"
FOUR = HEADER + "2301,张三,物流2301,1\n2302,李四,物流2301,1\n2303,王五,物流2302,2\n2304,赵六,物流2302,2\n"


@pytest.fixture(scope="module")
def template_course(tmp_path_factory):
    return init_course(tmp_path_factory.mktemp("template") / "course")


@pytest.fixture
def course(template_course, tmp_path):
    """A fresh copy of an empty course (copying is faster than ``init_course``)."""
    import shutil

    return shutil.copytree(template_course, tmp_path / "course")


def csv(tmp_path, text, name="roster.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def gradebook_students(course):
    with gradebook(course) as gb:
        return {s.id: s.last_name for s in gb.students}


def hand_in(course, sid, assignment="abc_tiering"):
    """What ``logicrm collect`` leaves: ``submitted/<id>/<assignment>/``."""
    (course / "submitted" / sid / assignment).mkdir(parents=True)


def member_scores(course, rater, subjects):
    scores = pd.DataFrame([(s, "effort", 80.0, None) for s in subjects],
                          columns=["subject", "criterion", "points", "cell"])
    save_statements(open_store(course), [RaterStatement(
        rubric="contribution", rater_kind="member", rater=rater, scores=scores,
        source="sheet.xlsx", sheet="评分")])


# names ------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, stored", [
    ("张 三", "张三"), ("张三 ", "张三"), ("  张三", "张三"), ("王\u3000五", "王五"),
    ("欧阳  娜娜", "欧阳娜娜"), ("Li  Ming", "Li Ming"), ("Li\u3000Ming", "Li Ming"),
    ("阿依古丽 · 买买提", "阿依古丽·买买提"), ("张三 Tom", "张三 Tom"), ("张三", "张三"),
])
def test_normal_name(typed, stored):
    assert normal_name(typed) == stored


def test_names_with_spaces_are_stored_normalised_and_reported(course, tmp_path):
    # old bug: "张 三" was stored as typed, so collect could not match uploads named 张三
    path = csv(tmp_path, HEADER + "2301,张 三,A,1\n2302,李四 ,A,1\n2303,王\u3000五,A,2\n2304,Li  Ming,A,2\n")
    sync = import_roster(course, path)
    # "李四 " is trimmed by the reader like any cell: not a change worth a note
    assert [(f.row, f.typed, f.stored) for f in sync.source.name_fixes] == [
        (2, "张 三", "张三"), (4, "王\u3000五", "王五"), (5, "Li  Ming", "Li Ming")]
    assert gradebook_students(course) == {"2301": "张三", "2302": "李四", "2303": "王五", "2304": "Li Ming"}
    assert load_roster(open_store(course))["name"].tolist() == ["张三", "李四", "王五", "Li Ming"]


# ids ----------------------------------------------------------------------------------------

def test_ids_that_lost_their_leading_zeros_in_one_file(tmp_path):
    # old bug: "02401001" and "2401002" (a number cell in Excel) were both accepted
    path = csv(tmp_path, HEADER + "02401001,张三,A,1\n02401002,李四,A,1\n2401003,王五,A,2\n")
    with pytest.raises(DataError) as caught:
        read_class_file(path)
    error = caught.value
    assert error.key == "roster.mixed_ids" and error.row == 4 and error.column == "学号"
    assert error.fields["value"] == "2401003" and error.fields["other_row"] == 2
    assert "文本" in str(error) and "Text" in str(error)


def test_the_same_id_with_and_without_zeros_names_both_rows(tmp_path):
    path = csv(tmp_path, HEADER + "2401001,张三,A,1\n02401002,李四,A,1\n02401001,张三,A,1\n")
    with pytest.raises(DataError) as caught:
        read_class_file(path)
    assert (caught.value.row, caught.value.fields["other"], caught.value.fields["other_row"]) == (
        2, "02401001", 4)


def test_id_that_lost_its_zeros_against_the_course(course, tmp_path):
    import_roster(course, csv(tmp_path, HEADER + "02401001,张三,A,1\n02401002,李四,A,1\n"))
    with pytest.raises(DataError) as caught:
        plan_sync(course, csv(tmp_path, HEADER + "2401001,张三,A,1\n2401002,李四,A,1\n", "new.csv"))
    assert caught.value.key == "roster.zeros_lost" and caught.value.row == 2
    assert caught.value.fields["existing"] == "02401001" and "张三" in str(caught.value)
    assert set(gradebook_students(course)) == {"02401001", "02401002"}


def test_a_corrected_roster_replaces_ids_without_work_and_does_not_double_the_class(course, tmp_path):
    # old bug: importing the corrected file kept 2401001 and added 02401001: 4 students for 2
    import_roster(course, csv(tmp_path, HEADER + "2401001,张三,A,1\n2401002,李四,A,1\n"))
    sync = import_roster(course, csv(tmp_path, HEADER + "02401001,张三,A,1\n02401002,李四,A,1\n", "fixed.csv"))
    assert sync.added["id"].tolist() == ["02401001", "02401002"]
    assert sync.removed["id"].tolist() == ["2401001", "2401002"]
    assert class_roster(course)["id"].tolist() == ["02401001", "02401002"]
    assert set(gradebook_students(course)) == {"02401001", "02401002"}


def test_zeros_added_to_an_id_with_work_is_refused(course, tmp_path):
    import_roster(course, csv(tmp_path, HEADER + "2401001,张三,A,1\n2401002,李四,A,1\n"))
    hand_in(course, "2401001")
    with pytest.raises(DataError) as caught:
        plan_sync(course, csv(tmp_path, HEADER + "02401001,张三,A,1\n02401002,李四,A,1\n", "fixed.csv"))
    assert caught.value.key == "roster.zeros_vs_work" and caught.value.row == 2
    assert "abc_tiering" in str(caught.value) and "--discard-work" in str(caught.value)


def test_empty_roster_is_one_clear_error(tmp_path):
    for text in ("", HEADER):
        with pytest.raises(DataError) as caught:
            read_class_file(csv(tmp_path, text))
        assert caught.value.key == "rubric.roster.empty" and caught.value.file == "roster.csv"


# sheets and hidden rows ---------------------------------------------------------------------

def roster_workbook(path, *, hidden=()):
    book = Workbook()
    book.active.title = "说明"
    book.active.append(["本文件第二个工作表是名单"])
    sheet = book.create_sheet("名单")
    sheet.append(["学号", "姓名", "班级", "小组"])
    for row in (["2301", "张三", "A", "1"], ["2302", "李四", "A", "1"], ["2303", "王五", "B", "2"]):
        sheet.append(row)
    for row in hidden:
        sheet.row_dimensions[row].hidden = True
    book.save(path)
    return path


@pytest.mark.parametrize("sheet", ["名单", "2"])
def test_sheet_by_name_or_by_tab_position_from_one(tmp_path, sheet):
    found = read_class_file(roster_workbook(tmp_path / "r.xlsx"), sheet=sheet)
    assert found.sheet == "名单" and found.table["id"].tolist() == ["2301", "2302", "2303"]
    assert found.rows == [2, 3, 4]


def test_unknown_sheet_lists_the_tabs(tmp_path):
    with pytest.raises(DataError) as caught:
        read_class_file(roster_workbook(tmp_path / "r.xlsx"), sheet="3")
    assert caught.value.key == "roster.no_sheet" and "1. 说明、2. 名单" in str(caught.value)


def test_sheet_with_a_csv_file(tmp_path):
    with pytest.raises(DataError) as caught:
        read_class_file(csv(tmp_path, FOUR), sheet="1")
    assert caught.value.key == "roster.sheet_in_csv"


def test_hidden_rows_are_imported_and_reported(tmp_path):
    # old bug: hidden row 3 (李四) was imported without a word
    found = read_class_file(roster_workbook(tmp_path / "r.xlsx", hidden=[3]), sheet="名单")
    assert found.hidden_rows == [3] and "2302" in found.table["id"].tolist()
    assert [note.key for note in found.notes] == ["sheet.hidden_rows"]
    assert "第 3 行" in str(found.notes[0])


# the sync -------------------------------------------------------------------------------------

def test_first_import_adds_everyone(course, tmp_path):
    sync = plan_sync(course, csv(tmp_path, FOUR))
    assert sync.first_import and sync.added["id"].tolist() == ["2301", "2302", "2303", "2304"]
    assert class_roster(course).empty  # planning writes nothing
    apply_sync(course, sync)
    assert class_roster(course).values.tolist() == [
        ["2301", "张三", "物流2301", "1"], ["2302", "李四", "物流2301", "1"],
        ["2303", "王五", "物流2302", "2"], ["2304", "赵六", "物流2302", "2"]]


def test_sync_adds_changes_removes_and_keeps(course, tmp_path):
    import_roster(course, csv(tmp_path, FOUR))
    hand_in(course, "2304")  # 赵六 handed in work; 王五 did not
    new = HEADER + "2301,张三丰,物流2301,1\n2302,李四,物流2302,3\n2305,钱七,物流2302,2\n"
    sync = plan_sync(course, csv(tmp_path, new, "new.csv"))
    assert not sync.first_import
    assert sync.added["id"].tolist() == ["2305"]
    assert [(c.id, c.changes) for c in sync.changed] == [
        ("2301", {"name": ("张三", "张三丰")}),
        ("2302", {"class": ("物流2301", "物流2302"), "group": ("1", "3")})]
    assert sync.removed["id"].tolist() == ["2303"]
    assert sync.kept["id"].tolist() == ["2304"]
    assert sync.work["2304"].assignments == ("abc_tiering",)
    apply_sync(course, sync)
    # 赵六 is kept once, with the class and group the course had (not doubled, not blanked)
    assert class_roster(course).values.tolist() == [
        ["2301", "张三丰", "物流2301", "1"], ["2302", "李四", "物流2302", "3"],
        ["2305", "钱七", "物流2302", "2"], ["2304", "赵六", "物流2302", "2"]]
    assert gradebook_students(course) == {"2301": "张三丰", "2302": "李四", "2304": "赵六", "2305": "钱七"}


def test_importing_the_same_file_again_changes_nothing(course, tmp_path):
    import_roster(course, csv(tmp_path, FOUR))
    sync = plan_sync(course, csv(tmp_path, FOUR))
    assert not sync.has_changes and sync.kept.empty
    assert len(class_roster(course)) == 4


# one student's work, removal and changes ------------------------------------------------------

def test_student_work_counts_collected_graded_and_rubric(course, tmp_path):
    import_roster(course, csv(tmp_path, FOUR))
    hand_in(course, "2301")
    with gradebook(course) as gb:
        gb.update_or_create_assignment("week2")
        gb.add_submission("week2", "2302")
    member_scores(course, "2303", ["2304"])  # 王五 rated 赵六
    work = student_work(course, ["2301", "2302", "2303", "2304"])
    assert work["2301"].assignments == ("abc_tiering",) and not work["2301"].rubric_scores
    assert work["2302"].assignments == ("week2",)
    assert work["2303"].rubric_scores == 1 and work["2304"].rubric_scores == 1
    assert all(work.values())
    assert not student_work(course, ["2301"])["2301"].rubric_scores


def test_remove_a_student_without_work(course, tmp_path):
    import_roster(course, csv(tmp_path, FOUR))
    work, moved = remove_student(course, "2303")
    assert not work and moved is None
    assert "2303" not in gradebook_students(course)
    assert load_roster(open_store(course))["id"].tolist() == ["2301", "2302", "2304"]


def test_remove_refuses_a_student_with_work_unless_told(course, tmp_path):
    import_roster(course, csv(tmp_path, FOUR))
    hand_in(course, "2302")
    with pytest.raises(DataError) as caught:
        remove_student(course, "2302")
    assert caught.value.key == "roster.has_work" and "abc_tiering" in str(caught.value)
    assert "2302" in gradebook_students(course)
    work, moved = remove_student(course, "2302", discard_work=True)
    assert work.assignments == ("abc_tiering",)
    assert not (course / "submitted" / "2302").exists()
    assert (moved / "submitted" / "abc_tiering").is_dir()  # the files are not lost
    assert class_roster(course)["id"].tolist() == ["2301", "2303", "2304"]


def test_remove_unknown_student(course, tmp_path):
    import_roster(course, csv(tmp_path, FOUR))
    with pytest.raises(DataError) as caught:
        remove_student(course, "9999")
    assert caught.value.key == "roster.unknown_student"


def test_update_student_keeps_both_databases_in_step(course, tmp_path):
    import_roster(course, csv(tmp_path, FOUR))
    change = update_student(course, "2302", name=" 李 思 ", group="3")
    assert change.changes == {"name": ("李四", "李思"), "group": ("1", "3")}
    assert gradebook_students(course)["2302"] == "李思"
    stored = load_roster(open_store(course)).set_index("id")
    assert stored.loc["2302"].tolist() == ["李思", "物流2301", "3"]
    assert not update_student(course, "2302", class_name="物流2301").changes
    with pytest.raises(DataError) as caught:
        update_student(course, "2302", name="  ")
    assert caught.value.key == "roster.blank_value"
