"""course_template.teacher_settings / set_teacher_setting on real notebook files.

Expected lines are typed in by hand; the comment column of the course's settings cell is
38 characters (``DATA_FILE = "customers.xlsx"`` is 28 characters, then 10 spaces).
"""
import json
import shutil
from pathlib import Path

import pytest

from logicrm_edu.course.template import set_teacher_setting, teacher_settings

ROOT = Path(__file__).parents[2]
SOURCE = ROOT / "course" / "source" / "abc_tiering" / "abc_tiering.ipynb"
SETTINGS_INDEX = 1  # the settings cell is the course notebook's second cell
DATASET_LINE = ('DATASET = "changhai"                  # "changhai"：教材数据（全班相同）；'
                '"per-student"：每位学生一份数据\n')


@pytest.fixture
def notebook(tmp_path) -> Path:
    path = tmp_path / "abc_tiering.ipynb"
    shutil.copy(SOURCE, path)
    return path


def cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def settings_lines(path: Path) -> list[str]:
    return cells(path)[SETTINGS_INDEX]["source"]


def with_settings_source(path: Path, source: str) -> Path:
    """Replace the settings cell's source of the notebook at ``path`` (list of lines)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    nb["cells"][SETTINGS_INDEX]["source"] = source.splitlines(keepends=True)
    path.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


# -- reading -----------------------------------------------------------------------------------

def test_the_course_notebook_settings(notebook):
    assert teacher_settings(notebook) == {
        "DATA_FILE": "customers.xlsx", "DATASET": "changhai",
        "SCHEME": {"cuts": (80, 95), "by": "cumulative", "boundary": "le", "ties": "same"},
        "CHART": {"bars": 1, "line": 1, "classes": 0.5, "labels": 0.5}}


def test_single_quoted_value_is_read(notebook):
    with_settings_source(notebook, "DATASET = 'per-student'   # 每位学生一份数据\n"
                                   "task = AbcTiering(dataset=DATASET)\n")
    assert teacher_settings(notebook) == {"DATASET": "per-student"}


def test_notebook_without_a_settings_cell(notebook):
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    del nb["cells"][SETTINGS_INDEX]
    notebook.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    assert teacher_settings(notebook) == {}
    with pytest.raises(KeyError):
        set_teacher_setting(notebook, "DATASET", "per-student")


def test_settings_cell_source_as_one_string(notebook):
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    nb["cells"][SETTINGS_INDEX]["source"] = "DATASET = 'changhai'\nDATA_FILE = 'a.csv'\n"
    notebook.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    assert teacher_settings(notebook) == {"DATASET": "changhai", "DATA_FILE": "a.csv"}


# -- writing -----------------------------------------------------------------------------------

def test_setting_a_value_keeps_the_comment_column(notebook):
    before = settings_lines(notebook)
    assert DATASET_LINE in before  # the course cell is as this test expects
    set_teacher_setting(notebook, "DATASET", "per-student")
    after = settings_lines(notebook)
    row = before.index(DATASET_LINE)
    assert after[row] == ('DATASET = "per-student"               # "changhai"：教材数据（全班相同）；'
                          '"per-student"：每位学生一份数据\n')
    assert after[row].index("#") == before[row].index("#") == 38
    assert after[:row] + after[row + 1:] == before[:row] + before[row + 1:]
    assert teacher_settings(notebook)["DATASET"] == "per-student"


def test_only_the_one_line_of_the_notebook_changes(notebook):
    original = notebook.read_text(encoding="utf-8")
    set_teacher_setting(notebook, "DATASET", "per-student")
    changed = notebook.read_text(encoding="utf-8")
    old_lines, new_lines = original.splitlines(), changed.splitlines()
    assert len(old_lines) == len(new_lines)
    differing = [i for i, (a, b) in enumerate(zip(old_lines, new_lines)) if a != b]
    assert len(differing) == 1
    assert '"DATASET = \\"per-student\\"' in new_lines[differing[0]]
    before, after = cells(SOURCE), cells(notebook)
    assert [c for i, c in enumerate(after) if i != SETTINGS_INDEX] == \
        [c for i, c in enumerate(before) if i != SETTINGS_INDEX]
    assert after[SETTINGS_INDEX]["metadata"] == before[SETTINGS_INDEX]["metadata"]


def test_round_trip_restores_the_notebook_exactly(notebook):
    original = notebook.read_bytes()
    set_teacher_setting(notebook, "DATASET", "per-student")
    assert notebook.read_bytes() != original
    set_teacher_setting(notebook, "DATASET", "changhai")
    assert notebook.read_bytes() == original


def test_a_longer_value_than_the_comment_column_leaves_one_space(notebook):
    long = "a-dataset-name-longer-than-the-gap-before-the-comment"
    set_teacher_setting(notebook, "DATASET", long)
    line = [x for x in settings_lines(notebook) if x.startswith("DATASET")][0]
    assert line.startswith(f'DATASET = "{long}" # "changhai"：')
    assert teacher_settings(notebook)["DATASET"] == long


def test_line_without_comment(notebook):
    with_settings_source(notebook, "DATASET = 'changhai'\nDATA_FILE = 'customers.xlsx'\n")
    set_teacher_setting(notebook, "DATASET", "per-student")
    assert settings_lines(notebook) == ['DATASET = "per-student"\n',
                                        "DATA_FILE = 'customers.xlsx'\n"]


def test_last_line_without_newline(notebook):
    with_settings_source(notebook, "DATA_FILE = 'customers.xlsx'\nDATASET = 'changhai'")
    set_teacher_setting(notebook, "DATASET", "per-student")
    assert settings_lines(notebook) == ["DATA_FILE = 'customers.xlsx'\n",
                                        'DATASET = "per-student"']


def test_chinese_value_before_the_comment(notebook):
    # "长海物流" is 4 characters but 12 UTF-8 bytes: ast's offsets count bytes
    with_settings_source(notebook, 'DATASET = "长海物流"        # 数据集 / dataset\n'
                                   'DATA_FILE = "客户资料.xlsx"  # 文件\n')
    original = notebook.read_bytes()
    set_teacher_setting(notebook, "DATASET", "per-student")
    # the comment started at character 24 (10 + 6 + 8 spaces) and still does: 23 + 1 space
    assert settings_lines(notebook) == ['DATASET = "per-student" # 数据集 / dataset\n',
                                        'DATA_FILE = "客户资料.xlsx"  # 文件\n']
    set_teacher_setting(notebook, "DATASET", "长海物流")
    assert notebook.read_bytes() == original


def test_chinese_new_value(notebook):
    with_settings_source(notebook, 'DATASET = "changhai"   # 数据集\n')
    set_teacher_setting(notebook, "DATASET", "长海")
    # the comment was at character 23 (10 + 10 + 3 spaces): 14 + 9 spaces
    assert settings_lines(notebook) == ['DATASET = "长海"         # 数据集\n']
    assert teacher_settings(notebook) == {"DATASET": "长海"}


def test_chinese_text_earlier_on_the_same_line(notebook):
    # the value of DATASET starts after Chinese text: its column counts UTF-8 bytes
    with_settings_source(notebook, 'TITLE = "客户分层"; DATASET = "changhai"   # 数据集\n')
    set_teacher_setting(notebook, "DATASET", "per-student")
    assert settings_lines(notebook) == ['TITLE = "客户分层"; DATASET = "per-student" # 数据集\n']
    assert teacher_settings(notebook) == {"TITLE": "客户分层", "DATASET": "per-student"}


def test_value_with_quotes_stays_valid_python(notebook):
    with_settings_source(notebook, "DATASET = 'changhai'\n")
    set_teacher_setting(notebook, "DATASET", 'a "quoted" name')
    assert teacher_settings(notebook) == {"DATASET": 'a "quoted" name'}


def test_unknown_name_raises_and_leaves_the_file_alone(notebook):
    original = notebook.read_bytes()
    with pytest.raises(KeyError):
        set_teacher_setting(notebook, "NOT_A_SETTING", "x")
    assert notebook.read_bytes() == original


def test_a_setting_over_several_lines_is_not_rewritten(notebook):
    # SCHEME = dict(... spans four lines: only one-line settings are set
    original = notebook.read_bytes()
    with pytest.raises(KeyError):
        set_teacher_setting(notebook, "SCHEME", "x")
    assert notebook.read_bytes() == original
