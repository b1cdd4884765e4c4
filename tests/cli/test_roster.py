"""`logicrm roster`: import as a sync with a preview, show, remove, rename, move; the gradebook
(nbgrader.api.Gradebook) and the rubric database kept in step."""
import pandas as pd
import pytest
from click.testing import CliRunner
from nbgrader.api import Gradebook
from openpyxl import Workbook

from logicrm_edu import cli
from logicrm_edu.cli import roster as roster_cli
from logicrm_edu.rubric.store import load_roster, open_store

from .conftest import ROSTER, invoke


@pytest.fixture
def course(tmp_path):
    invoke("init", tmp_path / "c")
    return tmp_path / "c"


@pytest.fixture
def imported(course, tmp_path):
    (tmp_path / "r.csv").write_text(ROSTER, encoding="utf-8")
    invoke("roster", "import", tmp_path / "r.csv", "--course", course)
    return course


def _gradebook_students(course):
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_id="logistics-crm") as gb:
        return {s.id: (s.last_name, s.first_name) for s in gb.students}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_import_csv_into_gradebook_and_rubric_store(course, tmp_path, encoding):
    (tmp_path / "r.csv").write_bytes(ROSTER.encode(encoding))
    out = invoke("roster", "import", tmp_path / "r.csv", "--course", course).output
    assert "4 名学生，2 个班，2 个小组" in out  # an empty course: applied at once
    assert _gradebook_students(course)["2301"] == ("张三", "")
    stored = load_roster(open_store(course))
    assert list(stored["id"]) == ["2301", "2302", "2303", "2304"]
    assert stored.set_index("id").loc["2303", "class"] == "物流2302"
    shown = invoke("roster", "show", "--course", course).output
    assert "王五" in shown and "物流2302" in shown


def test_reimport_previews_and_applies_only_with_yes(course, tmp_path):
    frame = pd.DataFrame({"id": [2301, 2302], "name": ["张三", "李四"], "class": ["A", "A"],
                          "group": [1, 1], "phone": ["1", "2"]})
    frame.to_excel(tmp_path / "r.xlsx", index=False)
    out = invoke("roster", "import", tmp_path / "r.xlsx", "--course", course).output
    assert "phone" in out  # unknown column: a note, not an error
    frame.iloc[:1].assign(name="张三丰").to_excel(tmp_path / "r2.xlsx", index=False)
    # no terminal, no --yes: a preview and nothing applied
    out = invoke("roster", "import", tmp_path / "r2.xlsx", "--course", course, "--lang", "en").output
    assert "2301 张三丰: name '张三' → '张三丰'" in out
    assert "to remove from the course" in out and "2302" in out
    assert "nothing was changed" in out and "--yes" in out
    assert _gradebook_students(course) == {"2301": ("张三", ""), "2302": ("李四", "")}
    out = invoke("roster", "import", tmp_path / "r2.xlsx", "--course", course, "--yes",
                 "--lang", "en").output
    assert "0 added, 1 changed, 1 removed" in out
    assert _gradebook_students(course) == {"2301": ("张三丰", "")}  # 李四 had no work


def test_reimporting_a_corrected_roster_does_not_double_the_class(imported, tmp_path):
    # old bug: a student left out of the file stayed in the gradebook but lost class and group
    # in the rubric store; importing the full file again then showed students twice or blank
    (tmp_path / "short.csv").write_text(ROSTER.rsplit("\n", 2)[0] + "\n", encoding="utf-8")
    (imported / "submitted" / "2304" / "abc_tiering").mkdir(parents=True)
    out = invoke("roster", "import", tmp_path / "short.csv", "--course", imported, "--yes").output
    assert "保留 1 名学生" in out and "2304 赵六：作业 abc_tiering" in out
    invoke("roster", "import", tmp_path / "r.csv", "--course", imported, "--yes")
    shown = invoke("roster", "show", "--course", imported).output.splitlines()
    assert len(shown) == 5 and sum("赵六" in line for line in shown) == 1
    assert "物流2302" in next(line for line in shown if "赵六" in line)


@pytest.mark.parametrize("answer, group", [("y\n", "3"), ("n\n", "2")])
def test_a_teacher_at_a_terminal_is_asked(imported, tmp_path, monkeypatch, answer, group):
    monkeypatch.setattr(roster_cli, "_interactive", lambda: True)
    changed = ROSTER.replace("赵六,物流2302,2", "赵 六,物流2302,3")
    (tmp_path / "new.csv").write_text(changed, encoding="utf-8")
    result = CliRunner().invoke(cli.main, ["roster", "import", str(tmp_path / "new.csv"),
                                           "--course", str(imported)], input=answer)
    assert result.exit_code == 0, result.output
    assert "第 5 行的姓名“赵 六”存为“赵六”" in result.output
    assert "2304 赵六：小组由“2”改为“3”" in result.output  # the name is no change once normalised
    assert "应用这些更改吗？" in result.output
    assert load_roster(open_store(imported)).set_index("id").loc["2304", "group"] == group


def test_remove_rename_and_move(imported):
    (imported / "submitted" / "2302" / "abc_tiering").mkdir(parents=True)
    refused = invoke("roster", "remove", "2302", "--course", imported, ok=False)
    assert refused.exit_code == 1 and "abc_tiering" in refused.output and "--discard-work" in refused.output
    assert "Traceback" not in refused.output and "2302" in _gradebook_students(imported)
    out = invoke("roster", "remove", "2302", "--discard-work", "--course", imported).output
    assert "已从课程中删除学生 2302（李四）" in out and "removed_students" in out
    assert "2302" not in _gradebook_students(imported)
    invoke("roster", "remove", "2303", "--course", imported)  # no work: no flag needed
    out = invoke("roster", "rename", "2301", "张 三丰", "--course", imported).output
    assert "姓名由“张三”改为“张三丰”" in out
    out = invoke("roster", "move", "2304", "--group", "3", "--class", "物流2301", "--course", imported).output
    assert "班级由“物流2302”改为“物流2301”" in out and "小组由“2”改为“3”" in out
    assert _gradebook_students(imported) == {"2301": ("张三丰", ""), "2304": ("赵六", "")}
    assert load_roster(open_store(imported)).values.tolist() == [
        ["2301", "张三丰", "物流2301", "1"], ["2304", "赵六", "物流2301", "3"]]
    unknown = invoke("roster", "rename", "9999", "某人", "--course", imported, ok=False)
    assert unknown.exit_code == 1 and "9999" in unknown.output


def test_sheet_option_counts_tabs_from_one(course, tmp_path):
    book = Workbook()
    book.active.title = "封面"
    sheet = book.create_sheet("名单")
    for row in [["学号", "姓名", "班级", "小组"], ["2301", "张三", "A", "1"], ["2302", "李四", "A", "1"]]:
        sheet.append(row)
    sheet.row_dimensions[3].hidden = True
    book.save(tmp_path / "r.xlsx")
    out = invoke("roster", "import", tmp_path / "r.xlsx", "--sheet", "2", "--course", course).output
    assert "2 名学生" in out
    assert "第 3 行在 Excel 中是隐藏的" in out  # hidden rows are imported, but not silently
    bad = invoke("roster", "import", tmp_path / "r.xlsx", "--sheet", "3", "--course", course, ok=False)
    assert bad.exit_code == 1 and "1. 封面、2. 名单" in bad.output


@pytest.mark.parametrize("text, expected", [
    ("学号,姓名,班级,小组\n1,张三,A,1\n2,李四,A,1\n1,王五,A,2\n", ["第 4 行", "重复"]),
    ("学号,姓名,班级,小组\n1,张三,A,1\n2,,A,1\n", ["第 3 行", "姓名"]),
    ("Student No,姓名,班级,小组\n1,张三,A,1\n", ["学号", "Student No"]),
    ("学号,姓名,班级,小组\n1,张三,A,1\n2/3,李四,A,1\n", ["第 3 行", "2/3"]),
    ("学号,姓名,班级,小组\n02401001,张三,A,1\n2401002,李四,A,1\n", ["第 3 行", "第 2 行", "文本"]),
    ("学号,姓名,班级,小组\n", ["没有"]),
    ("", ["没有"]),
])
def test_malformed_roster_names_the_row_and_changes_nothing(course, tmp_path, text, expected):
    (tmp_path / "bad.csv").write_text(text, encoding="utf-8")
    result = invoke("roster", "import", tmp_path / "bad.csv", "--course", course, ok=False)
    assert result.exit_code == 1
    for words in expected + ["bad.csv"]:
        assert words in result.output, (words, result.output)
    assert "Traceback" not in result.output
    assert _gradebook_students(course) == {}


@pytest.fixture
def windows(monkeypatch):
    """This process as on Windows: ``sys.platform`` is "win32" and there is no ``pwd``
    module (the classroom modules are imported afresh, as a new process would)."""
    import sys

    for name in [m for m in sys.modules if m.startswith("logicrm_edu.classroom")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pwd", None)  # "import pwd" now fails, as on Windows
    monkeypatch.setattr(sys, "platform", "win32")


def test_roster_import_and_remove_work_on_windows(course, tmp_path, windows):
    (tmp_path / "r.csv").write_text(ROSTER, encoding="utf-8")
    result = invoke("roster", "import", tmp_path / "r.csv", "--course", course)
    assert "Traceback" not in result.output and "2304" in _gradebook_students(course)
    result = invoke("roster", "remove", "2304", "--course", course)
    assert "已从课程中删除学生 2304（赵六）" in result.output
    assert "2304" not in _gradebook_students(course)
