"""The teacher's live tiering explorer (ipywidgets) for the lesson notebook.

``tiering_explorer(df)`` shows controls for the indicator, the scheme, the two
cut-offs and the boundary and tie rules; the table, the tier summary and the
Pareto chart update as they change.  All the work happens in
:func:`explore`, a plain function (widget output lives in widget state, so
tests call this instead).
"""
from __future__ import annotations

import ipywidgets as widgets
import pandas as pd
from IPython.display import display
from matplotlib import pyplot as plt

from . import columns
from .charts import pareto_chart
from .i18n import resolve, t
from .shares import share_table
from .tiering import BOUNDARIES, TIES, tier_customers, tier_summary

SCHEMES = ("cumulative", "rank")


def explore(df: pd.DataFrame, *, indicator: str, key: str, by: str = "cumulative",
            cut_a: float = 80, cut_b: float = 95, boundary: str = "le", ties: str = "same",
            lang: str | None = None):
    """按分层探索器的一组设置分类，返回（分好类的表, 各类汇总, 图的坐标轴）。
    (tiered table, tier summary, Axes) for one setting of the explorer's controls.

    这是 :func:`tiering_explorer` 每次调整控件后做的计算，不需要 Jupyter
    也能调用。亏损（负数）按 0 计算。

    Parameters
    ----------
    df : pandas.DataFrame
        客户表，每行一个客户。
    indicator : str
        分类指标：按哪一列的数值分类，如 ``"营业收入"`` 或 ``"利润"``。
    key : str
        客户编号列的列名。
    by : {"cumulative", "rank"}, 默认 ``"cumulative"``
        分层方法：按累计比重，或按客户数比例（前百分之几的客户）。
    cut_a, cut_b : float, 默认 80 和 95
        A/B 分界和 B/C 分界，单位 %。
    boundary : {"le", "lt", "cross"}, 默认 ``"le"``
        正好跨过分界的客户算哪一类（见 :func:`tier_customers`）。
    ties : {"same", "order"}, 默认 ``"same"``
        数值相同的客户是否一定同一类（见 :func:`tier_customers`）。
    lang : {"zh", "en"}, 可选
        列名用中文还是英文。不写时用 :func:`set_language` 选的语言，
        默认中文。

    Returns
    -------
    tuple
        ``(tiered, summary, ax)``：:func:`tier_customers` 的表、
        :func:`tier_summary` 的表和 :func:`pareto_chart` 画好的坐标轴。

    Examples
    --------
    教材数据，分界 80 % / 95 %：A 类 4 个客户（累计 79.5 %），B 类 6 个
    （客户 12 和客户 10 都是 40 万元，一起算 B 类），C 类 4 个。

    >>> from logicrm_edu import load_dataset
    >>> from logicrm_edu.explorer import explore
    >>> tiered, summary, ax = explore(load_dataset(), indicator="营业收入", key="客户")
    >>> "".join(tiered["类别"])
    'AAAABBBBBBCCCC'
    >>> list(summary["客户数"])
    [4, 6, 4]
    """
    data = df[[key, indicator]].copy()
    data[indicator] = pd.to_numeric(data[indicator]).clip(lower=0)  # losses count as 0 here
    tiered = tier_customers(share_table(data, value=indicator, key=key, lang=lang),
                            cuts=(cut_a, cut_b), by=by, boundary=boundary, ties=ties)
    fig, ax = plt.subplots(figsize=(10, 4.2), layout="constrained")
    pareto_chart(tiered, ax=ax)
    return tiered, tier_summary(tiered), ax


def tiering_explorer(df: pd.DataFrame, *, key: str | None = None, indicators=None,
                     lang: str | None = None) -> widgets.Widget:
    """教师课堂用的分层探索器：选指标、方法、分界和规则，马上看到结果。
    The interactive explorer: pick indicator, scheme, cut-offs and rules; see the result.

    每次调整控件，都会重新显示各类汇总、分层图和分好类的表。只在
    Jupyter 里使用。

    Parameters
    ----------
    df : pandas.DataFrame
        客户表，每行一个客户。
    key : str, 可选
        客户编号列的列名。不写时用 ``客户``（或 ``customer``），都没有时用
        第一列。
    indicators : list of str, 可选
        下拉框里可选的分类指标。不写时是除客户编号外所有的数值列。
    lang : {"zh", "en"}, 可选
        控件和列名用中文还是英文。不写时用 :func:`set_language` 选的语言，
        默认中文。

    Returns
    -------
    ipywidgets.Widget
        放在 notebook 单元格最后一行即可显示的控件。

    Examples
    --------
    在 Jupyter 的单元格里运行（控件只能在 Jupyter 里显示）：

    >>> from logicrm_edu import load_dataset
    >>> from logicrm_edu.explorer import tiering_explorer
    >>> tiering_explorer(load_dataset())  # doctest: +SKIP
    """
    lang = resolve(lang)
    key = key or columns.find(df, "customer") or df.columns[0]
    indicators = list(indicators or [c for c in df.columns
                                      if c != key and pd.api.types.is_numeric_dtype(df[c])])
    controls = {
        "indicator": widgets.Dropdown(options=indicators, description=t("explorer.indicator", lang)),
        "by": widgets.ToggleButtons(options=[(t(f"explorer.by_{s}", lang), s) for s in SCHEMES],
                                    description=t("explorer.by", lang)),
        "cut_a": widgets.FloatSlider(value=80, min=1, max=99, step=1,
                                     description=t("explorer.cut_a", lang)),
        "cut_b": widgets.FloatSlider(value=95, min=2, max=100, step=1,
                                     description=t("explorer.cut_b", lang)),
        "boundary": widgets.Dropdown(options=BOUNDARIES, description=t("explorer.boundary", lang)),
        "ties": widgets.Dropdown(options=TIES, description=t("explorer.ties", lang)),
    }
    out = widgets.Output()

    def update(*_):
        values = {name: w.value for name, w in controls.items()}
        with out:
            out.clear_output(wait=True)
            if values["cut_a"] >= values["cut_b"]:
                print(t("explorer.cuts_order", lang))
                return
            tiered, summary, ax = explore(df, key=key, lang=lang, **values)
            display(summary.round(1))
            plt.show()
            display(tiered.round(1))

    for w in controls.values():
        w.observe(update, names="value")
    update()
    return widgets.VBox([widgets.HBox([controls["indicator"], controls["by"]]),
                         widgets.HBox([controls["cut_a"], controls["cut_b"]]),
                         widgets.HBox([controls["boundary"], controls["ties"]]), out])
