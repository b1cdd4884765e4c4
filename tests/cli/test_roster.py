"""`logicrm roster import`: gradebook (nbgrader.api.Gradebook) and rubric database."""
import pandas as pd
import pytest
from nbgrader.api import Gradebook

from logicrm_edu.rubric.store import load_roster, open_store

from .conftest import ROSTER, invoke


@pytest.fixture
def course(tmp_path):
    invoke("init", tmp_path / "c")
    return tmp_path / "c"


def _gradebook_students(course):
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_id="logistics-crm") as gb:
        return {s.id: (s.last_name, s.first_name) for s in gb.students}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_import_csv_into_gradebook_and_rubric_store(course, tmp_path, encoding):
    (tmp_path / "r.csv").write_bytes(ROSTER.encode(encoding))
    out = invoke("roster", "import", tmp_path / "r.csv", "--course", course).output
    assert "4 名学生，2 个班，2 个小组" in out
    assert _gradebook_students(course)["2301"] == ("张三", "")
    stored = load_roster(open_store(course))
    assert list(stored["id"]) == ["2301", "2302", "2303", "2304"]
    assert stored.set_index("id").loc["2303", "class"] == "物流2302"
    shown = invoke("roster", "show", "--course", course).output
    assert "王五" in shown and "物流2302" in shown


def test_import_xlsx_english_headers_and_reimport_keeps_students(course, tmp_path):
    frame = pd.DataFrame({"id": [2301, 2302], "name": ["张三", "李四"], "class": ["A", "A"],
                          "group": [1, 1], "phone": ["1", "2"]})
    frame.to_excel(tmp_path / "r.xlsx", index=False)
    out = invoke("roster", "import", tmp_path / "r.xlsx", "--course", course).output
    assert "phone" in out  # unknown column: a note, not an error
    frame.iloc[:1].assign(name="张三丰").to_excel(tmp_path / "r2.xlsx", index=False)
    out = invoke("roster", "import", tmp_path / "r2.xlsx", "--course", course, "--lang", "en").output
    assert "1 updated" in out and "2302" in out  # 李四 kept in the gradebook, reported
    assert _gradebook_students(course) == {"2301": ("张三丰", ""), "2302": ("李四", "")}


@pytest.mark.parametrize("text, expected", [
    ("学号,姓名,班级,小组\n1,张三,A,1\n2,李四,A,1\n1,王五,A,2\n", ["第 4 行", "重复"]),
    ("学号,姓名,班级,小组\n1,张三,A,1\n2,,A,1\n", ["第 3 行", "姓名"]),
    ("Student No,姓名,班级,小组\n1,张三,A,1\n", ["学号", "Student No"]),
    ("学号,姓名,班级,小组\n1,张三,A,1\n2/3,李四,A,1\n", ["第 3 行", "2/3"]),
])
def test_malformed_roster_names_the_row_and_changes_nothing(course, tmp_path, text, expected):
    (tmp_path / "bad.csv").write_text(text, encoding="utf-8")
    result = invoke("roster", "import", tmp_path / "bad.csv", "--course", course, ok=False)
    assert result.exit_code == 1
    for words in expected + ["bad.csv"]:
        assert words in result.output, (words, result.output)
    assert "Traceback" not in result.output
    assert _gradebook_students(course) == {}
