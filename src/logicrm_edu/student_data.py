"""Per-student datasets: each student tiers different customers, reproducibly.

A student's data is :func:`~logicrm_edu.synthetic_customers` drawn from the
course's secret seed and the student id, so copied answers fail and the grader
can regenerate any student's data at grading time without an answer key in
any student-facing file.  The seed lives in the course's ``course.toml``
(``[course] seed``), which is never released.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

import pandas as pd

from .datasets import synthetic_customers

COURSE_FILE = "course.toml"
DEFAULT_CUSTOMERS = 20
# The columns a student's file holds (the ABC assignment reads 客户 and 营业收入).
COLUMNS = {"客户编号": "客户", "客户名称": "客户名称", "行业": "行业", "区域": "区域", "营业收入": "营业收入"}


def student_customers(course_seed: str, student_id: str, n: int = DEFAULT_CUSTOMERS) -> pd.DataFrame:
    """The customer table of one student: columns 客户, 客户名称, 行业, 区域, 营业收入 (万元)."""
    data = synthetic_customers(n, seed=f"{course_seed}:{student_id}")
    return data[list(COLUMNS)].rename(columns=COLUMNS)


def course_settings(course_dir) -> dict:
    """The ``[course]`` section of ``course_dir/course.toml`` (empty if there is none)."""
    path = Path(course_dir) / COURSE_FILE
    if not path.exists():
        return {}
    with open(path, "rb") as fh:
        return tomllib.load(fh).get("course", {})


def find_course(start) -> Path | None:
    """The course directory above ``start``: the nearest folder with nbgrader_config.py
    and course.toml (how a notebook being autograded finds its course)."""
    for folder in [Path(start).resolve(), *Path(start).resolve().parents]:
        if (folder / "nbgrader_config.py").exists() and (folder / COURSE_FILE).exists():
            return folder
    return None


def grading_student_data(cwd=None) -> pd.DataFrame:
    """The data of the student whose notebook is being autograded in ``cwd``.

    nbgrader runs a submission in ``<course>/autograded/<student>/<assignment>/``,
    so the student id is the grandparent folder's name there.
    """
    cwd = Path(cwd or Path.cwd()).resolve()
    course = find_course(cwd)
    if course is None:
        raise LookupError(f"no course (nbgrader_config.py + {COURSE_FILE}) above {cwd}")
    settings = course_settings(course)
    if "seed" not in settings:
        raise LookupError(f"{course / COURSE_FILE} has no [course] seed")
    student = cwd.parent.name
    return student_customers(str(settings["seed"]), student,
                             int(settings.get("customers", DEFAULT_CUSTOMERS)))
