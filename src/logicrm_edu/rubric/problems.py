"""Findings about rubric inputs, as data, and the exception that carries them.

A :class:`Problem` names where it is (file, sheet, cell, or a key of a TOML
file) and what is wrong, in Chinese and English from the message catalogue.
Errors stop an import or a computation; warnings are reported and the work goes
on.  Reading many sheets collects every problem before anything is stored, so
a teacher sees all mistakes at once.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import InputError, location
from ..i18n import resolve, t
from .model import text_in

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Problem:
    """One error or warning, located as precisely as the input allows."""

    level: str
    """``"error"`` (blocks the import) or ``"warning"`` (reported only)."""
    key: str
    """Catalogue key of the message, e.g. ``"rubric.sheet.out_of_range"``."""
    file: str | None = None
    """File name the problem is in."""
    sheet: str | None = None
    """Worksheet name."""
    cell: str | None = None
    """Spreadsheet cell, e.g. ``"D7"``."""
    toml_key: str | None = None
    """Key inside a TOML file, e.g. ``"criteria.table.levels[2].max"``."""
    fields: dict = field(default_factory=dict)
    """Values filled into the message; a ``{"zh": ..., "en": ...}`` value is taken in the
    message's language."""

    def text(self, lang: str | None = None) -> str:
        """The located message in one language."""
        lang = resolve(lang)
        parts = [location(lang, file=self.file, sheet=self.sheet)]
        if self.cell:
            parts.append(t("rubric.where.cell", lang, cell=self.cell))
        if self.toml_key:
            parts.append(t("rubric.where.key", lang, toml_key=self.toml_key))
        where = t("where.sep", lang).join(p for p in parts if p)
        fields = {k: text_in(v, lang) if isinstance(v, dict) else v for k, v in self.fields.items()}
        message = t(self.key, lang, **fields)
        return f"{where}{t('where.colon', lang)}{message}" if where else message

    def __str__(self) -> str:
        return self.text("zh") + "\n" + self.text("en")


def error(key: str, **where_and_fields) -> Problem:
    """An error :class:`Problem`; location keywords are file, sheet, cell, toml_key."""
    return _problem(ERROR, key, where_and_fields)


def warning(key: str, **where_and_fields) -> Problem:
    """A warning :class:`Problem`; location keywords are file, sheet, cell, toml_key."""
    return _problem(WARNING, key, where_and_fields)


def _problem(level: str, key: str, given: dict) -> Problem:
    where = {name: given.pop(name, None) for name in ("file", "sheet", "cell", "toml_key")}
    return Problem(level, key, fields=given, **where)


class RubricError(InputError):
    """Bad rubric input: the message lists each error with its location, in zh and en.

    ``problems`` holds every :class:`Problem` (errors first); ``key`` is the
    catalogue key of the first one, so programs can react to the kind of error.
    """

    def __init__(self, problems: list[Problem] | Problem):
        problems = [problems] if isinstance(problems, Problem) else list(problems)
        self.problems = sorted(problems, key=lambda p: p.level != ERROR)
        self.key = self.problems[0].key
        lines = [p.text("zh") for p in self.problems] + [p.text("en") for p in self.problems]
        super().__init__("\n".join(lines))

    @classmethod
    def of(cls, key: str, **where_and_fields) -> RubricError:
        """A one-problem error: ``RubricError.of("rubric.file.not_found", file=...)``."""
        return cls(error(key, **where_and_fields))


def raise_errors(problems: list[Problem]) -> None:
    """Raise :class:`RubricError` with all problems if any of them is an error."""
    if any(p.level == ERROR for p in problems):
        raise RubricError(problems)
