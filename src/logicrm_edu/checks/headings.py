"""Find the columns of a student's table by what they mean, whatever the spelling.

Accepted: the library's Chinese and English headings (:mod:`logicrm_edu.columns`),
full-width or half-width brackets and percent signs, spaces, upper/lower case,
units in the heading ("营业收入(万元)"), and common synonyms (占比, 累计占比,
占营业收入总额比重 as in textbook table 3-8, 分类/等级 for 类别, ...).
"""
from __future__ import annotations

import re
import unicodedata

from .. import columns

# Roles of the columns of a tiering table, in the order they are looked for
# (cumulative share before share, so "累计比重" is never taken for "比重").
ROLES = ("key", "value", "cumulative_share", "cumulative", "share", "tier")

_PUNCT = re.compile(r"[\s_\-()\[\]{}<>【】《》:：/\\.,，、·'\"“”‘’]")
_UNITS = ("万元", "10kyuan", "(万元)", "元", "yuan", "%")
_CUMULATIVE_WORDS = ("累计", "累积", "cumulative", "cum", "running", "accumulated")
_SHARE_WORDS = ("比重", "占比", "比例", "百分比", "share", "percent", "pct", "ratio", "proportion")
_TIER_WORDS = ("类别", "分类", "等级", "类型", "分层", "层级", "class", "tier", "categor", "abc",
               "level", "grade", "segment")
_KEY_WORDS = {"客户", "customer", "客户编号", "customerid", "客户号", "客户代码", "编号", "id",
              "customerno", "客户名称", "customername", "name", "客户名"}
_REVENUE_WORDS = {"营业收入", "revenue", "收入", "营收", "营业额", "销售收入", "年营业收入",
                  "sales", "income"}
_TIER_EXACT = {"类别", "class", "分类", "等级", "客户类别", "客户分类", "客户等级", "tier",
               "category", "层级", "分层", "abc", "abc分类", "abc类别", "abc分层", "类型",
               "客户分层", "类别abc", "abcclass", "customerclass", "level", "grade", "segment"}


def core(heading) -> str:
    """A heading reduced to what matters: "累计比重（%）" → "累计比重", "Share (%)" → "share"."""
    text = unicodedata.normalize("NFKC", str(heading)).casefold()
    text = _PUNCT.sub("", text)
    for unit in _UNITS:
        if text.endswith(unit) and len(text) > len(unit):
            text = text[: -len(unit)]
    return text


def exact_names(role: str, value: str, key: str) -> set[str]:
    """Headings (as :func:`core`) that certainly mean ``role``."""
    v = core(value)
    values = {v, core(columns.name("revenue", "zh")), core(columns.name("revenue", "en"))} \
        if v in {core(w) for w in _REVENUE_WORDS} else {v}
    if role == "key":
        return {core(key)} | {core(w) for w in _KEY_WORDS}
    if role == "value":
        return values | ({core(w) for w in _REVENUE_WORDS} if v in _REVENUE_WORDS else set())
    if role == "share":
        names = {"比重", "share", "占比", "比例", "百分比", "percentage", "percent", "份额"}
        for w in values:
            names |= {f"{w}比重", f"占{w}总额比重", f"占{w}比重", f"占{w}总额的比重",
                      f"shareof{w}", f"{w}share", f"{w}占比", f"占总{w}比重"}
        return names | {core(columns.name("share", lang)) for lang in ("zh", "en")}
    if role == "cumulative":
        names = {"累计", "cumulative", "cumsum", "runningtotal"}
        for w in values:
            names |= {f"累计{w}", f"cumulative{w}", f"累积{w}", f"{w}累计", f"cum{w}"}
        return names
    if role == "cumulative_share":
        names = {"累计比重", "cumulativeshare", "累计占比", "累计百分比", "累计比例",
                 "cumulativepercent", "cumulativepercentage", "cumshare", "累积比重", "累积占比"}
        for w in values:
            names |= {f"累计占{w}总额比重", f"累计{w}比重", f"累计占{w}比重",
                      f"cumulativeshareof{w}", f"cumulative{w}share"}
        return names | {core(columns.name("cumulative_share", lang)) for lang in ("zh", "en")}
    if role == "tier":
        return set(_TIER_EXACT) | {core(columns.name("tier", lang)) for lang in ("zh", "en")}
    raise ValueError(role)


def _looks_like(role: str, heading, value: str) -> bool:
    """Looser test used when no heading is an exact match."""
    c = core(heading)
    raw = unicodedata.normalize("NFKC", str(heading))
    cumulative = any(w in c for w in _CUMULATIVE_WORDS)
    share = any(w in c for w in _SHARE_WORDS) or "%" in raw
    if role == "cumulative_share":
        return cumulative and share
    if role == "cumulative":
        return cumulative and not share
    if role == "share":
        return share and not cumulative
    if role == "tier":
        return any(w in c for w in _TIER_WORDS)
    if role == "value":
        return core(value) in c and not cumulative and not share
    if role == "key":
        tier = any(w in c for w in _TIER_WORDS)
        return ("客户" in c or "customer" in c) and not (cumulative or share or tier)
    return False


def find_columns(table, roles, *, value: str, key: str) -> dict[str, str]:
    """``{role: column}`` for the ``roles`` found in ``table`` (missing roles are left out).

    Exact names win over loose matches; each column plays at most one role.
    """
    found: dict[str, object] = {}
    used: set = set()
    wanted = [r for r in ROLES if r in roles]
    cores = {col: core(col) for col in table.columns}
    first_choice = {"key": core(key), "value": core(value)}
    for role in wanted:  # the very name the data uses
        if role in first_choice:
            for col in table.columns:
                if col not in used and cores[col] == first_choice[role]:
                    found[role] = col
                    used.add(col)
                    break
    for role in wanted:  # then the known names of the role
        if role in found:
            continue
        names = exact_names(role, value, key)
        for col in table.columns:
            if col not in used and cores[col] in names:
                found[role] = col
                used.add(col)
                break
    for role in wanted:  # then anything that looks like it
        if role in found:
            continue
        for col in table.columns:
            if col not in used and _looks_like(role, col, value):
                found[role] = col
                used.add(col)
                break
    return found
