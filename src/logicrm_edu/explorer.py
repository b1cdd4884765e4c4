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
    """(tiered table, tier summary, Axes) for one setting of the explorer's controls."""
    data = df[[key, indicator]].copy()
    data[indicator] = pd.to_numeric(data[indicator]).clip(lower=0)  # losses count as 0 here
    tiered = tier_customers(share_table(data, value=indicator, key=key, lang=lang),
                            cuts=(cut_a, cut_b), by=by, boundary=boundary, ties=ties)
    fig, ax = plt.subplots(figsize=(10, 4.2), layout="constrained")
    pareto_chart(tiered, ax=ax)
    return tiered, tier_summary(tiered), ax


def tiering_explorer(df: pd.DataFrame, *, key: str | None = None, indicators=None,
                     lang: str | None = None) -> widgets.Widget:
    """The interactive explorer: pick indicator, scheme, cut-offs and rules; see the result."""
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
