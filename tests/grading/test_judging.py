"""grading.judging: a test cell's verdicts become nbgrader's outputs and the kept record.

Points are worked by hand: a 2-point cell whose chart earns bars (1) and line (1) of
bars 1, line 1, classes 0.5, labels 0.5 earns 2 × 2/3 = 1.3333.
"""
from nbgrader.utils import determine_grade
from nbformat.v4 import new_code_cell

from logicrm_edu.checks import Part, Verdict
from logicrm_edu.grading.judging import CellJudgement, hardcoded_verdict, typed_in

RIGHT = Verdict("step3", True, None, {"n": 14})
WRONG = Verdict("step3", False, "checks.sorted_ascending", {"column": "营业收入"})
FOLLOWED = Verdict("step4", True, None, {"scheme": "80/95", "counts": "A 4、B 6、C 4"},
                   follow_through=True)
CHART = Verdict("step5", False, "checks.chart_no_classes", {"labels": "A/B/C", "parts": ""}, parts=(
    Part("bars", 1 / 3, True), Part("line", 1 / 3, True),
    Part("classes", 1 / 6, False, "checks.chart_no_classes"), Part("labels", 1 / 6, False)))


def nbgrader_score(judgement: CellJudgement) -> float:
    """What nbgrader's SaveAutoGrades gives the cell for these outputs."""
    cell = new_code_cell("task.grade(...)", metadata={"nbgrader": {
        "grade": True, "solution": False, "points": judgement.points, "grade_id": "x"}})
    cell.outputs = judgement.outputs()
    score, _ = determine_grade(cell)
    return score


def test_a_right_cell_scores_full_points_with_no_error():
    judgement = CellJudgement("step3_test", 2, [RIGHT])
    assert judgement.outputs() == [] and nbgrader_score(judgement) == 2


def test_a_wrong_cell_scores_zero_and_its_error_is_the_hint():
    judgement = CellJudgement("step3_test", 2, [WRONG])
    [error] = judgement.outputs()
    assert error.output_type == "error" and error.evalue == WRONG.message()
    assert error.traceback == [str(WRONG)] and nbgrader_score(judgement) == 0


def test_the_first_verdict_not_fully_right_decides_the_cell():
    judgement = CellJudgement("step3_hidden", 2, [RIGHT, WRONG, CHART])
    assert judgement.outcome() is WRONG and judgement.earned() == 0


def test_a_step_with_parts_scores_the_parts_it_earned():
    judgement = CellJudgement("step5_hidden", 2, [CHART])
    text, result = judgement.outputs()
    assert text.text.startswith("【部分正确】")
    assert result.data["text/plain"] == "1.3333" and nbgrader_score(judgement) == 1.3333


def test_follow_through_earns_full_points_and_says_so_once():
    judgement = CellJudgement("step4_test", 1, [FOLLOWED, FOLLOWED])
    [note] = judgement.outputs()
    assert note.output_type == "stream" and note.text.startswith("【正确】")
    assert nbgrader_score(judgement) == 1
    assert judgement.record()["follow_through"] is True


def test_the_record_keeps_the_deciding_verdict():
    judgement = CellJudgement("step3_hidden", 2, [WRONG], hidden=True)
    assert judgement.record() == {
        "step": "step3", "data": "variant", "points": 2, "score": 0.0, "passed": False,
        "mistake": "checks.sorted_ascending", "follow_through": False, "hardcoded": False}
    assert CellJudgement("step2_test", 1).record()["step"] is None  # nothing judged


def test_answers_that_did_not_change_with_the_data_were_typed_in():
    same = {"table": '{"rows": [[4, 740]]}'}
    other = {"table": '{"rows": [[4, 612]]}'}
    unseen_wrong = Verdict("step3", False, "checks.wrong_share")
    assert typed_in(same, dict(same), ["table"], RIGHT, unseen_wrong)
    # followed the data: computed, even if wrong on the other data
    assert not typed_in(same, other, ["table"], RIGHT, unseen_wrong)
    # wrong on the handed data already: a mistake, not typed-in numbers
    assert not typed_in(same, dict(same), ["table"], WRONG, unseen_wrong)
    # right on the other data on its own merits (an answer the data does not change)
    assert not typed_in(same, dict(same), ["table"], RIGHT, RIGHT)
    # right there only by following earlier answers that did not change either
    assert typed_in(same, dict(same), ["table"], RIGHT, FOLLOWED)


def test_typed_in_answers_have_their_own_message():
    verdict = hardcoded_verdict("step3")
    assert verdict.mistake == "checks.hardcoded" and not verdict.passed and verdict.score == 0
    assert "手工写进代码" in verdict.message("zh") and "typed" in verdict.message("en")


def test_a_hidden_cell_that_finds_the_same_mistake_says_so_in_one_line():
    visible = CellJudgement("step3_test", 2, [WRONG])
    hidden = CellJudgement("step3_hidden", 2, [Verdict(
        "step3", False, "checks.sorted_ascending", {"column": "营业收入"})])
    assert hidden.same_outcome(visible)
    hidden.repeats = True
    [error] = hidden.outputs()
    assert error.traceback == ["【需要修改】 与上面第 3 步的测试结果相同，见那里的说明。"]
    assert nbgrader_score(hidden) == 0
    chart = CellJudgement("step5_hidden", 2, [CHART], repeats=True)
    assert [o.output_type for o in chart.outputs()] == ["stream", "execute_result"]
    assert nbgrader_score(chart) == 1.3333
    # a different outcome is told in full
    assert not CellJudgement("step3_hidden", 2, [RIGHT]).same_outcome(visible)
    assert not CellJudgement("step4_test", 1, [FOLLOWED]).same_outcome(visible)
