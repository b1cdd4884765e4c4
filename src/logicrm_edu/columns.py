"""Column names of the tables the library produces, in Chinese (default) and English.

Students see the textbook's Chinese headings (table 3-8); ``lang="en"`` gives the
same tables with English headings and identical logic.
"""
from __future__ import annotations

from .i18n import resolve

_NAMES = {
    "customer": {"zh": "客户", "en": "customer"},
    "revenue": {"zh": "营业收入", "en": "revenue"},
    "share": {"zh": "比重(%)", "en": "share (%)"},
    "cumulative": {"zh": "累计{value}", "en": "cumulative {value}"},
    "cumulative_share": {"zh": "累计比重(%)", "en": "cumulative share (%)"},
    "tier": {"zh": "类别", "en": "class"},
    "tier_in_order": {"zh": "类别(严格按顺序)", "en": "class (strict order)"},
    "customers": {"zh": "客户数", "en": "customers"},
    "customer_share": {"zh": "客户数比重(%)", "en": "share of customers (%)"},
    "value_share": {"zh": "{value}比重(%)", "en": "share of {value} (%)"},
    "region": {"zh": "区域", "en": "region"},
}


def name(role: str, lang: str | None = None, **fields) -> str:
    """The heading for a column ``role`` (e.g. ``"share"``) in ``lang``."""
    return _NAMES[role][resolve(lang)].format(**fields)


def lang_of(table) -> str:
    """The language a table produced by this library was made in (its attrs, else by headings)."""
    meta = table.attrs.get("logicrm", {})
    if "lang" in meta:
        return meta["lang"]
    return "en" if _NAMES["share"]["en"] in table.columns else "zh"


def find(table, role: str, **fields) -> str | None:
    """The column playing ``role`` in either language (营业收入 or revenue), if any.

    Templated headings need their fields: ``find(t, "cumulative", value="营业收入")``.
    """
    for lang in ("zh", "en"):
        candidate = name(role, lang, **fields)
        if candidate in table.columns:
            return candidate
    return None
