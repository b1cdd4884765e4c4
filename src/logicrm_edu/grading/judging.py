"""A test cell's judgement: its verdicts, the outputs nbgrader scores, the record kept.

A test cell holds task lines (:mod:`.directives`).  The visible ones (``grade``,
``require``) are judged on the run with the data the student was handed; the
hidden ones (``grade_against_teacher_data``) both there and on a second run of
the student's own cells with data they never saw: right only when right on
both, so typed-in answers do not pass (and are reported as typed in when they
did not change at all).  The cell's result is its first verdict that is not fully right
(else its last), written as the outputs nbgrader's SaveAutoGrades reads:

- right: no error (a follow-through note as plain text, if any): full points;
- partly right (a step with parts, such as the chart): the note as text and the
  points earned as the cell's result, nbgrader's partial credit;
- wrong: an error whose message is the hint: 0 points.

A cell that ends exactly as an earlier cell of the same step (a hidden test finding
the visible test's mistake again) says so in one line instead of repeating the hint.

Each cell's judgement is also kept as a plain record for the class report
(:mod:`.records`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from nbformat import NotebookNode

from ..checks import Verdict
from ..i18n import t
from .directives import Directive

HIDDEN = "grade_against_teacher_data"


def split(directives: list[Directive]) -> tuple[list[Directive], list[Directive]]:
    """(the lines judged on the handed data, the hidden lines judged on the second run)."""
    return ([d for d in directives if d.method != HIDDEN],
            [d for d in directives if d.method == HIDDEN])


@dataclass
class CellJudgement:
    """Everything decided about one test cell."""

    grade_id: str
    points: float
    verdicts: list[Verdict] = field(default_factory=list)
    hidden: bool = False
    """the cell has hidden lines (judged on the second run's data)"""
    hardcoded: bool = False
    """its answers did not change with the data: typed in rather than computed"""
    repeats: bool = False
    """an earlier cell of the same step had this very outcome: its text is not repeated"""

    def outcome(self) -> Verdict | None:
        """The verdict that decides the cell (None: no verdict, e.g. the kernel died first)."""
        for verdict in self.verdicts:
            if not verdict.passed:
                return verdict
        return self.verdicts[-1] if self.verdicts else None

    def earned(self) -> float:
        outcome = self.outcome()
        return round(self.points * outcome.score, 4) if outcome is not None else 0.0

    def same_outcome(self, other: "CellJudgement") -> bool:
        """Both cells ended the same way for the same step (same mistake, same share)."""
        mine, theirs = self.outcome(), other.outcome()
        return mine is not None and theirs is not None and (
            (mine.step, mine.passed, mine.mistake, mine.follow_through, mine.score)
            == (theirs.step, theirs.passed, theirs.mistake, theirs.follow_through, theirs.score))

    def outputs(self) -> list[NotebookNode]:
        outcome = self.outcome()
        if outcome is None:
            return []
        step = outcome.step.removeprefix("step")
        text = (f"{outcome.mark()} {t('grading.same_as_above', step=step)}"
                if self.repeats else str(outcome))
        if outcome.passed:
            notes = [v for v in self.verdicts if v.follow_through]
            return [_text(text if self.repeats else str(v)) for v in notes[:1]]
        if outcome.score > 0:
            return [_text(text), NotebookNode(
                output_type="execute_result", execution_count=None, metadata={},
                data={"text/plain": f"{self.earned():g}"})]
        message = text.split(" ", 1)[1] if self.repeats else outcome.message()
        return [NotebookNode(output_type="error", ename="StepFailed", evalue=message,
                             traceback=[text])]

    def record(self) -> dict:
        outcome = self.outcome()
        return {"step": outcome.step if outcome else None,
                "data": "variant" if self.hidden else "handed",
                "points": self.points, "score": self.earned(),
                "passed": bool(outcome and outcome.passed),
                "mistake": outcome.mistake if outcome else None,
                "follow_through": bool(outcome and outcome.follow_through),
                "hardcoded": self.hardcoded}


def _text(text: str) -> NotebookNode:
    return NotebookNode(output_type="stream", name="stdout", text=text + "\n")


def typed_in(seen_first: dict[str, str], seen_second: dict[str, str], names,
             first: Verdict, second: Verdict) -> bool:
    """The answers ``names`` were right on the handed data, not right on the other data on
    their own, and exactly the same both times: they did not follow the data (``seen_*``:
    name → the answer's JSON text as the kernel handed it over).

    "On their own": an answer that is right on the other data only given the student's
    own earlier answers (follow-through) but did not change with the data follows
    earlier answers that were typed in too, and earns nothing from them."""
    return (first.passed and not (second.passed and not second.follow_through) and all(
        name in seen_first and seen_first[name] == seen_second.get(name) for name in names))


def hardcoded_verdict(step: str) -> Verdict:
    return Verdict(step, False, "checks.hardcoded", {"step": step})
