"""grading.directives: test cells read as task directives without running them.

The expected directives of the course notebook are written out by hand from its test
cells (the step table in the notebook's first cell).
"""
import copy
import json
from pathlib import Path

import nbformat
import pytest
from nbgrader.preprocessors import ClearHiddenTests

from logicrm_edu.grading.directives import (METHODS, Directive, UnjudgeableCell, answer_names,
                                            is_self_check, read_directives)

ROOT = Path(__file__).parents[2]
NOTEBOOK = ROOT / "course" / "source" / "abc_tiering" / "abc_tiering.ipynb"
AUDIT = ("n_customers", "total_revenue", "n_missing")


def visible_and_hidden(step, *names):
    return [Directive("require", step, names), Directive("grade_against_teacher_data", step, names)]


EXPECTED = {
    "step2_test": [Directive("grade", "step2", AUDIT)],
    "step2_hidden": visible_and_hidden("step2", *AUDIT),
    "step3_test": [Directive("grade", "step3", ("table",))],
    "step3_hidden": visible_and_hidden("step3", "table"),
    "step4_test": [Directive("grade", "step4", ("tiered",))],
    "step4_hidden": visible_and_hidden("step4", "tiered"),
    "step5_test": [Directive("grade", "step5", ("ax",))],
    "step5_hidden": visible_and_hidden("step5", "ax"),
}


def graded_cells(nb) -> dict[str, str]:
    """grade_id → source of the notebook's autograded (code) test cells."""
    return {c.metadata.nbgrader["grade_id"]: c.source for c in nb.cells
            if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("grade")}


def test_the_course_test_cells_parse_to_the_expected_directives():
    cells = graded_cells(nbformat.read(NOTEBOOK, 4))
    assert set(cells) == set(EXPECTED)
    for grade_id, source in cells.items():
        assert read_directives(source) == EXPECTED[grade_id], grade_id


def test_the_released_test_cells_keep_the_visible_lines():
    """generate_assignment removes the hidden part: the release has the require line only."""
    nb = nbformat.read(NOTEBOOK, 4)
    released, _ = ClearHiddenTests().preprocess(copy.deepcopy(nb), {})
    cells = graded_cells(released)
    assert read_directives(cells["step3_hidden"]) == [Directive("require", "step3", ("table",))]
    assert read_directives(cells["step2_hidden"]) == [Directive("require", "step2", AUDIT)]
    assert read_directives(cells["step3_test"]) == EXPECTED["step3_test"]


def test_hidden_test_markers_and_comments_are_ignored():
    source = ("# 隐藏测试 / hidden test\n"
              "task.require(\"step3\", \"table\")  # visible\n"
              "### BEGIN HIDDEN TESTS\n"
              "task.grade_against_teacher_data('step3', 'table')\n"
              "### END HIDDEN TESTS\n")
    assert read_directives(source) == visible_and_hidden("step3", "table")


def test_every_method():
    assert METHODS == ("grade", "require", "grade_against_teacher_data")
    source = "\n".join(f'task.{m}("step4", "tiered")' for m in METHODS)
    assert [d.method for d in read_directives(source)] == list(METHODS)


def test_names_keep_their_order():
    [directive] = read_directives('task.grade("step2", "n_missing", "n_customers")')
    assert directive.names == ("n_missing", "n_customers")


def test_a_call_over_several_lines():
    source = 'task.grade(\n    "step2",\n    "n_customers", "total_revenue",\n    "n_missing",\n)\n'
    assert read_directives(source) == [Directive("grade", "step2", AUDIT)]


def test_answer_names_once_each_in_order():
    directives = (EXPECTED["step2_hidden"] + EXPECTED["step3_test"] + EXPECTED["step3_hidden"]
                  + [Directive("grade", "step2", ("n_missing", "extra"))])
    assert answer_names(directives) == ["n_customers", "total_revenue", "n_missing", "table",
                                        "extra"]
    assert answer_names([]) == []


# -- cells that cannot be judged outside the kernel --------------------------------------------

@pytest.mark.parametrize("line", [
    'assert table is not None, "no table"',
    'assert_passed(check_share_table(table, load_dataset("changhai")))',
    'task.grade(step, "table")',
    'task.grade("step3", name)',
    'task.grade("step3", name="table")',
    'task.grade(step="step3")',
    'task.grade("step3", *names)',
    'task.grade("step3", **names)',
    'task.grade(f"step{3}", "table")',
    'task.grade("step3", f"{name}")',
    'task.grade("step3", 3)',
    'task.grade(3, "table")',
    'task.grade("step3", b"table")',
    'task.grade()',
    'task.check("step3", table)',
    'task.describe_scheme()',
    'task.grade_secretly("step3", "table")',
    'other.grade("step3", "table")',
    'self.task.grade("step3", "table")',
    'getattr(task, "grade")("step3", "table")',
    'task.grade("step3", "table").passed',
    'result = task.grade("step3", "table")',
    'print(task.grade("step3", "table"))',
    'import os',
    'x = 1',
    'task',
    '"step3"',
    'del task',
])
def test_anything_else_is_unjudgeable_and_quoted(line):
    with pytest.raises(UnjudgeableCell) as raised:
        read_directives(f'task.require("step3", "table")\n{line}\n')
    assert str(raised.value) == line
    assert isinstance(raised.value, ValueError)


def test_a_compound_statement_is_quoted_whole():
    source = 'if True:\n    task.grade("step3", "table")\n'
    with pytest.raises(UnjudgeableCell) as raised:
        read_directives(source)
    assert str(raised.value) == source.rstrip("\n")


def test_a_multi_line_assert_is_quoted_whole():
    source = 'assert (\n    table is not None\n), "表格"\n'
    with pytest.raises(UnjudgeableCell) as raised:
        read_directives(source)
    assert str(raised.value) == source.rstrip("\n")


def test_second_statement_on_a_line_is_quoted():
    with pytest.raises(UnjudgeableCell) as raised:
        read_directives('task.grade("step3", "table"); import os\n')
    assert str(raised.value) == "import os"


def test_an_empty_cell_is_unjudgeable():
    for source in ("", "\n\n", "# only a comment\n### BEGIN HIDDEN TESTS\n### END HIDDEN TESTS\n"):
        with pytest.raises(UnjudgeableCell, match=r"task\.grade"):
            read_directives(source)


def test_a_syntax_error_is_unjudgeable_with_its_line():
    with pytest.raises(UnjudgeableCell, match=r"^line 2: "):
        read_directives('task.require("step3", "table")\ntask.grade("step3", "table"\n')


def test_ipython_magic_is_unjudgeable():
    with pytest.raises(UnjudgeableCell, match=r"^line 1: "):
        read_directives('%time task.grade("step3", "table")\n')


def test_directives_are_plain_frozen_data():
    directive = Directive("grade", "step3", ("table",))
    with pytest.raises(AttributeError):
        directive.step = "step4"
    assert json.loads(json.dumps(directive.__dict__, default=list)) == {
        "method": "grade", "step": "step3", "names": ["table"]}


@pytest.mark.parametrize("source, self_check", [
    ('# 自查 / self-check\ntask.check("step3", table)', True),
    ('task.check("step2", n_customers, total_revenue, n_missing)\ntask.check("step3", table)', True),
    ('task.check("step3", table)\ntable = None', False),
    ('print(task.check("step3", table))', False),
    ('other.check("step3", table)', False),
    ("# only a comment", False),
    ("task.check(", False),
])
def test_self_check_cells(source, self_check):
    assert is_self_check(source) is self_check
