"""Steps whose code did not run to the end: their checks blame that, not the answer.

When a step's answer cell stops with an error, runs out of time or is never run,
its answers are missing or half made, and the checks would name a content mistake
the student never made ("the table has no 类别 column", "the chart has no line").
:class:`StoppedCode` follows the student's cells between test cells and turns a
failed verdict of such a step into the real cause: this step's code stopped, or an
earlier step's did (then the student is sent there first).  On the second run (other
data, :mod:`.execute`) the cause is that the code stopped on other data.  The points
stay as the check gave them; only the message and the mistake recorded for the class
report change.
"""
from __future__ import annotations

import dataclasses

from ..checks import Verdict

NOT_DONE = "NotImplementedError"  # the released stub: the step is not done yet, not broken
KEPT = {"grading.kernel_died"}  # already names its cause


def stopped(cell) -> bool:
    """The cell ended in an error other than the unanswered stub's."""
    return any(output.get("output_type") == "error" and output.get("ename") != NOT_DONE
               for output in cell.get("outputs", []))


class StoppedCode:
    """The student's cells that stopped, by the step whose test cells follow them."""

    def __init__(self, *, second_run: bool):
        self.second_run = second_run
        self.cells: list[int] = []   # student cells that stopped
        self.steps: list[str] = []   # steps with such a cell, in notebook order
        self._step: str | None = None
        self._last_test = -1

    def ran(self, index: int, cell) -> None:
        """A student's code cell has run (or was skipped with an error output)."""
        if stopped(cell):
            self.cells.append(index)

    def judging(self, index: int, step: str | None) -> None:
        """The test cell ``index`` of ``step`` is judged: the cells since the previous
        step's last test cell are this step's code."""
        if step is not None and step != self._step:
            if any(self._last_test < cell < index for cell in self.cells):
                self.steps.append(step)
            self._step = step
        self._last_test = index

    def blame(self, verdict: Verdict) -> Verdict:
        """``verdict``, or the same points with the stopped code named as the cause."""
        if verdict.passed or verdict.mistake in KEPT:
            return verdict
        step = verdict.step
        earlier = self.steps[:self.steps.index(step)] if step in self.steps else self.steps
        if step not in self.steps and not (earlier and verdict.mistake == "task.undefined"):
            return verdict
        if self.second_run:
            key, fields = "grading.second_run_stopped", {}
        else:
            here = step.removeprefix("step")
            if step in self.steps and not earlier:
                key, fields = "grading.answer_cell_failed", {"step": here}
            else:
                key = ("grading.answer_cell_failed.after" if step in self.steps
                       else "grading.earlier_cell_failed")
                fields = {"step": here, "earlier": earlier[0].removeprefix("step")}
        return dataclasses.replace(verdict, mistake=key, fields=fields, follow_through=False,
                                   praise=None)
