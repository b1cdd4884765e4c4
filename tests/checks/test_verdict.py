"""Verdict as plain data and its text."""
import json

import pytest

from logicrm_edu import set_language
from logicrm_edu.checks import Part, Phrase, Verdict
from logicrm_edu.checks.verdict import Mistake, judged, number_text


def test_passed_verdict_text():
    v = Verdict("step2", True, None, {"n": 14, "total": 2000.0, "missing": 0, "column": "营业收入"})
    assert str(v) == "【正确】 数据审核正确：共 14 位客户，营业收入合计 2000，缺失 0 个。"
    assert v.message("en").startswith("Audit correct: 14 customers")
    assert v.hint() is None


def test_failed_verdict_what_and_hint():
    v = Verdict("step3", False, "checks.sorted_ascending", {"column": "营业收入"})
    assert str(v) == ("【需要修改】 客户是按营业收入从低到高（升序）排的 — ABC 分层要从大客户开始："
                      "sort_values(\"营业收入\", ascending=False)。")
    assert v.message("en").startswith("the customers are sorted by 营业收入 from low to high")
    set_language("en")
    assert str(v).startswith("[Needs work] the customers are sorted")


def test_fields_rendered_per_language():
    v = Verdict("step4", False, "checks.tie_rule", {
        "customers": [10, 12], "value": 40.0, "column": "营业收入", "classes": ["B", "C"],
        "used": Phrase("checks.rule.ties.order"), "required": Phrase("checks.rule.ties.same")})
    assert "10、12" in v.message("zh") and "（order）" in v.message("zh")
    assert "10, 12" in v.message("en") and "share the higher class (same)" in v.message("en")


def test_long_lists_are_cut():
    v = Verdict("step3", False, "checks.missing_customers",
                {"customers": list(range(1, 21)), "count": 20, "n": 30})
    assert "1、2、3、4、5、6、7、8…" in v.message("zh")


@pytest.mark.parametrize("x,text", [(37.0, "37"), (3.4, "3.4"), (100 / 3, "33.33"),
                                    (0.005, "0.005"), (2000, "2000"), (270.27027, "270.27")])
def test_number_text(x, text):
    assert number_text(x) == text


def test_rich_reprs_and_dict():
    v = Verdict("step3", False, "checks.share_as_fraction",
                {"column": "比重(%)",
                 "example": Phrase("checks.example", {"got": 0.37, "expected": 37.0})})
    assert "【需要修改】" in v._repr_markdown_()
    html = v._repr_html_()
    assert "<b>" in html and "0.37" in html and "&lt;" not in v.message()
    d = v.as_dict()
    assert d["mistake"] == "checks.share_as_fraction" and set(d["message"]) == {"zh", "en"}
    json.dumps(d, ensure_ascii=False)


def test_marks_are_words_not_emoji():
    # school PCs without an emoji font show ✅/❌ as empty boxes
    ok, bad = Verdict("step5", True, None, {"n": 14}), Verdict("step5", False, "checks.chart_empty")
    part = Verdict("step5", False, "checks.chart_empty",
                   parts=(Part("bars", 0.5, True), Part("line", 0.5, False, "checks.chart_empty")))
    assert str(ok).startswith("【正确】") and str(bad).startswith("【需要修改】")
    assert str(part).startswith("【部分正确】") and part.score == 0.5
    assert ok.mark("en") == "[Right]" and "【正确】" in ok._repr_html_()
    for text in (str(ok), str(bad), str(part), ok._repr_html_(), bad._repr_html_()):
        assert not any(ord(ch) >= 0x1F000 or 0x2700 <= ord(ch) < 0x27C0 for ch in text), text


def test_judged_turns_mistakes_and_crashes_into_verdicts():
    @judged("step3")
    def check(x):
        if x == 1:
            raise Mistake("checks.empty_table")
        if x == 2:
            raise RuntimeError("boom")
        return Verdict("step3", True, None, {"n": 1})

    assert check(1).mistake == "checks.empty_table"
    crashed = check(2)
    assert crashed.mistake == "checks.could_not_check" and "RuntimeError: boom" in crashed.message()
    assert check(3).passed


def test_teacher_errors_are_raised(changhai):
    from logicrm_edu import DataError
    from logicrm_edu.checks import check_share_table
    with pytest.raises(DataError):
        check_share_table(changhai, changhai, value="利润")
