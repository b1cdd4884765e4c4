"""What a student's kernel may leave in the graded notebook: text and pictures, in bounds.

Everything the kernel sends is the student's to choose, and the graded
notebook is later shown to the teacher (formgrader) and the student
(feedback).  So each output is admitted as inert data only:

- text (``stream``, ``text/plain``, error name, message and traceback), with
  the grader's own folder names replaced by neutral ones;
- PNG and JPEG pictures that really are base64 images;
- nothing that a browser would run or render as markup: HTML, Markdown, SVG,
  JavaScript, LaTeX, widget views and unknown types are dropped (a table
  still shows as its text form).

Each cell's outputs are capped in bytes, and so is the whole notebook; what
is cut off is replaced by one note.  Caps are counted as the outputs arrive,
so a kernel that floods its output never fills the grader's memory.
"""
from __future__ import annotations

import base64
import binascii
import re

from nbformat import NotebookNode

from ..i18n import t

TEXT_TYPES = ("text/plain",)
IMAGE_TYPES = {"image/png": b"\x89PNG\r\n\x1a\n", "image/jpeg": b"\xff\xd8\xff"}
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


class OutputGuard:
    """Admits one notebook's outputs, cell by cell, within byte budgets.

    ``paths``: the grader's folder names to hide, each mapped to what to show instead.
    """

    def __init__(self, *, cell_bytes: int = 256 * 1024, image_bytes: int = 2 * 1024 * 1024,
                 notebook_bytes: int = 16 * 1024 * 1024, paths: dict[str, str] | None = None):
        self.cell_bytes, self.image_bytes, self.notebook_bytes = cell_bytes, image_bytes, notebook_bytes
        self.paths = sorted((paths or {}).items(), key=lambda item: -len(item[0]))
        self.used = 0
        self._cell: int | None = None
        self._cell_used = 0
        self._cut: set[int] = set()

    def admit(self, output: NotebookNode, cell_index: int) -> NotebookNode | None:
        """The inert form of ``output`` for cell ``cell_index`` (None: nothing to keep)."""
        if cell_index != self._cell:
            self._cell, self._cell_used = cell_index, 0
        if cell_index in self._cut:
            return None
        kind = output.get("output_type")
        if kind == "stream":
            clean = NotebookNode(output_type="stream", name=_stream_name(output.get("name")),
                                 text=self.text(output.get("text")))
        elif kind in ("display_data", "execute_result"):
            clean = self._rich(output)
        elif kind == "error":
            clean = NotebookNode(output_type="error", ename=self.text(output.get("ename"))[:200],
                                 evalue=self.text(output.get("evalue"))[:2000],
                                 traceback=[self.text(line) for line in
                                            _lines(output.get("traceback"))[-60:]])
        else:
            return None
        if clean is None:
            return None
        size = _size(clean)
        if self._cell_used + size > self.cell_bytes or self.used + size > self.notebook_bytes:
            self._cut.add(cell_index)
            return NotebookNode(output_type="stream", name="stdout", text=truncation_note())
        self._cell_used += size
        self.used += size
        return clean

    def text(self, value) -> str:
        """Any text the kernel sent, as plain text without the grader's folder names, and
        cut (with a note) where it alone would exceed the cell's budget."""
        if isinstance(value, list):
            value = "".join(str(v) for v in value[:10_000])
        text = value if isinstance(value, str) else ("" if value is None else str(value))
        text = text[: self.cell_bytes + 1]  # a character is at least a byte: enough to judge
        for path, shown in self.paths:
            text = text.replace(path, shown)
        raw = text.encode("utf-8", "replace")
        if len(raw) <= self.cell_bytes:
            return text
        return raw[: self.cell_bytes].decode("utf-8", "ignore") + truncation_note()

    def _rich(self, output) -> NotebookNode | None:
        data = output.get("data") if isinstance(output.get("data"), dict) else {}
        kept = {}
        for mime in TEXT_TYPES:
            if mime in data:
                kept[mime] = self.text(data[mime])
        for mime, magic in IMAGE_TYPES.items():
            picture = _image(data.get(mime), magic, self.image_bytes)
            if picture is not None:
                kept[mime] = picture
        if not kept:
            return None
        clean = NotebookNode(output_type=output["output_type"], data=kept, metadata={})
        if output["output_type"] == "execute_result":
            count = output.get("execution_count")
            clean["execution_count"] = count if isinstance(count, int) else None
        return clean


def truncation_note() -> str:
    return ("\n" + t("grading.output_truncated", "zh") + " / " + t("grading.output_truncated", "en")
            + "\n")


def plain_error(output: NotebookNode) -> str:
    """An error output as one line of text (ANSI colours removed)."""
    return _ANSI.sub("", f"{output.get('ename', '')}: {output.get('evalue', '')}").strip(": ")


def _stream_name(name) -> str:
    return name if name in ("stdout", "stderr") else "stdout"


def _lines(value) -> list:
    return value if isinstance(value, list) else [value] if value else []


def _image(value, magic: bytes, limit: int) -> str | None:
    """``value`` if it is base64 of an image of this type within ``limit`` bytes."""
    if isinstance(value, list):
        value = "".join(str(v) for v in value)
    if not isinstance(value, str) or len(value) > limit * 4 // 3 + 1024:
        return None
    compact = "".join(value.split())  # base64 may be wrapped in lines, nothing else
    try:
        raw = base64.b64decode(compact, validate=True)
    except (binascii.Error, ValueError):
        return None
    return compact if raw.startswith(magic) and len(raw) <= limit else None


def _size(output: NotebookNode) -> int:
    """Bytes of text (UTF-8) and pictures (base64) an output holds."""
    if output["output_type"] == "stream":
        texts = [output["text"]]
    elif output["output_type"] == "error":
        texts = [output["evalue"], *output["traceback"]]
    else:
        texts = list(output["data"].values())
    return sum(len(text.encode("utf-8", "replace")) for text in texts)
