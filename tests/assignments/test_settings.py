"""assignments.settings: the teacher-settings cell read from its syntax tree, never run.

Expected values are written out by hand from the cell sources below.
"""
import json
from pathlib import Path

import pytest

from logicrm_edu.assignments.settings import (SETTINGS_CELL, SettingsError, TeacherSettings,
                                              read_settings)

ROOT = Path(__file__).parents[2]
NOTEBOOK = ROOT / "course" / "source" / "abc_tiering" / "abc_tiering.ipynb"
TEXTBOOK_SCHEME = {"cuts": (80, 95), "by": "cumulative", "boundary": "le", "ties": "same"}


def course_settings_source() -> str:
    """The settings cell of the course's ABC notebook, as the teacher wrote it."""
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    [cell] = [c for c in nb["cells"]
              if c["metadata"].get("nbgrader", {}).get("grade_id") == SETTINGS_CELL]
    return "".join(cell["source"])


# -- the course's own cell ---------------------------------------------------------------------

def test_the_course_settings_cell():
    settings = read_settings(course_settings_source())
    chart = {"bars": 1, "line": 1, "classes": 0.5, "labels": 0.5}
    assert settings.values == {"DATA_FILE": "customers.xlsx", "DATASET": "changhai",
                               "SCHEME": TEXTBOOK_SCHEME, "CHART": chart}
    assert settings.task_class == "AbcTiering"
    assert settings.task_arguments == {"data_file": "customers.xlsx", "scheme": TEXTBOOK_SCHEME,
                                       "dataset": "changhai", "chart": chart}


def test_the_cuts_stay_a_tuple():
    scheme = read_settings(course_settings_source()).values["SCHEME"]
    assert type(scheme["cuts"]) is tuple


def test_get_with_default():
    settings = read_settings('DATASET = "changhai"\n')
    assert settings.get("DATASET") == "changhai"
    assert settings.get("SCHEME") is None
    assert settings.get("SCHEME", {"cuts": (70, 90)}) == {"cuts": (70, 90)}


def test_an_empty_cell_has_no_settings_and_no_task():
    assert read_settings("") == TeacherSettings({}, None, {})
    assert read_settings("# 只有注释 / only a comment\n") == TeacherSettings({}, None, {})


# -- literals ----------------------------------------------------------------------------------

@pytest.mark.parametrize("code, value", [
    ('"customers.xlsx"', "customers.xlsx"),
    ("'customers.xlsx'", "customers.xlsx"),
    ('"""多行\n文字"""', "多行\n文字"),
    ("'长海物流'", "长海物流"),
    ("20", 20),
    ("-3", -3),
    ("0.5", 0.5),
    ("True", True),
    ("None", None),
    ("(80, 95)", (80, 95)),
    ("[80, 95]", [80, 95]),
    ("{'cuts': (80, 95), 'by': 'rank'}", {"cuts": (80, 95), "by": "rank"}),
    ("dict(cuts=(80, 95), by='rank')", {"cuts": (80, 95), "by": "rank"}),
    ("dict()", {}),
    ("dict(outer=dict(inner=[1, 2]))", {"outer": {"inner": [1, 2]}}),
    ("{'labels': ['A', 'B', 'C'], 'n': {'x': -1.5}}",
     {"labels": ["A", "B", "C"], "n": {"x": -1.5}}),
])
def test_literal_settings(code, value):
    assert read_settings(f"NAME = {code}\n").values == {"NAME": value}


def test_single_and_double_quotes_read_the_same():
    single = read_settings("DATASET = 'per-student'\nDATA_FILE = 'a.csv'\n")
    double = read_settings('DATASET = "per-student"\nDATA_FILE = "a.csv"\n')
    assert single == double
    assert single.values == {"DATASET": "per-student", "DATA_FILE": "a.csv"}


def test_comments_are_ignored_wherever_they_are():
    source = ("# 教师设置\n"
              "DATASET = 'changhai'   # \"per-student\" = 每人一份\n"
              "SCHEME = dict(cuts=(70, 90),   # A ≤ 70\n"
              "              # a whole comment line inside the call\n"
              "              ties='order')    # 并列按顺序\n")
    assert read_settings(source).values == {"DATASET": "changhai",
                                            "SCHEME": {"cuts": (70, 90), "ties": "order"}}


def test_a_later_assignment_replaces_an_earlier_one():
    assert read_settings("DATASET = 'changhai'\nDATASET = 'per-student'\n").get("DATASET") \
        == "per-student"


# -- what is ignored ---------------------------------------------------------------------------

def test_imports_calls_and_other_statements_are_ignored():
    source = ("import pandas as pd\n"
              "from logicrm_edu.assignments import AbcTiering\n"
              "DATASET = 'changhai'\n"
              "print('hello')\n"
              "pd.set_option('display.max_rows', 20)\n"
              "COUNT = len([1, 2])\n"             # a call: not a literal
              "PATH = DATASET + '.csv'\n"          # an expression: not a literal
              "OTHER = DATASET\n"                  # a name: not a literal
              "A, B = 1, 2\n"                      # tuple target
              "X = Y = 3\n"                        # two targets
              "Z: int = 4\n"                       # annotated
              "DATASET2 = dict(**{'a': 1})\n"      # dict(**...) is not dict(key=literal)
              "PAIRS = dict([('a', 1)])\n"         # positional dict(...)
              "if True:\n"
              "    INSIDE = 5\n"
              "task = AbcTiering(dataset=DATASET)\n"
              "task.describe_scheme()\n")
    settings = read_settings(source)
    assert settings.values == {"DATASET": "changhai"}
    assert (settings.task_class, settings.task_arguments) == ("AbcTiering", {"dataset": "changhai"})


def test_a_cell_without_a_task_line():
    settings = read_settings("DATASET = 'changhai'\nimport pandas as pd\n")
    assert settings.task_class is None and settings.task_arguments == {}


def test_task_assigned_something_other_than_a_call_builds_no_task():
    settings = read_settings("MAKER = 1\ntask = MAKER\n")
    assert settings.task_class is None and settings.task_arguments == {}


# -- the task line -----------------------------------------------------------------------------

def test_task_arguments_from_settings_and_literals():
    source = ("DATA_FILE = 'data.csv'\n"
              "task = AbcTiering(data_file=DATA_FILE, dataset='per-student',\n"
              "                  scheme=dict(cuts=(70, 90), boundary='cross'))\n")
    settings = read_settings(source)
    assert settings.task_class == "AbcTiering"
    assert settings.task_arguments == {"data_file": "data.csv", "dataset": "per-student",
                                       "scheme": {"cuts": (70, 90), "boundary": "cross"}}


def test_task_with_no_arguments():
    settings = read_settings("task = AbcTiering()\n")
    assert (settings.task_class, settings.task_arguments) == ("AbcTiering", {})


def test_task_arguments_take_the_value_the_setting_has_on_that_line():
    source = "DATASET = 'changhai'\ntask = AbcTiering(dataset=DATASET)\nDATASET = 'per-student'\n"
    settings = read_settings(source)
    assert settings.task_arguments == {"dataset": "changhai"}
    assert settings.values["DATASET"] == "per-student"


# -- errors ------------------------------------------------------------------------------------

def test_syntax_error_names_the_line():
    with pytest.raises(SettingsError, match=r"^line 2: ") as raised:
        read_settings("DATASET = 'changhai'\nSCHEME = dict(cuts=(80, 95)\n\nx = 1\n")
    assert isinstance(raised.value, ValueError)


def test_unterminated_string_is_a_settings_error():
    with pytest.raises(SettingsError, match=r"^line 1: "):
        read_settings("DATASET = 'changhai\n")


def test_task_with_double_star_arguments():
    with pytest.raises(SettingsError, match=r"\*\*"):
        read_settings("kw = {'dataset': 'changhai'}\ntask = AbcTiering(**kw)\n")


def test_task_with_an_unknown_setting_name():
    with pytest.raises(SettingsError, match="DATA_FILE is not a setting"):
        read_settings("DATASET = 'changhai'\ntask = AbcTiering(data_file=DATA_FILE)\n")


def test_task_using_a_name_that_is_not_a_literal_setting():
    with pytest.raises(SettingsError, match="PATH is not a setting"):
        read_settings("import os\nPATH = os.getcwd()\ntask = AbcTiering(data_file=PATH)\n")


def test_task_using_a_setting_before_it_is_assigned():
    with pytest.raises(SettingsError, match="DATASET is not a setting"):
        read_settings("task = AbcTiering(dataset=DATASET)\nDATASET = 'changhai'\n")


def test_task_argument_that_is_a_call():
    with pytest.raises(SettingsError, match="scheme= must be a setting or a literal"):
        read_settings("task = AbcTiering(scheme=make_scheme())\n")


@pytest.mark.parametrize("line", [
    "task = AbcTiering('customers.xlsx')",
    "task = assignments.AbcTiering(dataset='changhai')",
    "task = make()(dataset='changhai')",
])
def test_task_must_be_a_class_name_called_with_keywords(line):
    with pytest.raises(SettingsError, match="keyword=value"):
        read_settings(line + "\n")


@pytest.mark.parametrize("code", ["{[1]: 2}", "dict(a={[1]: 1})"])
def test_an_unhashable_literal_is_not_a_setting(code):
    """Python cannot build these values (TypeError: unhashable): like any other value that is
    not a literal, the line is not a setting."""
    assert read_settings(f"X = {code}\nDATASET = 'changhai'\n").values == {"DATASET": "changhai"}


def test_task_argument_that_cannot_be_built():
    with pytest.raises(SettingsError, match="scheme= must be a setting or a literal"):
        read_settings("task = AbcTiering(scheme={[80, 95]: 'cuts'})\n")
