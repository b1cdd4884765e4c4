"""grading.plain_errors: a student's error as one sentence, on errors a real kernel made.

The cells run in a real IPython kernel (nbclient, as nbgrader runs them), with
nbgrader's per-cell timeout; the engine's own outputs for a kernel that died or
a notebook out of time are the ones :mod:`logicrm_edu.grading.execute` writes.
"""
import copy

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook
from nbgrader.preprocessors import Execute
from traitlets.config import Config

from logicrm_edu.grading.execute import DEAD_KERNEL, NOT_RUN, OUT_OF_TIME, error_output
from logicrm_edu.grading.plain_errors import PlainErrors

STUDENT_CELLS = {
    "name": "tabel.head()",
    "key": '{"营业收入": 1}["营业额"]',
    "syntax": "x = 1\nif x > 0\n    print(x)",
    "module": "import seaborn_not_installed",
    "file": 'open("C:/Users/小王/Desktop/customers.xlsx")',
    "memory": "raise MemoryError()",
    "not_done": "# YOUR CODE HERE\nraise NotImplementedError()",
    "other": "1 / 0",
    "timeout": "while True:\n    pass",
}
EXPECTED = {
    "name": ("第 1 个代码单元格用到了还没有定义的名字“tabel”",
             "code cell 1 uses the name “tabel”, which is not defined yet"),
    "key": ("第 2 个代码单元格找不到列或键“营业额”", "code cell 2 cannot find the column or key “营业额”"),
    "syntax": ("第 3 个代码单元格第 2 行有语法错误", "code cell 3 has a syntax error on line 2"),
    "module": ("第 4 个代码单元格导入了不存在的模块“seaborn_not_installed”",
               "code cell 4 imports the module “seaborn_not_installed”"),
    "file": ("第 5 个代码单元格找不到要打开的文件：用 DATA_FILE 读取数据",
             "code cell 5 cannot find the file it opens"),
    "memory": ("第 6 个代码单元格用掉的内存超过了允许的上限", "code cell 6 used more memory than allowed"),
    "not_done": ("第 7 个代码单元格还没有作答", "code cell 7 is not answered yet"),
    "other": ("第 8 个代码单元格运行出错（ZeroDivisionError: division by zero）",
              "code cell 8 stopped with an error (ZeroDivisionError: division by zero)"),
    "timeout": ("第 9 个代码单元格运行超过了 2 秒，被停了下来", "code cell 9 ran longer than 2 s"),
}


@pytest.fixture(scope="module")
def ran():
    """The student cells above, run as nbgrader's Execute runs them (errors kept, a cell
    stopped after 2 s), then made plain."""
    nb = new_notebook(cells=[new_code_cell(code) for code in STUDENT_CELLS.values()])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    raw, _ = Execute(timeout=2, interrupt_on_timeout=True).preprocess(nb, {})
    executed = nbformat.from_dict(copy.deepcopy(raw))
    config = Config()
    config.SandboxedExecute.timeout = 2
    plain, _ = PlainErrors(config=config).preprocess(executed, {})
    return raw, plain


@pytest.mark.parametrize("kind", list(STUDENT_CELLS))
def test_each_error_becomes_one_sentence_in_both_languages(ran, kind):
    raw, plain = ran
    index = list(STUDENT_CELLS).index(kind)
    assert any(o.output_type == "error" for o in raw.cells[index].outputs)  # it really failed
    errors = [o for o in plain.cells[index].outputs if o.output_type == "error"]
    assert len(errors) == 1
    zh, en = errors[0].traceback
    assert zh.startswith(EXPECTED[kind][0]) and en.startswith(EXPECTED[kind][1])
    assert errors[0].evalue == zh and errors[0].ename == ""


def test_a_timeout_is_told_once_though_the_kernel_reports_two_errors(ran):
    raw, plain = ran
    cell = list(STUDENT_CELLS).index("timeout")
    assert {o.ename for o in raw.cells[cell].outputs if o.output_type == "error"} == \
        {"KeyboardInterrupt", "CellTimeoutError"}
    assert len(plain.cells[cell].outputs) == 1


def test_engine_failures_and_answer_cells_are_named_by_step():
    answer = new_code_cell("table = ...", metadata={"nbgrader": {
        "grade_id": "step3_answer", "solution": True, "grade": False, "locked": False}})
    answer.outputs = [error_output(DEAD_KERNEL, "the kernel died")]
    later = new_code_cell("tiered = table.copy()")
    later.outputs = [error_output(NOT_RUN, "not run")]
    slow = new_code_cell("ax = ...")
    slow.outputs = [error_output(OUT_OF_TIME, "out of time")]
    config = Config()
    config.SandboxedExecute.submission_timeout = 120
    nb, _ = PlainErrors(config=config).preprocess(new_notebook(cells=[answer, later, slow]), {})
    assert [c.outputs[0].traceback[0] for c in nb.cells] == [
        "第 3 步的答案单元格运行时程序意外退出（内存用得太多，或代码让程序退出了）：改正这个单元格，"
        "再从上到下运行整个 Notebook。",
        "第 2 个代码单元格没有运行，因为程序在前面的单元格中已经退出：先改正那里。",
        "第 3 个代码单元格没有运行：整份作业的运行时间（120 秒）已经用完。先让前面运行慢的单元格快起来。",
    ]


def test_test_cells_and_other_outputs_are_left_alone():
    test = new_code_cell('task.grade("step3", "table")', metadata={"nbgrader": {
        "grade_id": "step3_test", "grade": True, "solution": False, "locked": True, "points": 2}})
    test.outputs = [error_output("StepFailed", "【需要修改】第 3 步：请按营业收入从高到低排序")]
    printed = new_code_cell("print(1)\n1 / 0")
    printed.outputs = [nbformat.v4.new_output("stream", name="stdout", text="1\n"),
                       error_output("ZeroDivisionError", "division by zero")]
    nb, _ = PlainErrors().preprocess(new_notebook(cells=[test, printed]), {})
    assert nb.cells[0].outputs[0].ename == "StepFailed"
    assert nb.cells[1].outputs[0].text == "1\n"
    assert nb.cells[1].outputs[1].traceback[0].startswith("第 2 个代码单元格运行出错")


def test_a_test_cell_stopped_by_a_late_interrupt_is_told_plainly():
    """On a busy machine the interrupt meant for a slow answer can land in the test cell
    after it: the student sees one sentence, not the KeyboardInterrupt traceback."""
    test = new_code_cell('task.grade("step4", "tiered")', metadata={"nbgrader": {
        "grade_id": "step4_test", "grade": True, "solution": False, "locked": True, "points": 2}})
    test.outputs = [error_output("KeyboardInterrupt", "")]
    test.outputs[0].traceback = ["Traceback (most recent call last)", "KeyboardInterrupt"]
    config = Config()
    config.SandboxedExecute.timeout = 10
    nb, _ = PlainErrors(config=config).preprocess(new_notebook(cells=[test]), {})
    (only,) = nb.cells[0].outputs
    assert only.traceback[0] == ("第 1 个代码单元格运行超过了 10 秒，被停了下来：检查有没有停不下来的循环，"
                                 "或者一次算得太多。")
