"""Which student an uploaded file belongs to, from the ids and names in its path."""
from __future__ import annotations

import re
from pathlib import PurePosixPath

_SEPARATORS = re.compile(r"[\s_\-—.·,，、()（）\[\]【】+#]+")


class RosterMatcher:
    """Finds the student a path names, by id (whole token or digit run) or by name."""

    def __init__(self, roster):
        """``roster``: (id, name) pairs."""
        self.ids = {str(sid) for sid, _ in roster}
        by_name: dict[str, set[str]] = {}
        for sid, name in roster:
            if name:
                by_name.setdefault(str(name), set()).add(str(sid))
        self.by_name = by_name

    def match(self, path: str) -> tuple[str | None, str]:
        """(student id or None, why: "" | "nobody" | "ambiguous" | "conflict")."""
        text = PurePosixPath(path).with_suffix("").as_posix()
        tokens = {t for part in text.split("/") for t in _SEPARATORS.split(part) if t}
        tokens |= set(re.findall(r"\d+", text))
        by_id = tokens & self.ids
        names = {n for n in self.by_name if n in tokens}
        if not names:  # a name written without separators, e.g. "张三abc"; the longest wins
            found = sorted((n for n in self.by_name if len(n) >= 2 and n in text), key=len)
            names = {found[-1]} if found else set()
        by_name = set().union(*(self.by_name[n] for n in names)) if names else set()
        if len(by_id) > 1:
            return None, "ambiguous"
        if by_id:
            sid = next(iter(by_id))
            if by_name and sid not in by_name:
                return None, "conflict"
            return sid, ""
        if len(by_name) == 1:
            return next(iter(by_name)), ""
        return None, "ambiguous" if by_name else "nobody"
