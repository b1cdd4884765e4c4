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
    """The language in force: :func:`set_language`, else ``LOGICRM_LANG``, else ``zh``."""
    if _current:
        return _current
    env = os.environ.get("LOGICRM_LANG", "").lower()
    return "en" if env.startswith("en") else "zh"


def set_language(lang: str | None) -> None:
    """Choose ``"zh"`` or ``"en"`` for messages; ``None`` goes back to the default."""
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



