"""A teacher's tiering report: table 3-8 (xlsx, csv), charts (png) and a printed summary.

``write_tier_report(df, out_dir)`` tiers any customer table (the textbook data,
or a teacher's own spreadsheet read with :func:`read_customers`) and writes:

- ``table_3_8.xlsx``: sheet 表3-8 (the sorted share table with classes) and 分层汇总;
- ``table_3_8.csv``: the same table, UTF-8 with BOM so Excel/WPS open it correctly;
- ``pareto_chart.png`` and ``tier_summary.png``.

``logicrm tier FILE`` is the command-line form.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from . import columns
from .charts import pareto_chart, tier_chart
from .fonts import use_chinese_font
from .i18n import resolve, t
from .shares import share_table
from .spreadsheets import collected_notes
from .tiering import straddling_ties, tier_customers, tier_summary


def display_table(table: pd.DataFrame) -> pd.DataFrame:
    """A copy with percentages rounded to one decimal, for printing (data stay exact)."""
    shown = table.copy()
    for col in shown.columns:
        if str(col).endswith("(%)"):
            shown[col] = shown[col].round(1)
    return shown


def write_tier_report(df: pd.DataFrame, out_dir, *, value: str | None = None,
                      key: str | None = None, lang: str | None = None, echo=print,
                      **scheme) -> dict[str, Path]:
    """Tier ``df`` with ``scheme`` (tier_customers' options; default cuts 80/95) and write
    the report files into ``out_dir``; print the table, summary and tie notes with ``echo``.

    The charts are drawn on their own :class:`~matplotlib.figure.Figure`, so a running
    notebook keeps its matplotlib backend and no figure is left open.  Nothing is
    written when the data or the scheme is wrong.
    """
    lang = resolve(lang)
    out_dir = Path(out_dir)
    with collected_notes() as notes:  # e.g. fractions read as percentages
        table = tier_customers(share_table(df, value=value, key=key, lang=lang), **scheme)
    summary = tier_summary(table)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {
        "xlsx": out_dir / "table_3_8.xlsx",
        "csv": out_dir / "table_3_8.csv",
        "pareto": out_dir / "pareto_chart.png",
        "tiers": out_dir / "tier_summary.png",
    }
    meta = table.attrs["logicrm"]
    flat = table.astype({meta["tier"]: str})
    with pd.ExcelWriter(paths["xlsx"], engine="openpyxl") as writer:
        flat.to_excel(writer, sheet_name=t("report.table_sheet", lang), index=False)
        summary.to_excel(writer, sheet_name=t("report.summary_sheet", lang), index=False)
    flat.to_csv(paths["csv"], index=False, encoding="utf-8-sig")  # BOM: Excel opens it as UTF-8
    use_chinese_font()  # before the figures exist: their texts take the font when made
    width = max(6.0, min(0.5 * len(table) + 3, 14))  # as pareto_chart sizes its own figure
    pareto_chart(table, ax=Figure(figsize=(width, 4.8), layout="constrained").subplots()) \
        .figure.savefig(paths["pareto"], dpi=120)
    tier_chart(table, ax=Figure(figsize=(6.4, 4.2), layout="constrained").subplots()) \
        .figure.savefig(paths["tiers"], dpi=120)

    echo(t("report.heading", lang, cuts="/".join(map(str, meta["cuts"]))))
    for note in notes:
        echo(str(note))
    echo(display_table(table).to_string())
    echo("")
    echo(display_table(summary).to_string(index=False))
    echo("")
    ties = straddling_ties(table)
    for amount, group in ties.groupby(meta["value"], sort=False):
        echo(t("report.tie_note", lang, customers="、".join(map(str, group[meta["key"]])),
               value=amount, order="/".join(group[columns.name("tier_in_order", lang)]),
               given=group[meta["tier"]].iloc[0]))
    if len(ties):
        echo("")
    for path in paths.values():
        echo(t("report.wrote", lang, path=path))
    return paths
