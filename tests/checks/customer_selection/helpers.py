"""The class dataset, the default rule, and hand-worked answers to build tables from."""
import pandas as pd

from logicrm_edu.checks.customer_selection import SelectionRule
from logicrm_edu.grading.answers import roundtrip
from logicrm_edu.prospects import CREDIT_POINTS, load_prospects
from logicrm_edu.scoring import weighted_scores

RULE = SelectionRule()
DATA = load_prospects()
WEIGHTS = {"月均件量": 40, "单件收入": 15, "信用等级": 20, "经营年限": 10, "距离": 15}
# Worked by hand from the default rule: places 1-6 are P01, P10 = P11 (tied), P12 (差),
# P03, P04; 22 x 5 % = 1.1 -> 2 key places, 22 x 20 % = 4.4 -> 5 places in the top.
RIGHT = {"P01": "关键客户", "P10": "关键客户", "P11": "关键客户", "P12": "不开发",
         "P03": "主要客户", "P16": "不开发"}
ORDER = ["P01", "P10", "P11", "P12", "P03", "P04", "P02", "P07", "P14", "P08", "P20", "P05",
         "P18", "P15", "P22", "P06", "P21", "P17", "P09", "P13", "P16", "P19"]


def scored(scale=1, **options) -> pd.DataFrame:
    """The right step-3 table (the library's, checked against hand-worked values elsewhere)."""
    table = weighted_scores(DATA, WEIGHTS, lower_better=("距离",),
                            points={"信用等级": CREDIT_POINTS}, scale=scale, **options)
    return roundtrip(table)


def classes(changes=None) -> pd.DataFrame:
    """A step-4 table: the right classes with ``changes`` (id -> class)."""
    labels = {c: RIGHT.get(c, "大众客户") for c in ORDER} | (changes or {})
    return roundtrip(pd.DataFrame({"客户": ORDER, "类别": [labels[c] for c in ORDER]}))
