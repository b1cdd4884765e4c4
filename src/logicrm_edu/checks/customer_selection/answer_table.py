"""A student's table of prospects, read the same way for every step.

Any row order is accepted; the prospect id may be a column (客户 / 客户编号) or the
index.  Columns are found by their usual names, so ``得分`` works as well as
``加权得分``.  The rows are returned in the order of the trusted data.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ...grading.answers import NotReadable
from ...prospects import KEY
from ..answer_kind import refuse_unread, type_name
from ..cells import key_text, number_or_none
from ..verdict import Mistake

NAMES = {
    "key": ("客户", "客户编号", "编号", "customer", "id"),
    "score": ("加权得分", "得分", "综合得分", "总分", "加权总分", "score", "weightedscore"),
    "rank": ("排名", "名次", "rank", "ranking"),
    "class": ("类别", "分类", "客户类别", "类型", "class", "tier"),
}


def read_table(answer, data: pd.DataFrame, roles: tuple[str, ...]) -> pd.DataFrame:
    """The student's table with one column per role (``score``, ``rank``, ``class``),
    indexed by the data's prospect ids in data order, plus ``place``: the row's
    position in the student's own table."""
    if answer is None:
        raise Mistake("selection.no_answer")
    refuse_unread(answer)
    if isinstance(answer, NotReadable) or not isinstance(answer, pd.DataFrame):
        raise Mistake("selection.not_a_table", got=type_name(answer))
    table = answer.reset_index() if _column(answer, "key") is None else answer
    key = _column(table, "key")
    if key is None:
        raise Mistake("selection.missing_column", column=KEY,
                      columns=[str(c) for c in answer.columns])
    found = {"place": np.arange(len(table))}
    for role in roles:
        column = _column(table, role)
        if column is None:
            raise Mistake("selection.missing_column", column=NAMES[role][0],
                          columns=[str(c) for c in table.columns])
        found[role] = table[column].to_numpy(dtype=object)
    ids = [key_text(c) for c in table[key].tolist()]
    out = pd.DataFrame(found, index=ids)
    wanted = [key_text(c) for c in data[KEY].tolist()]
    missing = [w for w in wanted if w not in out.index]
    if missing:
        raise Mistake("selection.missing_prospects", customers=missing, count=len(missing))
    extra = list(dict.fromkeys(i for i in ids if i not in set(wanted) or ids.count(i) > 1))
    if extra:
        raise Mistake("selection.extra_prospects", customers=extra, count=len(extra))
    return out.loc[wanted]


def numbers(table: pd.DataFrame, role: str, data: pd.DataFrame) -> np.ndarray:
    """A role's cells as floats, or the mistake naming the first cell that is not a number."""
    out = []
    for customer, cell in zip(table.index, table[role].tolist()):
        x = number_or_none(cell)
        if x is None or np.isnan(x):
            raise Mistake("selection.not_numbers", column=NAMES[role][0], customer=customer)
        out.append(x)
    return np.array(out, dtype=np.float64)


def _column(table: pd.DataFrame, role: str):
    wanted = {n.casefold() for n in NAMES[role]}
    for column in table.columns:
        text = "".join(str(column).split()).casefold()
        if text in wanted:
            return column
    return None
