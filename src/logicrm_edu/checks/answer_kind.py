"""What kind of answer the student handed in, also when the grader only got a marker
for it (:mod:`logicrm_edu.grading.answers`): the type name that "not a table" /
"not a chart" messages quote, and the mistakes of an answer over the grader's
limits or one that could not be read at all.
"""
from __future__ import annotations

from ..grading.answers import NotReadable, TooBig, Unreadable
from .verdict import Mistake, Phrase


def type_name(answer) -> str:
    """The student's type ("list", "function", ...), also behind a marker."""
    return answer.type_name if isinstance(answer, NotReadable) else type(answer).__name__


def refuse_unread(answer) -> None:
    """Raise the mistake of an answer too big to read, or unreadable; else nothing."""
    if isinstance(answer, TooBig):
        raise Mistake("checks.answer_too_big", got=answer.type_name,
                      why=Phrase(f"checks.too_big.{answer.limit}",
                                 {"size": answer.size, "max": answer.maximum}))
    if isinstance(answer, Unreadable):
        raise Mistake("checks.answer_unreadable",
                      why=Phrase(f"checks.unreadable.{answer.reason}", {"got": answer.type_name}))
