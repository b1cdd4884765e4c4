"""Student-style answers and assertions shared by the checks tests."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pandas as pd

from logicrm_edu.checks import Verdict
from logicrm_edu.submissions import STUB

SOURCE = Path(__file__).parents[2] / "course" / "source" / "abc_tiering"

# A word (zh) each mistake's message must contain, so the message names the mistake.
NAMES = {
    "checks.no_answer": "None",
    "checks.hardcoded": "手工写进代码",
    "checks.not_a_table": "不是一张表格",
    "checks.empty_table": "空的",
    "checks.missing_column": "找不到",
    "checks.missing_customers": "少了",
    "checks.extra_customers": "多出了",
    "checks.duplicate_customers": "不止一次",
    "checks.not_numbers": "不是数字",
    "checks.blank_cells": "空格",
    "checks.values_changed": "原始数据",
    "checks.sorted_ascending": "升序",
    "checks.not_sorted": "没有按",
    "checks.share_as_fraction": "小数",
    "checks.rounded_too_coarse": "整数",
    "checks.wrong_denominator": "除错了数",
    "checks.wrong_share": "应该是",
    "checks.cumulative_unsorted": "排序之前",
    "checks.not_accumulated": "没有累加",
    "checks.wrong_cumulative": "应该是",
    "checks.rounding_before_cumsum": "取整后的比重再累加",
    "checks.cumulative_not_100": "没有到 100",
    "checks.wrong_cumulative_share": "应该是",
    "checks.audit_no_answer": "还没有填写",
    "checks.audit_not_number": "一个数字",
    "checks.count_is_columns": "列数",
    "checks.count_skips_missing": "为空的客户",
    "checks.count_off_by_one": "差了 1 位",
    "checks.wrong_count": "客户数",
    "checks.total_is_mean": "平均值",
    "checks.total_of_wrong_column": "列的合计",
    "checks.wrong_total": "合计",
    "checks.missing_counted_present": "有值的格子",
    "checks.wrong_missing": "缺失值个数",
    "checks.unknown_labels": "不认识的类别",
    "checks.labels_reversed": "颠倒",
    "checks.boundary_rule": "跨过分界线",
    "checks.tie_rule": "并列客户",
    "checks.tiers_unsorted": "没有排序",
    "checks.tiers_from_wrong_table": "第 3 步算错的",
    "checks.wrong_cuts": "分界点用错了",
    "checks.wrong_scheme": "分层方法用错了",
    "checks.wrong_tiers": "应为",
    "checks.chart_not_returned": "没有拿到你的图",
    "checks.not_a_chart": "不是图",
    "checks.chart_empty": "图是空的",
    "checks.chart_no_bars": "没有柱形",
    "checks.chart_bar_count": "根柱子",
    "checks.chart_unsorted": "从高到低排列",
    "checks.chart_cumulative_unsorted": "排序之前累计",
    "checks.chart_bar_heights": "根柱子高",
    "checks.chart_no_line": "没有累计比重折线",
    "checks.chart_line_fraction": "0–1 的小数",
    "checks.chart_line_not_100": "没有到 100%",
    "checks.chart_line_wrong": "个点是",
    "checks.chart_line_running_total": "不是累计比重",
    "checks.chart_line_same_axis": "共用一根纵轴",
    "checks.chart_line_shifted": "没有对齐",
    "checks.chart_line_axis_range": "纵轴只显示",
    "checks.chart_missing_labels": "缺少",
    "checks.chart_no_classes": "看不到客户的类别",
    "checks.chart_wrong_classes": "标成了",
    "checks.chart_classes_no_legend": "没有图例",
    "checks.chart_not_from_table": "分层表对不上",
    "checks.chart_line_percent_scale": "百分比刻度",
    "checks.unknown_step": "没有名为",
    "checks.could_not_check": "无法自动检查",
    "checks.answer_too_big": "太大",
    "checks.answer_unreadable": "无法读取",
}


def assert_ok(verdict: Verdict) -> None:
    assert isinstance(verdict, Verdict)
    assert verdict.passed, str(verdict)
    assert verdict.mistake is None
    for lang in ("zh", "en"):
        assert verdict.message(lang).strip()
    assert str(verdict).startswith("【正确】")


def assert_mistake(verdict: Verdict, key: str, *words: str) -> Verdict:
    """The verdict fails with ``key``; both messages render, name the mistake and give a hint."""
    assert isinstance(verdict, Verdict)
    assert not verdict.passed, f"expected {key}, but it passed: {verdict}"
    assert verdict.mistake == key, f"expected {key}, got {verdict.mistake}: {verdict}"
    zh, en = verdict.message("zh"), verdict.message("en")
    assert " — " in zh and " — " in en
    assert all(part.strip() for part in zh.split(" — ") + en.split(" — "))
    assert NAMES[key] in zh, zh
    for word in words:
        assert word in zh, f"{word!r} not in {zh!r}"
    assert str(verdict).startswith(("【需要修改】", "【部分正确】"))
    return verdict


def pandas_style(df: pd.DataFrame, value="营业收入") -> pd.DataFrame:
    """How a student writes table 3-8 with pandas, floats and all."""
    t = df.sort_values(value, ascending=False).reset_index(drop=True)
    t["比重(%)"] = t[value] / t[value].sum() * 100
    t["累计" + value] = t[value].cumsum()
    t["累计比重(%)"] = t["累计" + value] / t[value].sum() * 100
    return t


def loop_style(df: pd.DataFrame, key="客户", value="营业收入") -> pd.DataFrame:
    """A plain Python loop, rounding to one decimal only at the end, textbook headings."""
    rows = sorted(zip(df[key], df[value]), key=lambda r: -r[1])
    total = sum(v for _, v in rows)
    out, running = [], 0
    for customer, v in rows:
        running += v
        out.append({"客户": customer, "营业收入": v,
                    "占营业收入总额比重（%）": round(v / total * 100, 1),
                    "累计营业收入（万元）": running,
                    "累计占营业收入总额比重（%）": round(running / total * 100, 1)})
    return pd.DataFrame(out, index=range(1, len(out) + 1))


# -- the styles kits' notebooks, run without the grader --------------------------------------

def stub_release():
    """The release notebook: the source with every solution replaced by the stub."""
    nb = nbformat.read(SOURCE / "abc_tiering.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.get("metadata", {}).get("nbgrader", {}).get("solution"):
            head, _, rest = cell.source.partition("### BEGIN SOLUTION")
            _, _, tail = rest.partition("### END SOLUTION")
            cell.source = head + STUB + tail
    return nb


def run_answers(notebook, steps, monkeypatch) -> dict:
    """The namespace after the settings cell and the answer cells ``steps`` have run, in
    the notebook's folder (beside customers.xlsx)."""
    cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source for c in notebook.cells}
    monkeypatch.chdir(SOURCE)
    namespace = {"__name__": "__main__"}
    for grade_id in ("teacher_settings", *steps):
        exec(compile(cells[grade_id], grade_id, "exec"), namespace)
    return namespace


def faithful_chart(table: pd.DataFrame, ylabel: str = "营业收入（万元）"):
    """The Pareto chart a careful student draws from ``table`` (their own, right or not):
    bars in the table's order labelled customer and class, the cumulative share on a twin
    axis; returns the bars' axes."""
    import matplotlib.pyplot as plt

    _, ax = plt.subplots()
    x = list(range(len(table)))
    ax.bar(x, table["营业收入"])
    ax.set_xticks(x, [f"{c}\n{k}" for c, k in zip(table["客户"], table["类别"])])
    line = ax.twinx()
    line.plot(x, table["累计比重(%)"], marker="o")
    line.set_ylim(0, 105)
    ax.set(title="客户分层图", xlabel="客户", ylabel=ylabel)
    line.set_ylabel("累计比重(%)")
    return ax
