"""A student's answer to a manually graded step, as plain text a teacher reads in Excel.

A step is an nbgrader *task* cell (the teacher's instructions; the student answers
in the cells after it) or a manually graded answer cell (``grade`` and ``solution``:
the answer is the cell itself).  A task's answer runs up to the next teacher's cell:
a cell with nbgrader metadata or a heading of the released notebook (``## 第 2 步…``).

The autograded notebook holds student markdown as inert HTML
(:class:`logicrm_edu.grading.feedback.InertStudentMarkdown`); it is turned back into
text here, and code cells give their code and the text of their outputs.  Nothing a
student wrote is run or kept as markup.
"""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

MAX_CHARS = 32_000
"""An Excel cell holds at most 32,767 characters."""
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # what an xlsx cannot store
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")  # colours in tracebacks
_LINES = {"br", "li", "tr", "div", "pre", "summary", "details", "hr"}  # a new line
_PARAGRAPHS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote"}


class _TextOfHtml(HTMLParser):
    """Text of sanitized HTML: paragraphs apart, list items as "- " lines, table cells
    separated by a tab; whitespace between blocks is layout, not text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text = ""

    def _break(self, newlines: int) -> None:
        if self.text:
            self.text = self.text.rstrip(" \t") + "\n" * max(0, newlines - _trailing(self.text))

    def handle_starttag(self, tag, attrs):
        if tag in _LINES or tag in _PARAGRAPHS:
            self._break(1)
        if tag == "li":
            self.text += "- "
        elif tag in ("td", "th") and self.text and not self.text.endswith("\n"):
            self.text += "\t"

    def handle_endtag(self, tag):
        if tag in _PARAGRAPHS:
            self._break(2)
        elif tag in _LINES:
            self._break(1)

    def handle_data(self, data):
        if data.strip() or not self.text or not self.text.endswith("\n"):
            self.text += data


def _trailing(text: str) -> int:
    return len(text) - len(text.rstrip("\n"))


def html_text(html: str) -> str:
    """Plain text of the inert HTML the autograde engine stores for student markdown."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    lines = [line.rstrip() for line in parser.text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def cell_text(cell: dict) -> str:
    """What a teacher needs of one cell: markdown as text; code with its outputs' text."""
    source = _joined(cell.get("source", ""))
    if cell.get("cell_type") != "code":
        return html_text(source) if source.lstrip().startswith("<div>") else source.strip()
    parts = [source.strip()]
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            parts.append(_joined(output.get("text", "")))
        elif output.get("output_type") == "error":
            parts.append(f"{output.get('ename', '')}: {output.get('evalue', '')}")
        elif "text/plain" in output.get("data", {}):
            parts.append(_joined(output["data"]["text/plain"]))
    return "\n".join(p.rstrip() for p in parts if p.strip())


def step_answers(notebook_path, released_path, steps: dict[str, bool]) -> dict[str, str]:
    """The answer text of each step in one autograded notebook.

    ``steps`` maps a step's grade id to True for a task (answered in the cells after
    it) or False for a manually graded answer cell.  Steps not found in the notebook
    are left out; a notebook that cannot be read gives no answers.
    """
    cells = _cells(notebook_path)
    released = [_joined(c.get("source", "")) for c in _cells(released_path)
                if c.get("cell_type") == "markdown"]
    headings = {_title(text) for text in released if text.startswith("#")}
    answers = {}
    for index, cell in enumerate(cells):
        grade_id = _grade_id(cell)
        if grade_id not in steps:
            continue
        if not steps[grade_id]:
            answers[grade_id] = cell_text(cell)
            continue
        texts = []
        for after in cells[index + 1:]:
            text = cell_text(after)
            if _grade_id(after) is not None or (after.get("cell_type") == "markdown"
                                                 and _title(text) in headings):
                break  # the teacher's next step (as released, or made inert by autograde)
            texts.append(text)
        answers[grade_id] = "\n\n".join(t for t in texts if t)
    return {grade_id: for_excel(text) for grade_id, text in answers.items()}


def for_excel(text: str) -> str:
    """``text`` storable in one xlsx cell: no control characters, at most :data:`MAX_CHARS`."""
    text = _CONTROL.sub("", _ANSI.sub("", text))
    return text if len(text) <= MAX_CHARS else text[:MAX_CHARS] + "…"


def _cells(path) -> list[dict]:
    try:
        cells = json.loads(Path(path).read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError, AttributeError):
        return []
    return [c for c in cells if isinstance(c, dict)] if isinstance(cells, list) else []


def _title(text: str) -> str:
    """The first line of ``text`` without markdown's heading marks."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    return first.lstrip().lstrip("#").strip()


def _grade_id(cell: dict) -> str | None:
    meta = cell.get("metadata", {}).get("nbgrader")
    return meta.get("grade_id") if isinstance(meta, dict) else None


def _joined(source) -> str:
    return "".join(source) if isinstance(source, list) else str(source or "")
