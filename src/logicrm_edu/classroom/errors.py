"""The classroom's expected stops: one catalogue message, no traceback."""
from __future__ import annotations

from ..errors import InputError
from ..i18n import t


class ClassroomError(InputError):
    """Something the teacher can fix (port taken, not root, setup missing…)."""

    def __init__(self, key: str, **fields):
        self.key, self.fields = key, fields
        super().__init__(t(key, **fields))
