"""What an uploaded file is, as a catalogue key the teacher can act on: why a notebook
cannot be read, or what kind of file a non-notebook upload is."""
from __future__ import annotations

from pathlib import PurePosixPath

import nbformat

_DOCUMENTS = (".docx", ".doc", ".pdf", ".txt", ".md", ".pptx", ".ppt", ".wps", ".rtf", ".odt")
_DATA = (".xlsx", ".xls", ".csv", ".json")
_ARCHIVES = (".zip", ".rar", ".7z", ".tar", ".gz", ".tgz")


def notebook_problem(data: bytes) -> str:
    """"" when ``data`` is a readable notebook, else the ``collect.why.*`` key saying why not."""
    if not data.strip():
        return "collect.why.empty"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "collect.why.not_utf8"
    try:
        nbformat.reads(text, as_version=4)
    except nbformat.reader.NotJSONError:
        return "collect.why.not_json"
    except Exception:  # noqa: BLE001 - JSON that is no notebook fails in many ways
        return "collect.why.not_notebook_format"
    return ""


def other_file_detail(path: str) -> str:
    """The ``collect.why.*`` key for an upload that is not a notebook (field: ``suffix``)."""
    suffix = PurePosixPath(path).suffix.lower()
    if suffix == ".py":
        return "collect.why.script"
    if suffix in (".html", ".htm"):
        return "collect.why.html"
    if suffix in _DOCUMENTS:
        return "collect.why.document"
    if suffix in _DATA:
        return "collect.why.data_only"
    if suffix in _ARCHIVES:
        return "collect.why.archive"
    return "collect.why.other_file"
