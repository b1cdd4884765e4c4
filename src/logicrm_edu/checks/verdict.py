"""The result of one check, as plain data, and the student-facing text made from it.

A check never raises for a wrong answer: it returns a :class:`Verdict`.  Inside
the checks a wrong answer is signalled by raising :class:`Mistake`, which the
:func:`judged` decorator turns into a failed verdict for the step.
"""
from __future__ import annotations

import functools
import html
import math
from dataclasses import dataclass, field
from numbers import Number
from typing import Any, Mapping, NamedTuple

from ..errors import DataError, SchemeError
from ..i18n import resolve, t

# How lists inside messages are joined, and how many items are shown.
_LIST_SEP = {"zh": "、", "en": ", "}
_MAX_ITEMS = 8


class Phrase(NamedTuple):
    """A catalogue message used as a field of another message (e.g. the name of a rule)."""

    key: str
    """catalogue key of the phrase, e.g. ``"checks.rule.boundary.le"``"""
    fields: Mapping[str, Any] | None = None
    """fields of the phrase, rendered the same way as a verdict's fields"""


@dataclass(frozen=True)
class Part:
    """One separately marked part of a step (the chart's bars, line, classes, labels)."""

    name: str
    """the part, e.g. ``"bars"``"""
    weight: float
    """its share of the step's points (the weights of a step's parts add up to 1)"""
    passed: bool
    mistake: str | None = None
    """catalogue key of the part's mistake (None when passed)"""
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Verdict:
    """What a check found about one step of a student's work.

    Plain data, like Otter-Grader's ``TestCaseResult``: the text is made only
    when asked for, in the language asked for.
    """

    step: str
    """the step checked: ``"step2"`` (audit), ``"step3"`` (share table),
    ``"step4"`` (tiers) or ``"step5"`` (chart)"""
    passed: bool
    """whether the answer is right"""
    mistake: str | None = None
    """catalogue key of the mistake found (e.g. ``"checks.sorted_ascending"``); None when passed"""
    fields: dict[str, Any] = field(default_factory=dict)
    """the facts the message quotes (customers, numbers, rule names as :class:`Phrase`)"""
    parts: tuple[Part, ...] = ()
    """the step's separately marked parts, when it has any; ``mistake`` is then the
    first failed part's"""
    follow_through: bool = False
    """right given the student's own earlier answer, which was wrong: the earlier
    mistake is charged where it was made, not again here"""
    praise: str | None = None
    """catalogue key of the message when passed, if not the step's usual ``checks.ok.<step>``"""

    @property
    def score(self) -> float:
        """The share of the step's points earned: all or nothing, or by parts."""
        if self.passed:
            return 1.0
        return float(sum(p.weight for p in self.parts if p.passed))

    # -- text -----------------------------------------------------------------
    def what(self, lang: str | None = None) -> str:
        """The first half of the message: what is right, or what is wrong."""
        return t(self._key(), resolve(lang), **render_fields(self.fields, resolve(lang)))

    def hint(self, lang: str | None = None) -> str | None:
        """How to fix the mistake (None when passed)."""
        if self.passed:
            return None
        return t(f"{self.mistake}.hint", resolve(lang), **render_fields(self.fields, resolve(lang)))

    def message(self, lang: str | None = None) -> str:
        """The student's text: "<what is wrong> — <how to fix it>" (or the praise when passed)."""
        lang = resolve(lang)
        what = self.what(lang)
        if self.passed:
            return what
        return f"{what} — {self.hint(lang)}"

    def mark(self, lang: str | None = None) -> str:
        """The verdict in one word, as text (no emoji: many school PCs have no emoji font)."""
        state = "passed" if self.passed else ("partial" if self.score > 0 else "failed")
        return t(f"checks.mark.{state}", resolve(lang))

    def __str__(self) -> str:
        return f"{self.mark()} {self.message()}"

    def _repr_markdown_(self) -> str:
        return str(self)

    def _repr_pretty_(self, printer, cycle) -> None:
        """The plain-text form Jupyter shows (and feedback keeps): the message itself."""
        printer.text(str(self))

    def _repr_html_(self) -> str:
        lang = resolve(None)
        colour = "#1e8449" if self.passed else ("#b9770e" if self.score > 0 else "#c0392b")
        body = f"<b>{html.escape(self.what(lang))}</b>"
        if not self.passed:
            body += f"<br>{html.escape(self.hint(lang) or '')}"
        return (f'<div style="border-left:4px solid {colour};padding:4px 10px;margin:4px 0">'
                f'<span style="color:#fff;background:{colour};padding:0 6px;border-radius:3px">'
                f"{html.escape(self.mark(lang))}</span> {body}</div>")

    def as_dict(self) -> dict[str, Any]:
        """JSON-friendly summary with the message in both languages (for the grading kit)."""
        return {"step": self.step, "passed": self.passed, "mistake": self.mistake,
                "message": {lang: self.message(lang) for lang in ("zh", "en")}}

    def _key(self) -> str:
        if self.passed:
            return self.praise or f"checks.ok.{self.step}"
        return str(self.mistake)


def passed(step: str, **fields) -> Verdict:
    """A passing verdict for ``step``."""
    return Verdict(step, True, None, fields)


class Mistake(Exception):
    """Raised inside a check when the answer is wrong; :func:`judged` turns it into a Verdict."""

    def __init__(self, key: str, **fields):
        super().__init__(key)
        self.key = key
        self.fields = fields


def judged(step: str):
    """Decorate a check so that it always returns a :class:`Verdict` for ``step``.

    A :class:`Mistake` becomes a failed verdict.  Problems on the teacher's side
    (a bad trusted dataset or scheme: :class:`DataError`, :class:`SchemeError`)
    are raised, since the student cannot fix them.  Anything else that goes wrong
    while inspecting an unusual answer becomes ``checks.could_not_check``, so one
    strange submission never crashes a batch.
    """
    def decorate(check):
        @functools.wraps(check)
        def run(*args, **kwargs) -> Verdict:
            try:
                return check(*args, **kwargs)
            except Mistake as found:
                return Verdict(step, False, found.key, dict(found.fields))
            except (DataError, SchemeError):
                raise
            except Exception as error:  # noqa: BLE001 - failure is data
                return Verdict(step, False, "checks.could_not_check",
                               {"error": f"{type(error).__name__}: {error}"})
        return run
    return decorate


# -- rendering fields ---------------------------------------------------------

def render_fields(fields: Mapping[str, Any] | None, lang: str) -> dict[str, str]:
    """Every field as text in ``lang``: phrases translated, lists joined, numbers tidy."""
    return {name: render(value, lang) for name, value in (fields or {}).items()}


def render(value: Any, lang: str) -> str:
    if isinstance(value, Phrase):
        return t(value.key, lang, **render_fields(value.fields, lang))
    if isinstance(value, (list, tuple)):
        items = [render(v, lang) for v in value[:_MAX_ITEMS]]
        text = _LIST_SEP[lang].join(items)
        return text + ("…" if len(value) > _MAX_ITEMS else "")
    if isinstance(value, bool) or not isinstance(value, Number):
        return str(value)
    return number_text(value)


def number_text(value) -> str:
    """37.0 → "37", 3.4 → "3.4", 100/3 → "33.33", 0.005 → "0.005"."""
    x = float(value)
    if math.isnan(x):
        return "NaN"
    if x.is_integer():
        return str(int(x))
    if abs(x) >= 0.1:
        return f"{x:.2f}".rstrip("0").rstrip(".")
    return f"{x:.3g}"
