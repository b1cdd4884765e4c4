"""Language choice and the bilingual message catalogue lookup.

Every student- or teacher-visible sentence lives in :mod:`logicrm_edu.messages`
as a ``{"zh": ..., "en": ...}`` pair; code asks for it by key here, so the two
languages never drift apart.  Chinese is the primary language.
"""
from __future__ import annotations

import os

from .messages import CATALOGUE

LANGUAGES = ("zh", "en")
_current: str | None = None


def get_language() -> str:
    """现在使用的语言：``"zh"``（中文）或 ``"en"``（英文）。
    The language in force: :func:`set_language`, else ``LOGICRM_LANG``, else ``zh``.

    先看 :func:`set_language` 有没有选过，没有时看环境变量 ``LOGICRM_LANG``，
    都没有时是中文。

    Returns
    -------
    str
        ``"zh"`` 或 ``"en"``。

    Examples
    --------
    >>> from logicrm_edu import get_language, set_language
    >>> set_language("en")
    >>> get_language()
    'en'
    >>> set_language(None)  # 回到默认语言
    """
    if _current:
        return _current
    env = os.environ.get("LOGICRM_LANG", "").lower()
    return "en" if env.startswith("en") else "zh"


def set_language(lang: str | None) -> None:
    """选择提示消息和新表列名的语言。
    Choose ``"zh"`` or ``"en"`` for messages; ``None`` goes back to the default.

    Parameters
    ----------
    lang : {"zh", "en"} 或 None
        ``"zh"`` 中文，``"en"`` 英文；``None`` 回到默认（环境变量
        ``LOGICRM_LANG``，没有时是中文）。

    Raises
    ------
    ValueError
        ``lang`` 不是 ``"zh"``、``"en"`` 或 ``None``。

    Examples
    --------
    >>> import pandas as pd
    >>> from logicrm_edu import set_language, share_table
    >>> set_language("en")
    >>> df = pd.DataFrame({"customer": [1, 2], "revenue": [150, 50]})
    >>> list(share_table(df).columns)
    ['customer', 'revenue', 'share (%)', 'cumulative revenue', 'cumulative share (%)']
    >>> set_language(None)  # 回到默认语言（中文）
    """
    global _current
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}, not {lang!r}")
    _current = lang


def resolve(lang: str | None) -> str:
    """``lang`` if given (validated), else the language in force."""
    if lang is None:
        return get_language()
    if lang not in LANGUAGES:
        raise ValueError(f"lang 只能是 / must be one of {LANGUAGES}, not {lang!r}")
    return lang


def t(key: str, lang: str | None = None, **fields) -> str:
    """The message ``key`` in one language, with ``fields`` filled in."""
    return CATALOGUE[key][resolve(lang)].format(**fields)



