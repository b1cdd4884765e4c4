"""Course copies, sample submissions and gradebook queries for the batch autograder's tests."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import nbformat
import pandas as pd

from logicrm_edu.submissions import build_submission, load_specs, resolved

ROOT = Path(__file__).parents[2]
ASSIGNMENT = "abc_tiering"
KIT = ROOT / "autograder" / ASSIGNMENT
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
SPECS = load_specs(KIT / "submissions.toml")
EXPECTED = pd.read_csv(KIT / "expected_scores.csv").set_index("submission")
TEST_CELLS = [c for c in EXPECTED.columns if c.startswith("step")]


def write_submissions(root: Path, submissions: dict) -> None:
    release_dir = root / "release" / ASSIGNMENT
    release = nbformat.read(release_dir / NOTEBOOK, 4)
    for student, spec in submissions.items():
        folder = root / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(release_dir / "customers.xlsx", folder / "customers.xlsx")
        if isinstance(spec, bytes):
            (folder / NOTEBOOK).write_bytes(spec)
            continue
        spec = resolved(SPECS, spec) if isinstance(spec, str) else spec
        nbformat.write(build_submission(release, spec), folder / NOTEBOOK)


def spec_with(base: str = "correct_reference", **cells: str) -> dict:
    """The kit submission ``base`` with some answer cells replaced by other code."""
    spec = dict(resolved(SPECS, base))
    spec["cells"] = {**spec.get("cells", {}), **cells}
    return spec


def integrity(root: Path) -> str:
    with sqlite3.connect(root / "gradebook.db") as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


def grade_rows(root: Path) -> pd.DataFrame:
    """Every grade row of the gradebook with its student and cell (duplicates would show)."""
    query = """
        SELECT student.id AS student, base_cell.name AS cell, grade.auto_score,
               grade.manual_score, grade.needs_manual_grade
        FROM grade
        JOIN submitted_notebook ON grade.notebook_id = submitted_notebook.id
        JOIN submitted_assignment ON submitted_notebook.assignment_id = submitted_assignment.id
        JOIN student ON submitted_assignment.student_id = student.id
        JOIN base_cell ON grade.cell_id = base_cell.id
    """
    with sqlite3.connect(root / "gradebook.db") as db:
        return pd.read_sql_query(query, db)
