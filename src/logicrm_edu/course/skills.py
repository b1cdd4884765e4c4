"""What the class can and cannot do yet, across every assignment: one row per step.

Each step of an assignment is a skill (第 3 步 计算比重并排序); its name is the step's
own heading in the source notebook (``## 第 3 步　计算比重并排序（4 分）``), so a new
assignment needs no list here.  Scores come from the gradebook, cell by cell: a step's
cells are the grade cells whose id starts with ``stepN`` (its answer checks, visible
and hidden, or its manually graded answer).  A student's step counts once every one of
its cells is graded; a step still waiting for the teacher's marks is counted apart.

A step is *mastered* when the class's mean is at least :data:`MASTERED` % of its points,
*weak* below :data:`WEAK` %, else *partly mastered*.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from .nbgrader_app import reading_gradebook
from .release import source_assignments

MASTERED, WEAK = 80.0, 60.0
STEP_CELL = re.compile(r"^(step\d+)")
STEP_HEADING = re.compile(r"^#+\s*第\s*(\d+)\s*步[\s\u3000:：]*(.+?)\s*(?:[（(][^（(]*分[）)])?\s*$",
                          re.MULTILINE)
STEP_COLUMNS = ["student", "assignment", "step", "score", "max_score", "pending"]
SKILL_COLUMNS = ["assignment", "step", "skill", "points", "graded", "pending", "mean_pct",
                 "full_pct", "level"]


def step_titles(notebook) -> dict[str, str]:
    """``{"step3": "计算比重并排序", ...}`` from a notebook's step headings."""
    try:
        cells = json.loads(Path(notebook).read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError):
        return {}
    titles: dict[str, str] = {}
    for cell in cells:
        if cell.get("cell_type") != "markdown":
            continue
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        for number, title in STEP_HEADING.findall(source):
            titles.setdefault(f"step{number}", title.strip())
    return titles


def step_scores(course_dir) -> pd.DataFrame:
    """One row per student, assignment and step of every graded submission: ``score`` and
    ``max_score`` summed over the step's cells, ``pending`` when a cell still waits for
    manual grading (its score is then not final); none without a gradebook."""
    rows = []
    opened = reading_gradebook(course_dir)
    if opened is None:
        return pd.DataFrame(rows, columns=STEP_COLUMNS)
    with opened as book:
        for assignment in book.assignments:
            for submission in book.assignment_submissions(assignment.name):
                steps: dict[str, list[float | bool]] = {}
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        found = STEP_CELL.match(grade.name)
                        if not found:
                            continue
                        score, top, pending = steps.setdefault(found.group(1), [0.0, 0.0, False])
                        steps[found.group(1)] = [score + float(grade.score or 0),
                                                 top + float(grade.max_score or 0),
                                                 pending or bool(grade.needs_manual_grade)]
                for step, (score, top, pending) in steps.items():
                    rows.append((submission.student.id, assignment.name, step, score, top, pending))
    return pd.DataFrame(rows, columns=STEP_COLUMNS)


def class_skills(course_dir, scores: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per assignment step (course order, then step order): ``skill`` (the step's
    heading), ``points``, ``graded`` (students whose step is fully graded), ``pending``
    (waiting for manual grading), ``mean_pct`` (the class's mean, % of the points),
    ``full_pct`` (% of graded students with every point) and ``level`` (``mastered``,
    ``partly`` or ``weak``; ``pending`` while nobody's step is graded)."""
    course_dir = Path(course_dir)
    scores = step_scores(course_dir) if scores is None else scores
    order = {name: n for n, name in enumerate(source_assignments(course_dir))}
    rows = []
    for (assignment, step), group in scores.groupby(["assignment", "step"]):
        titles = step_titles(course_dir / "source" / assignment / f"{assignment}.ipynb")
        done = group[~group["pending"] & (group["max_score"] > 0)]
        percent = done["score"] / done["max_score"] * 100
        mean = float(percent.mean()) if len(done) else float("nan")
        rows.append({
            "assignment": assignment, "step": step, "skill": titles.get(step, step),
            "points": float(group["max_score"].max()), "graded": len(done),
            "pending": int(group["pending"].sum()), "mean_pct": mean,
            "full_pct": float((percent >= 100 - 1e-9).mean() * 100) if len(done) else float("nan"),
            "level": skill_level(mean),
        })
    table = pd.DataFrame(rows, columns=SKILL_COLUMNS)
    sort_key = table["assignment"].map(lambda a: order.get(a, len(order))) * 1000 + \
        table["step"].str.extract(r"(\d+)", expand=False).astype(float)
    return table.iloc[sort_key.argsort(kind="stable")].reset_index(drop=True)


def skill_level(mean_pct: float) -> str:
    """``mastered`` / ``partly`` / ``weak`` for a class mean in %, ``pending`` for none."""
    if mean_pct != mean_pct:
        return "pending"
    return "mastered" if mean_pct >= MASTERED else "weak" if mean_pct < WEAK else "partly"
