"""The per-file record of ``logicrm collect``: ``<course>/.logicrm/collect/<assignment>.json``.

A JSON list with one object per file of every LMS download collected for the
assignment (a later collect appends its files)::

    {"file": "2302_李四.zip/李四/abc_tiering.py",   # the path inside the download
     "student": "2302",                            # roster id, or null
     "status": "not_notebook",                     # see Outcome.status
     "detail": "collect.why.script",               # catalogue key, or null
     "kept": "lms_unmatched/abc_tiering/20250315-090000/2302_李四.zip/李四/abc_tiering.py",
     "time": "2025-03-14T21:05:00+08:00", "late": false,
     "collected_at": "2025-03-15T09:00:00+08:00"}

``kept`` is relative to the course folder, null for files that were not kept
(system files, links, unreadable entries, and zips whose files are listed
themselves).  Other parts (the grade export) read it to tell a student who
handed in something unusable from one who handed in nothing.
"""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from .safe_files import write_text

RECORD_DIR = Path(".logicrm") / "collect"


def record_path(course_dir, assignment: str) -> Path:
    return Path(course_dir) / RECORD_DIR / f"{assignment}.json"


def read_record(course_dir, assignment: str) -> list[dict]:
    """The records of every collect of ``assignment`` so far (``[]`` before the first)."""
    path = record_path(course_dir, assignment)
    if not path.is_file():
        return []
    return json.loads(path.read_text(encoding="utf-8"))


def write_record(course_dir, assignment: str, outcomes, collected_at: datetime) -> Path:
    """Append one row per outcome (:class:`~.collect.Outcome`) to the record; returns its path."""
    path = record_path(course_dir, assignment)
    try:
        rows = read_record(course_dir, assignment)
    except (json.JSONDecodeError, UnicodeDecodeError):  # edited by hand: keep it, start anew
        path.replace(path.with_name(f"{assignment}.damaged-{collected_at:%Y%m%d-%H%M%S}.json"))
        rows = []
    stamp = collected_at.astimezone().isoformat(timespec="seconds")
    rows += [{"file": o.file, "student": o.student or None, "status": o.status,
              "detail": o.detail or None, "kept": o.kept or None,
              "time": o.time.isoformat(timespec="seconds") if o.time else None,
              "late": o.late, "collected_at": stamp} for o in outcomes]
    return write_text(path, json.dumps(rows, ensure_ascii=False, indent=1))
