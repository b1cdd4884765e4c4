"""A freight forwarder small enough to work every figure out by hand.

Satisfaction (blank = None, out of range: 6 and 0):
  准时     5 4 . 2 6 3 4 4   valid 5,4,2,3,4,4: mean 22/6 = 3.667, satisfied 4/6 = 66.67 %
  价格     4 4 2 2 3 5 3 1   mean 24/8 = 3.0, satisfied 3/8 = 37.5 %
  服务态度 2 2 3 2 1 2 0 2   valid 7: mean 14/7 = 2.0, satisfied 0 %
Importance: 准时 38/8 = 4.75, 价格 20/8 = 2.5, 服务态度 36/8 = 4.5.
Weights 50/30/20: index = 0.5 × 11/3 + 0.3 × 3 + 0.2 × 2 = 3.1333.
IPA lines: satisfaction 26/9 = 2.889, importance 11.75/3 = 3.917: 服务态度 is "fix first".
Lists: K1..K7 and K8 last year (7), K3, K5, K7 lost, K6 new: kept 4 of 7 = 57.14 %.
"""
import pandas as pd
import pytest

WEIGHTS = {"准时": 50, "价格": 30, "服务态度": 20}
COSTS = {"acquire": 3.5, "keep": 0.5}


@pytest.fixture
def small() -> pd.DataFrame:
    return pd.DataFrame({
        "客户": ["K1", "K2", "K3", "K4", "K5", "K6", "K7", "K8"],
        "航线": ["欧地线", "美加线", "欧地线", "东南亚线", "美加线", "欧地线", "欧地线", "其他"],
        "客户等级": ["VIP客户", "一般客户", "小客户", "小客户", "小客户", "小客户", "小客户", "小客户"],
        "出口量(TEU)": [500, 200, 100, 100, 100, 30, 50, 60],
        "去年在册": ["是", "是", "是", "是", "是", "否", "是", "是"],
        "今年在册": ["是", "是", "否", "是", "否", "是", "否", "是"],
        "流失原因": [None, None, "价格偏高", None, "服务不达要求", None, "服务不达要求", None],
        "满意度_准时": [5, 4, None, 2, 6, 3, 4, 4],
        "满意度_价格": [4, 4, 2, 2, 3, 5, 3, 1],
        "满意度_服务态度": [2, 2, 3, 2, 1, 2, 0, 2],
        "重要性_准时": [5, 5, 5, 4, 5, 4, 5, 5],
        "重要性_价格": [2, 3, 2, 3, 3, 2, 3, 2],
        "重要性_服务态度": [5, 4, 5, 5, 4, 5, 4, 4],
    })
