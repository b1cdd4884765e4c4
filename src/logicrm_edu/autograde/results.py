"""What the batch autograder reports: one plain result per submission."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..i18n import resolve, t

STATUSES = ("graded", "skipped", "failed")


@dataclass(frozen=True)
class Note:
    """Something a teacher should know about one submission's grading."""

    key: str
    """Catalogue key of the message (``autograde.*``)."""
    fields: dict = field(default_factory=dict)
    """Values for the message's ``{fields}``."""

    def text(self, lang: str | None = None) -> str:
        return t(self.key, lang, **self.fields)


@dataclass
class GradingResult:
    """The outcome of autograding one student's submission."""

    student: str
    """The student id (the folder name under ``submitted/``)."""
    status: str
    """``"graded"`` (scores are in the gradebook), ``"skipped"`` (already graded for
    this very submission) or ``"failed"`` (could not be graded: its autograded
    cells were set to 0 in the gradebook and flagged for manual grading; or, when
    no grading process could start at all, the gradebook was left unchanged)."""
    seconds: float
    """Wall-clock seconds spent on this submission in this run (0 when skipped)."""
    note: str = ""
    """What went wrong or is worth a look, in the language in force (catalogue
    text), or ``""``: a cell interrupted at the timeout, a memory limit, a dead
    kernel, the reason of a failure."""


def note_text(notes, lang: str | None = None) -> str:
    """Several notes as one line."""
    return join_notes([note.text(lang) for note in notes], lang)


def join_notes(texts, lang: str | None = None) -> str:
    """Texts of notes (empty ones left out) as one line."""
    separator = "；" if resolve(lang) == "zh" else "; "
    return separator.join(text for text in texts if text)
