"""The textbook scenario end to end: table 3-8 (xlsx, csv), charts (png), printed table.

``python -m logicrm_edu.demo [OUTPUT_DIR]`` (``make demo`` runs it).
"""
from __future__ import annotations

import sys
from pathlib import Path

import matplotlib
import pandas as pd

from . import columns
from .charts import pareto_chart, tier_chart
from .datasets import load_dataset
from .i18n import get_language, t
from .shares import share_table
from .tiering import straddling_ties, tier_customers, tier_summary

CUTS = (80, 95)


def display_table(table):
    """A copy with percentages rounded to one decimal, for printing (data stay exact)."""
    shown = table.copy()
    for col in shown.columns:
        if str(col).endswith("(%)"):
            shown[col] = shown[col].round(1)
    return shown


def run(out_dir: Path, lang: str | None = None) -> dict[str, Path]:
    matplotlib.use("Agg")
    lang = lang or get_language()
    out_dir.mkdir(parents=True, exist_ok=True)
    table = tier_customers(share_table(load_dataset("changhai", lang=lang), lang=lang), cuts=CUTS)
    summary = tier_summary(table)
    paths = {
        "xlsx": out_dir / "table_3_8.xlsx",
        "csv": out_dir / "table_3_8.csv",
        "pareto": out_dir / "pareto_chart.png",
        "tiers": out_dir / "tier_summary.png",
    }
    flat = table.astype({columns.name("tier", lang): str})
    with pd.ExcelWriter(paths["xlsx"], engine="openpyxl") as writer:
        flat.to_excel(writer, sheet_name="表3-8" if lang == "zh" else "table 3-8", index=False)
        summary.to_excel(writer, sheet_name="分层汇总" if lang == "zh" else "summary", index=False)
    flat.to_csv(paths["csv"], index=False, encoding="utf-8-sig")  # BOM: Excel opens it as UTF-8
    pareto_chart(table).figure.savefig(paths["pareto"], dpi=120)
    tier_chart(table).figure.savefig(paths["tiers"], dpi=120)

    print(t("demo.heading", lang, cuts="/".join(map(str, CUTS))))
    print(display_table(table).to_string())
    print()
    print(display_table(summary).to_string(index=False))
    print()
    ties = straddling_ties(table)
    if len(ties):
        key, value = table.attrs["logicrm"]["key"], table.attrs["logicrm"]["value"]
        for amount, group in ties.groupby(value, sort=False):
            print(t("demo.tie_note", lang, customers="、".join(map(str, group[key])), value=amount,
                    order="/".join(group[columns.name("tier_in_order", lang)]),
                    given=group[columns.name("tier", lang)].iloc[0]))
        print()
    for path in paths.values():
        print(t("demo.wrote", lang, path=path))
    return paths


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    run(Path(argv[0]) if argv else Path("demo-output"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
