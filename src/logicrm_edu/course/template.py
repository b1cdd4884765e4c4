"""The course template ``logicrm init`` copies, and the teacher settings of its notebooks.

Where the template is (:func:`template_dir`), first match wins:

1. the folder named by the environment variable ``LOGICRM_COURSE_TEMPLATE``;
2. ``logicrm_edu/course_template/`` inside the installed package (present when a
   wheel maps the repository's ``course/`` folder there);
3. ``course/`` of the source checkout (``src/logicrm_edu/../../course``), which
   is what an editable install (``pip install -e .``, ``make``) sees.

The template holds ``nbgrader_config.py``, ``source/<assignment>/`` and
``rubrics/``.  :func:`kit_dir` finds the grading kits (``autograder/<assignment>/``) the
same way.
"""
from __future__ import annotations

import ast
import json
import os
import secrets
import shutil
from pathlib import Path

from ..assignments.settings import SETTINGS_CELL, read_settings
from .safe_files import write_text

ENV_VAR = "LOGICRM_COURSE_TEMPLATE"
TEMPLATE_PARTS = ("nbgrader_config.py", "source", "rubrics")
_PACKAGE = Path(__file__).resolve().parents[1]  # logicrm_edu/
_CHECKOUT = _PACKAGE.parents[1]
PER_STUDENT = "per-student"
_IGNORED = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "*.pyc", "gradebook.db",
                                  ".logicrm")


class TemplateMissing(FileNotFoundError):
    """No course template could be found (the message lists where we looked)."""


def template_dir() -> Path:
    """The course template folder; see the module docstring for the search order."""
    candidates = [Path(os.environ[ENV_VAR])] if os.environ.get(ENV_VAR) else []
    candidates += [_PACKAGE / "course_template", _CHECKOUT / "course"]
    for folder in candidates:
        if (folder / "nbgrader_config.py").is_file() and (folder / "source").is_dir():
            return folder
    raise TemplateMissing(", ".join(str(c) for c in candidates))


def kit_dir() -> Path:
    """The grading kits (sample submissions, expected scores), one folder per assignment:
    ``autograder/`` beside the template."""
    candidates = [template_dir().parent / "autograder", _PACKAGE / "autograder_kit",
                  _CHECKOUT / "autograder"]
    for folder in candidates:
        if any(folder.glob("*/submissions.toml")):
            return folder
    raise TemplateMissing(", ".join(str(c) for c in candidates))


def course_toml(seed: str, customers: int = 20,
                presentations: tuple[str, ...] = ("abc_presentation",)) -> str:
    """The ``course.toml`` of a new course: the secret seed, the term's presentations (one
    per assignment) and the commented defaults."""
    talks = ", ".join(f'"{name}"' for name in presentations)
    return f"""# 课程设置 / course settings (LogiCRM Edu)
# 此文件含有生成每位学生数据的密钥，切勿发给学生。
# This file holds the secret that generates each student's data: never give it to students.

[course]
seed = "{seed}"
customers = {customers}     # 每位学生的客户数 / customers per student

# 小组展示与总评的设置见 rubrics/README.md（以下为默认值）
# Presentation and final-grade settings: see rubrics/README.md (defaults below)
[rubric]
presentations = [{talks}]   # 本学期的小组展示，每次一张评分表 / the term's group presentations
# member_rubric = "member_evaluation"
# teacher_weight = 0.5
# [grades]
# assignment_weight = 60
# presentation_weight = 40
# [grades.assignments]      # 各作业的相对权重（不写则相同）/ relative weight per assignment (equal if absent)
# abc_tiering = 1
# [grades.presentations]    # 各次展示的相对权重（不写则相同）/ relative weight per presentation
# abc_presentation = 1

# 迟交：截止时间、延期与扣分（默认不扣分，但迟交总会在导出的成绩表中标出）
# Late work: deadlines, extensions and the penalty (none by default; late work is always flagged)
# [late]
# penalty_per_day = 0       # 每迟交一天（不足一天按一天）扣得分的百分之几 / percent of the score off per day started
# max_penalty = 100         # 最多扣得分的百分之几 / at most this percent in all
# grace_minutes = 0         # 截止后几分钟内仍算按时 / minutes after the deadline still on time
# [late.deadlines]          # 各作业的截止时间（本地时间）；不写则用成绩库中的截止时间 / per assignment (local time)
# abc_tiering = 2025-03-14 23:59:00
# [extensions.abc_tiering]  # 个别学生延期：学号 = 新的截止时间 / per student: id = new deadline
# 2301 = 2025-03-16 23:59:00
"""


def init_course(dest, *, textbook_data: bool = False, customers: int = 20) -> Path:
    """Create a ready course in ``dest`` (which must be missing or empty); returns it.

    Copies the template, writes ``course.toml`` with a fresh random seed and sets
    every assignment notebook's ``DATASET`` teacher setting to ``"per-student"``
    (``textbook_data=True`` keeps each notebook's textbook data, e.g. ``"changhai"``).
    """
    dest = Path(dest)
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise FileExistsError(str(dest))
    template = template_dir()
    dest.mkdir(parents=True, exist_ok=True)
    for part in TEMPLATE_PARTS:
        src = template / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=_IGNORED)
        elif src.is_file():
            shutil.copy2(src, dest / part)
    # each assignment's presentation rubric is one of the term's presentations
    talks = tuple(sorted(p.stem for p in (dest / "rubrics").glob("*_presentation.toml")))
    write_text(dest / "course.toml", course_toml(secrets.token_hex(16), customers,
                                                 talks or ("abc_presentation",)),
               mode=0o600)  # the data key: for the teacher's eyes only
    if not textbook_data:  # else each notebook keeps its own textbook dataset
        for notebook in sorted((dest / "source").glob("*/*.ipynb")):
            if teacher_settings(notebook).get("DATASET") is not None:
                set_teacher_setting(notebook, "DATASET", PER_STUDENT)
    return dest


def _settings_cell(nb: dict) -> dict | None:
    for cell in nb.get("cells", []):
        if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == SETTINGS_CELL:
            return cell
    return None


def _source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def settings_cell(notebook) -> str | None:
    """The source of a notebook's locked teacher-settings cell (None if it has none)."""
    cell = _settings_cell(json.loads(Path(notebook).read_text(encoding="utf-8")))
    return _source(cell) if cell is not None else None


def teacher_settings(notebook) -> dict:
    """The literal settings (``NAME = value``) of a notebook's locked teacher-settings cell."""
    source = settings_cell(notebook)
    return dict(read_settings(source).values) if source is not None else {}


def set_teacher_setting(notebook, name: str, value: str) -> None:
    """Set ``NAME = "value"`` in the teacher-settings cell, keeping the line's comment."""
    notebook = Path(notebook)
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    cell = _settings_cell(nb)
    source = _source(cell) if cell is not None else ""
    lines = source.splitlines(keepends=True)
    # the last assignment of the name is the one in force (and the one teacher_settings reads)
    for node in reversed(ast.parse(source).body if cell is not None else []):
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name) and node.targets[0].id == name
                and node.lineno == node.end_lineno):
            line = lines[node.lineno - 1].encode("utf-8")  # ast offsets count UTF-8 bytes
            head, old = line[:node.value.col_offset], line[node.value.col_offset:node.value.end_col_offset]
            tail = line[node.value.end_col_offset:].decode("utf-8")
            new = json.dumps(value, ensure_ascii=False)
            rest = tail.lstrip(" ")
            if rest.strip():  # keep the comment column aligned when the value's length changes
                rest = " " * max(1, len(old.decode("utf-8")) + len(tail) - len(rest) - len(new)) + rest
            lines[node.lineno - 1] = head.decode("utf-8") + new + rest
            cell["source"] = "".join(lines).splitlines(keepends=True)
            write_text(notebook, json.dumps(nb, ensure_ascii=False, indent=1) + "\n")
            return
    raise KeyError(name)
