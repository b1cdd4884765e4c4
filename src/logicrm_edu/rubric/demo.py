"""Demo presentation scores for ``make demo``: 8 groups scored through the teacher's own path.

:func:`simulate_presentations` stores the roster, generates the Excel score
sheets, fills them with plausible scores using openpyxl (teacher, every peer
group, every member, with one generous peer group, a few free riders and a few
members who hand nothing in, so the flags and the penalty show), and imports
them exactly as a teacher would.  :func:`write_final_grades` then writes the
final grade sheet and the per-group reports.  ``python -m logicrm_edu.rubric.demo
OUT_DIR`` does both for :func:`demo_roster` (no gradebook there, so the
assignment columns are 0 with a note).
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook

from ..i18n import t
from .course import open_course
from .grade_sheet import export_final_grades
from .importing import ImportReport, import_sheets
from .marks import course_marks
from .model import Rubric
from .report import write_group_reports
from .roster import read_roster
from .sheet_layout import FIRST_ROW, FIRST_SCORE_COLUMN, ID_COLUMN, META_SHEET
from .sheets import write_score_sheets
from .store import open_store, save_roster

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
_GIVEN = ("伟", "芳", "娜", "敏", "静", "磊", "强", "洋", "艳", "杰", "涛", "明", "超", "婷", "欣怡",
          "子轩", "浩然", "雨桐", "佳豪", "思琪", "梓涵", "宇航", "晨曦", "嘉怡")


def demo_roster(groups: int = 8, seed: int = 0) -> pd.DataFrame:
    """A made-up roster: two classes, ``groups`` groups of 4–6 students, Chinese names."""
    rng = random.Random(seed)
    rows, number = [], 0
    for g in range(1, groups + 1):
        class_name = "物流2401" if g <= (groups + 1) // 2 else "物流2402"
        for _ in range(rng.randint(4, 6)):
            number += 1
            name = rng.choice(_SURNAMES) + rng.choice(_GIVEN)
            rows.append((f"2024{number:03d}", name, class_name, str(g)))
    return pd.DataFrame(rows, columns=["id", "name", "class", "group"])


def simulate_presentations(course_dir, roster, seed: int = 0, *, lang: str | None = None,
                           progress: bool = True) -> ImportReport:
    """Score every group's presentation in ``course_dir`` through sheets and import.

    ``roster``: a DataFrame or CSV/XLSX path (see :mod:`.roster`).  Sheets go to
    ``course_dir/rubric_sheets``; the same ``seed`` gives the same scores.
    """
    course_dir = Path(course_dir)
    course_dir.mkdir(parents=True, exist_ok=True)
    table = read_roster(roster)
    save_roster(open_store(course_dir), table)
    course = open_course(course_dir)
    rng = random.Random(seed)
    groups = list(dict.fromkeys(table["group"]))
    quality = {g: rng.uniform(0.55, 0.95) for g in groups}
    effort = {sid: rng.uniform(0.75, 1.0) for sid in table["id"]}
    teams = [list(team) for _, team in table.groupby("group", sort=False)["id"]]
    for team in teams[1::3]:
        effort[team[-1]] = 0.35  # a free rider, whom teammates rate low
    silent = {team[0] for team in teams[2::3]}  # members who hand no sheet in
    generous = groups[-1]  # a peer group that gives everyone full marks
    out = course_dir / "rubric_sheets"

    def aim(kind: str, rater: str):
        """subject → the share of the maximum this rater aims at, or None: hand nothing in."""
        if rater in silent:
            return None
        if kind == "group" and rater == generous:
            return lambda subject: 1.5  # far above the top: every score is the maximum
        bias = 0.0 if kind == "teacher" else rng.gauss(0, 0.04)
        levels = effort if kind == "member" else quality
        return lambda subject: levels[subject] + bias

    filled = []
    for rubric in (*course.presentations, course.member_rubric):
        for path in write_score_sheets(rubric, table, out, lang=lang, progress=progress,
                                       self_rating=course.settings.rubric.self_rating):
            if _fill(path, rubric, aim, rng):
                filled.append(path)
    return import_sheets(filled, course_dir, progress=progress)


def _fill(path: Path, rubric: Rubric, aim, rng: random.Random) -> bool:
    """Fill one sheet with scores near ``aim(kind, rater)(subject)`` × max; False if left empty."""
    book = load_workbook(path)
    meta = {row[0]: row[1] for row in book[META_SHEET].iter_rows(max_col=2, values_only=True)}
    level = aim(meta["rater_kind"], str(meta["rater"]))
    if level is None:
        return False
    sheet = book.worksheets[0]
    for row in range(FIRST_ROW, sheet.max_row + 1):
        subject = sheet.cell(row, ID_COLUMN).value
        if not subject:
            continue
        for offset, criterion in enumerate(rubric.criteria):
            share = min(1.0, max(0.0, level(str(subject)) + rng.gauss(0, 0.05)))
            span = criterion.max_points - criterion.min_points
            sheet.cell(row, FIRST_SCORE_COLUMN + offset, round(criterion.min_points + share * span))
    book.save(path)
    return True


def write_final_grades(course_dir, out_dir=None, *, lang: str | None = None) -> dict[str, Path]:
    """The final grade sheet (xlsx, csv) and one HTML report per group; returns the paths.

    ``out_dir`` defaults to ``course_dir/final_grades``; reports go to ``out_dir/reports``
    (``out_dir/reports/<rubric>`` for each of several presentations).
    """
    out_dir = Path(out_dir) if out_dir else Path(course_dir) / "final_grades"
    paths = export_final_grades(course_dir, out_dir, lang=lang)
    course = open_course(course_dir)
    several = len(course.presentations) > 1
    for rubric in course.presentations:  # one folder per presentation when there are several
        folder = out_dir / "reports" / rubric.id if several else out_dir / "reports"
        reports = write_group_reports(course, course_marks(course, rubric), folder, lang)
        paths |= {f"report:{rubric.id}:{p.stem}" if several else f"report:{p.stem}": p
                  for p in reports}
    return paths


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path("demo-output") / "course"
    report = simulate_presentations(out, demo_roster())
    for problem in report.problems:
        print(problem.text(), file=sys.stderr)
    for path in write_final_grades(out).values():
        print(t("demo.wrote", path=path))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
