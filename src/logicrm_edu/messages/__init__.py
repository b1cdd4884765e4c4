"""The one zh/en message catalogue, assembled from one part per area.

Each part (every module of this package) is a dict ``key -> {"zh": ..., "en": ...}``; keys are prefixed by
area (``data.``, ``scheme.``, ...) and must be unique across parts
(``tests/test_messages.py`` checks both languages and the fields).
"""
from __future__ import annotations

import importlib
import pkgutil

# every module of this package is a part: an assignment adds its own file and
# touches no shared one
PARTS = tuple(sorted(m.name for m in pkgutil.iter_modules(__path__)))


def _assemble() -> dict[str, dict[str, str]]:
    catalogue: dict[str, dict[str, str]] = {}
    for part in PARTS:
        entries = importlib.import_module(f"{__name__}.{part}").MESSAGES
        clash = catalogue.keys() & entries.keys()
        if clash:
            raise RuntimeError(f"duplicate message keys in {part}: {sorted(clash)}")
        catalogue.update(entries)
    return catalogue


CATALOGUE = _assemble()
