"""A step whose code stopped is blamed for its failed checks, not a content mistake."""
from nbformat import NotebookNode

from logicrm_edu.checks import Verdict
from logicrm_edu.checks.verdict import Part
from logicrm_edu.grading.stopped_code import StoppedCode, stopped


def _cell(*enames):
    return NotebookNode(outputs=[NotebookNode(output_type="stream", text="hello")] + [
        NotebookNode(output_type="error", ename=e, evalue="") for e in enames])


def _notebook(stopping: dict[int, str], *, second_run=False) -> StoppedCode:
    """Cells 0-1 step 2's code, 2 its test; 3 step 3's code, 4-5 its tests; 6 step 4's code,
    7 its test; ``stopping``: cell → the error it ends with."""
    code = StoppedCode(second_run=second_run)
    steps = {2: "step2", 4: "step3", 5: "step3", 7: "step4"}
    for index in range(8):
        if index in steps:
            code.judging(index, steps[index])
        else:
            code.ran(index, _cell(*([stopping[index]] if index in stopping else [])))
    return code


def test_only_errors_other_than_the_unanswered_stub_count():
    assert stopped(_cell("KeyError"))
    assert stopped(_cell("CellTimeoutError"))
    assert not stopped(_cell())
    assert not stopped(_cell("NotImplementedError"))


def test_the_stopped_step_is_named_and_later_steps_are_sent_there():
    code = _notebook({3: "KeyError", 6: "NameError"})
    own = code.blame(Verdict("step3", False, "checks.missing_column", {"column": "比重"}))
    assert (own.mistake, own.fields) == ("grading.answer_cell_failed", {"step": "3"})
    later = code.blame(Verdict("step4", False, "checks.missing_column", {"column": "类别"}))
    assert (later.mistake, later.fields) == ("grading.answer_cell_failed.after",
                                             {"step": "4", "earlier": "3"})
    assert "先改正第 3 步" in later.hint("zh") and "step 3" in later.hint("en")


def test_a_later_step_that_ran_is_blamed_only_for_missing_answers():
    code = _notebook({1: "KeyError"})
    missing = code.blame(Verdict("step4", False, "task.undefined", {"name": "tiered"}))
    assert (missing.mistake, missing.fields) == ("grading.earlier_cell_failed",
                                                 {"step": "4", "earlier": "2"})
    wrong = Verdict("step4", False, "checks.tiers_wrong_class", {})
    assert code.blame(wrong) is wrong


def test_points_stay_and_passes_and_dead_kernels_are_kept():
    code = _notebook({6: "CellTimeoutError"})
    parted = Verdict("step4", False, "checks.chart_no_line", {},
                     parts=(Part("bars", 0.25, True), Part("line", 0.75, False, "checks.chart_no_line")))
    blamed = code.blame(parted)
    assert blamed.mistake == "grading.answer_cell_failed" and blamed.score == 0.25
    right = Verdict("step4", True)
    assert code.blame(right) is right
    died = Verdict("step4", False, "grading.kernel_died")
    assert code.blame(died) is died
    untouched = Verdict("step3", False, "checks.sorted_ascending")
    assert code.blame(untouched) is untouched


def test_on_the_second_run_the_cause_is_the_other_data():
    code = _notebook({3: "ZeroDivisionError"}, second_run=True)
    assert code.blame(Verdict("step3", False, "checks.wrong_total")).mistake == \
        "grading.second_run_stopped"
