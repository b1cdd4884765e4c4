"""Course-level settings of the rubric module, from ``DIR/course.toml``.

Two sections are read; every key is optional and other sections are left to
the rest of the platform.  Defaults::

    [rubric]
    presentations = ["abc_presentation"] # the term's group presentations, one rubric each
                                         # (file stem or path); ``group_rubric = "x"`` is the
                                         # one-presentation form of the same setting
    member_rubric = "member_evaluation"  # rubric teammates rate each other with
    rubric_dir = "rubrics"               # folder (relative to DIR) searched before the shipped rubrics
    teacher_weight = 0.5                 # share of the teacher in the group score, 0..1
    peer_trim = 0                        # drop this many highest and lowest peer-group totals
    self_rating = false                  # members also rate themselves
    method = "webpa"                     # individual adjustment: "webpa" or "equal"
    webpa_weighting = 0.5                # w: share of the group mark moved by peer assessment, 0..1
    non_submitter_penalty = 0            # penalty for members who rated nobody
    penalty_kind = "percent"             # "percent" (of the mark) or "points"

    [grades]
    assignment_weight = 60               # weight of the nbgrader assignments together
    presentation_weight = 40             # weight of the individual presentation mark
    decimals = 1                         # rounding in the exported grade sheet
    [grades.assignments]                 # optional relative weights per assignment name;
    # abc_tiering = 2                    # without this table every assignment counts equally
    [grades.presentations]               # optional relative weights per presentation rubric;
    # abc_presentation = 2               # without this table every presentation counts equally

A missing file gives the defaults; a bad value raises
:class:`~.problems.RubricError` naming ``course.toml`` and the key.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

from ..course.config import COURSE_FILE, read_course_file
from .adjustment import PENALTY_KINDS
from .methods import METHODS
from .problems import RubricError
from .rubric_files import SHIPPED_DIR


@dataclass(frozen=True)
class RubricSettings:
    """The ``[rubric]`` section."""

    group_rubric: str = "abc_presentation"
    presentations: tuple[str, ...] = ()
    member_rubric: str = "member_evaluation"
    rubric_dir: str = "rubrics"
    teacher_weight: float = 0.5
    peer_trim: int = 0
    self_rating: bool = False
    method: str = "webpa"
    webpa_weighting: float = 0.5
    non_submitter_penalty: float = 0.0
    penalty_kind: str = "percent"


@dataclass(frozen=True)
class GradeSettings:
    """The ``[grades]`` section."""

    assignment_weight: float = 60.0
    presentation_weight: float = 40.0
    decimals: int = 1
    assignments: dict[str, float] = field(default_factory=dict)
    presentations: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class CourseSettings:
    """Everything the rubric module reads from ``course.toml``, plus where the course is."""

    course_dir: Path
    rubric: RubricSettings = RubricSettings()
    grades: GradeSettings = GradeSettings()

    @property
    def rubric_folders(self) -> list[Path]:
        """Folders searched for rubric files: the course's own, then the shipped ones."""
        return [self.course_dir / self.rubric.rubric_dir, SHIPPED_DIR]

    @property
    def presentations(self) -> tuple[str, ...]:
        """The group presentations' rubrics, in term order."""
        return self.rubric.presentations or (self.rubric.group_rubric,)


def load_settings(course_dir=".") -> CourseSettings:
    """Read ``course_dir/course.toml`` (defaults when the file or a key is missing)."""
    course_dir = Path(course_dir)
    data = read_course_file(course_dir)
    rubric = _section(data, "rubric", RubricSettings)
    grades = _section(data, "grades", GradeSettings)
    if {"group_rubric", "presentations"} <= set(data.get("rubric", {})):
        _fail("rubric.settings.two_presentation_keys", "rubric.presentations")
    _check(rubric, grades)
    return CourseSettings(course_dir, rubric, grades)


def _section(data: dict, name: str, cls):
    table = data.get(name, {})
    if not isinstance(table, dict):
        _fail("rubric.file.not_table", name)
    defaults = {f.name: f for f in fields(cls)}
    values = {}
    for key, value in table.items():
        if key not in defaults:
            _fail("rubric.file.unknown_key", f"{name}.{key}", allowed=", ".join(defaults))
        values[key] = _typed(value, defaults[key].type, f"{name}.{key}")
    return cls(**values)


def _typed(value, kind: str, where: str):
    if kind == "bool":
        if not isinstance(value, bool):
            _fail("rubric.settings.not_bool", where, given=value)
        return value
    if kind == "str":
        if not isinstance(value, str) or not value.strip():
            _fail("rubric.file.bad_text", where)
        return value
    if kind == "tuple[str, ...]":
        if not isinstance(value, list) or not value:
            _fail("rubric.settings.not_list", where, given=value)
        return tuple(_typed(item, "str", f"{where}[{n}]") for n, item in enumerate(value))
    if kind == "dict[str, float]":
        if not isinstance(value, dict):
            _fail("rubric.file.not_table", where)
        return {str(k): _number(v, f"{where}.{k}", minimum=0) for k, v in value.items()}
    number = _number(value, where, minimum=0)
    if kind == "int":
        if number != int(number):
            _fail("rubric.settings.not_whole", where, given=value)
        return int(number)
    return number


def _number(value, where: str, *, minimum: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        _fail("rubric.file.not_number", where, given=value)
    if value < minimum:
        _fail("rubric.settings.negative", where, given=value)
    return float(value)


def _check(rubric: RubricSettings, grades: GradeSettings) -> None:
    for key in ("teacher_weight", "webpa_weighting"):
        if getattr(rubric, key) > 1:
            _fail("rubric.settings.fraction", f"rubric.{key}", given=getattr(rubric, key))
    if rubric.method not in METHODS:
        _fail("rubric.file.bad_choice", "rubric.method", given=rubric.method, allowed=", ".join(METHODS))
    if rubric.penalty_kind not in PENALTY_KINDS:
        _fail("rubric.file.bad_choice", "rubric.penalty_kind", given=rubric.penalty_kind,
              allowed=", ".join(PENALTY_KINDS))
    if rubric.penalty_kind == "percent" and rubric.non_submitter_penalty > 100:
        _fail("rubric.settings.percent", "rubric.non_submitter_penalty", given=rubric.non_submitter_penalty)
    if grades.assignment_weight + grades.presentation_weight == 0:
        _fail("rubric.settings.zero_weights", "grades")
    presentations = rubric.presentations or (rubric.group_rubric,)
    for name in grades.presentations:
        if name not in presentations:
            _fail("rubric.settings.unknown_presentation", f"grades.presentations.{name}",
                  allowed=", ".join(presentations))


def _fail(key: str, where: str, **fields):
    raise RubricError.of(key, file=COURSE_FILE, toml_key=where, **fields)
