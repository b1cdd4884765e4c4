"""Step 3: the IPA chart's points and lines, and the fix-first dimensions."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from logicrm_edu.checks.satisfaction_churn import check_ipa  # noqa: E402

SAT = {"准时": 22 / 6, "价格": 3.0, "服务态度": 2.0}
IMP = {"准时": 4.75, "价格": 2.5, "服务态度": 4.5}


def ipa_chart(sat=SAT, lines=None, labels=True):
    fig, ax = plt.subplots()
    ax.scatter(list(sat.values()), [IMP[d] for d in sat])
    if labels:
        for d in sat:
            ax.annotate(d, (sat[d], IMP[d]), xytext=(3, 3), textcoords="offset points")
    x, y = lines or (sum(sat.values()) / 3, sum(IMP.values()) / 3)
    ax.axvline(x)
    ax.axhline(y)
    return ax


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_right_chart_and_list_pass(small):
    verdict = check_ipa(ipa_chart(), ["服务态度"], small)
    assert verdict.passed, verdict.message("en")


def test_axes_the_other_way_round_pass(small):
    fig, ax = plt.subplots()
    ax.plot([IMP[d] for d in SAT], list(SAT.values()), "o")
    ax.axvline(11.75 / 3)
    ax.axhline(26 / 9)
    assert check_ipa(ax, "服务态度", small).passed


def test_lines_at_3(small):
    verdict = check_ipa(ipa_chart(lines=(3, 3)), ["服务态度"], small)
    assert verdict.mistake == "churn.quadrant_lines_at_3" and verdict.score == pytest.approx(0.75)


def test_fix_first_low_low(small):
    # no dimension is low on both here: an empty list is what low/low gives
    verdict = check_ipa(ipa_chart(), [], small)
    assert verdict.mistake == "churn.fix_first_low_low"


def test_wrong_fix_first_names_what_was_given(small):
    verdict = check_ipa(ipa_chart(), ["准时"], small)
    assert verdict.mistake == "churn.fix_first_wrong" and "准时" in verdict.message("zh")


def test_unlabelled_scatter_has_no_readable_points(small):
    verdict = check_ipa(ipa_chart(labels=False), ["服务态度"], small)
    assert verdict.mistake == "churn.ipa_points_missing" and verdict.score == pytest.approx(0.5)


def test_follows_the_students_own_means(small):
    own = {"准时": 3.5, "价格": 3.0, "服务态度": 1.75}     # blanks as 0 in step 2
    survey = pd.DataFrame({"平均分": own})
    verdict = check_ipa(ipa_chart(sat=own), ["服务态度"], small, own_survey=survey)
    assert verdict.passed and verdict.follow_through
    assert not check_ipa(ipa_chart(sat=own), ["服务态度"], small).passed


def test_not_a_chart(small):
    verdict = check_ipa("图", ["服务态度"], small)
    assert not verdict.passed and verdict.score == pytest.approx(0.25)
