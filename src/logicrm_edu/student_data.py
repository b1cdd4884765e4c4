"""Per-student datasets: each student tiers different customers, reproducibly.

A student's data is :func:`~logicrm_edu.synthetic_customers` drawn from the
course's secret seed and the student id, so copied answers fail and the grader
can regenerate any student's data at grading time (outside the sandbox) without
an answer key in any student-facing file.  The seed lives in the course's
``course.toml`` (``[course] seed``), which is never released.
"""
from __future__ import annotations

import pandas as pd

from .datasets import synthetic_customers

DEFAULT_CUSTOMERS = 20
# The columns a student's file holds (the ABC assignment reads 客户 and 营业收入).
COLUMNS = {"客户编号": "客户", "客户名称": "客户名称", "行业": "行业", "区域": "区域", "营业收入": "营业收入"}


def student_customers(course_seed: str, student_id: str, n: int = DEFAULT_CUSTOMERS) -> pd.DataFrame:
    """The customer table of one student: columns 客户, 客户名称, 行业, 区域, 营业收入 (万元)."""
    # the handout is Chinese whatever language the teacher runs logicrm in
    data = synthetic_customers(n, seed=f"{course_seed}:{student_id}", lang="zh")
    return data[list(COLUMNS)].rename(columns=COLUMNS)
