"""Reading the cells of a student's table: numbers, customer ids and class labels.

Numbers: any numeric dtype, and text that is a number written for display —
``"37.0"``, ``"37.0%"``, ``" 1,330 "`` — is read as that number (a trailing
``%`` is dropped, so ``"37.0%"`` is 37.0, not 0.37).  Blanks are NaN.  Anything
else (``"abc"``, a list, True/False) is not a number.

Customer ids are compared as text: 4, 4.0, "4" and "4.0" are the same customer;
"C0001" is only "C0001".
"""
from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal
from numbers import Number

import numpy as np
import pandas as pd

_INTEGER_TEXT = re.compile(r"[+-]?\d+(\.0*)?")


def is_blank(cell) -> bool:
    if cell is None or cell is pd.NA or cell is pd.NaT:
        return True
    if isinstance(cell, float) and math.isnan(cell):
        return True
    return isinstance(cell, str) and not cell.strip()


def number_or_none(cell):
    """The cell as a float, NaN for a blank, None when it is not a number."""
    if is_blank(cell):
        return math.nan
    if isinstance(cell, (bool, np.bool_)):
        return None
    if isinstance(cell, (Number, Decimal, np.number)):
        return float(cell)
    if isinstance(cell, str):
        text = unicodedata.normalize("NFKC", cell).strip().replace(",", "").replace(" ", "")
        if text.endswith("%"):
            text = text[:-1]
        try:
            return float(text)
        except ValueError:
            return None
    return None


def numbers(series: pd.Series) -> tuple[np.ndarray, int | None]:
    """``(floats, position of the first cell that is not a number or None)``."""
    if pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series.dtype):
        values = pd.to_numeric(series, errors="coerce")
        return values.to_numpy(dtype=np.float64, na_value=np.nan), None
    out = np.empty(len(series), dtype=np.float64)
    for i, cell in enumerate(series.tolist()):
        x = number_or_none(cell)
        if x is None:
            return out, i
        out[i] = x
    return out, None


def key_text(cell) -> str:
    """A customer id as comparable text (4, 4.0, "4" → "4")."""
    if is_blank(cell):
        return ""
    if isinstance(cell, (bool, np.bool_)):
        return str(cell)
    if isinstance(cell, (int, np.integer)):
        return str(int(cell))
    if isinstance(cell, (float, np.floating)) and float(cell).is_integer():
        return str(int(cell))
    text = unicodedata.normalize("NFKC", str(cell)).strip()
    if _INTEGER_TEXT.fullmatch(text):
        return str(int(float(text)))
    return text


def label_text(cell) -> str:
    """A class label as comparable text: "A", "a", "A类", "A 类客户", "class A" → "a"."""
    if is_blank(cell):
        return ""
    text = unicodedata.normalize("NFKC", str(cell)).strip().casefold()
    text = re.sub(r"^(class|tier|类别)\s*", "", text)
    text = re.sub(r"\s*(类客户|类)$", "", text)
    return text.strip()
