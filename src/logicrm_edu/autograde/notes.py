"""Notes read off an autograded notebook: cells interrupted at the timeout, memory
errors, a kernel that died and a notebook that used up its time budget.  Pure
functions of the notebook."""
from __future__ import annotations

from nbformat import NotebookNode

from ..grading.execute import DEAD_KERNEL, OUT_OF_TIME
from .results import Note

TIMEOUT = "CellTimeoutError"
MEMORY = ("MemoryError", "_ArrayMemoryError")


def cell_name(cell: NotebookNode, index: int) -> str:
    """The cell's nbgrader grade_id, else its position (1-based)."""
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") or f"#{index + 1}"


def notebook_notes(nb: NotebookNode, *, timeout: int | None = None) -> list[Note]:
    """One note per cell that timed out or ran out of memory, and one for a dead kernel."""
    notes = []
    for index, cell in enumerate(nb.cells):
        if cell.get("cell_type") != "code":
            continue
        names = {o.get("ename") for o in cell.get("outputs", []) if o.get("output_type") == "error"}
        name = cell_name(cell, index)
        if TIMEOUT in names:
            notes.append(Note("autograde.cell_timeout", {"cell": name, "seconds": timeout}))
        if names & set(MEMORY):
            notes.append(Note("autograde.cell_memory", {"cell": name}))
        if DEAD_KERNEL in names:
            notes.append(Note("autograde.kernel_died", {"cell": name}))
        if OUT_OF_TIME in names and not any(n.key == "autograde.out_of_time" for n in notes):
            notes.append(Note("autograde.out_of_time", {"cell": name}))
    return notes
