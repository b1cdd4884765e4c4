"""Reading and validating rubric files (TOML) from ``course/rubrics/``.

The format is documented in ``course/rubrics/README.md``.  In short::

    title = { zh = "小组成员评价表", en = "Group member evaluation" }
    subject = "member"            # what is rated: "group" or "member"
    raters = ["member"]           # "teacher", "group" (other groups), "member" (teammates)

    [[criteria]]
    id = "attitude"               # ASCII, unique in the file
    name = { zh = "态度", en = "Attitude" }
    max = 5                       # optional: min = 0
    [[criteria.levels]]           # optional bands, must not overlap, within min..max
    min = 4
    max = 5
    descriptor = { zh = "……", en = "……" }

Texts are ``{zh, en}`` tables or a plain string (used for both languages).
Every mistake raises :class:`~.problems.RubricError` naming the file and the key
(criteria and levels are numbered from 1, criteria by id when they have one).
"""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

from ..course.template import template_dir
from .model import RATER_KINDS, SUBJECTS, Criterion, Level, Rubric
from .problems import RubricError

SHIPPED_DIR = template_dir() / "rubrics"
"""The rubrics shipped with the course template (see :mod:`logicrm_edu.course.template`)."""

_TOP_KEYS = {"title", "subject", "raters", "criteria"}
_CRITERION_KEYS = {"id", "name", "max", "min", "levels", "description"}
_LEVEL_KEYS = {"min", "max", "descriptor"}
_ID = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def load_rubric(path) -> Rubric:
    """Read and validate one rubric file; its id is the file stem."""
    path = Path(path)
    if not path.is_file():
        raise RubricError.of("rubric.file.not_found", file=str(path))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RubricError.of("rubric.file.syntax", file=path.name, reason=str(exc)) from None
    return _Reader(path.name).rubric(path.stem, data, str(path))


def find_rubric(name: str, folders) -> Rubric:
    """Load rubric ``name`` (a file stem or a path) from the first folder that has it."""
    if name.endswith(".toml") or "/" in name or "\\" in name:
        return load_rubric(name)
    searched = [Path(folder) for folder in folders]
    for folder in searched:
        candidate = folder / f"{name}.toml"
        if candidate.is_file():
            return load_rubric(candidate)
    raise RubricError.of("rubric.file.unknown_rubric", name=name,
                         folders=", ".join(str(f) for f in searched))


class _Reader:
    """Validates the parsed TOML of one file; every error names the file and key."""

    def __init__(self, file: str):
        self.file = file

    def fail(self, key: str, toml_key: str, **fields):
        raise RubricError.of(key, file=self.file, toml_key=toml_key, **fields)

    def rubric(self, rubric_id: str, data: dict, source: str) -> Rubric:
        self.known(data, _TOP_KEYS, "")
        subject = self.required(data, "subject", "")
        if subject not in SUBJECTS:
            self.fail("rubric.file.bad_choice", "subject", given=subject, allowed=", ".join(SUBJECTS))
        raters = self.required(data, "raters", "")
        if not isinstance(raters, list) or not raters:
            self.fail("rubric.file.not_list", "raters")
        allowed = RATER_KINDS[subject]
        for index, kind in enumerate(raters, start=1):
            if kind not in allowed:
                self.fail("rubric.file.bad_rater", f"raters[{index}]", given=kind,
                          subject=subject, allowed=", ".join(allowed))
        criteria = self.required(data, "criteria", "")
        if not isinstance(criteria, list) or not criteria:
            self.fail("rubric.file.not_list", "criteria")
        parsed = []
        for index, item in enumerate(criteria, start=1):
            parsed.append(self.criterion(item, index, {c.id for c in parsed}))
        title = self.text(self.required(data, "title", ""), "title")
        return Rubric(id=rubric_id, title=title, subject=subject, raters=tuple(dict.fromkeys(raters)),
                      criteria=tuple(parsed), source=source)

    def criterion(self, item, index: int, seen: set[str]) -> Criterion:
        where = f"criteria[{index}]"
        if not isinstance(item, dict):
            self.fail("rubric.file.not_table", where)
        cid = item.get("id")
        if not isinstance(cid, str) or not _ID.fullmatch(cid):
            self.fail("rubric.file.bad_id", f"{where}.id", given=cid)
        where = f"criteria.{cid}"
        if cid in seen:
            self.fail("rubric.file.duplicate_id", f"{where}.id", given=cid)
        self.known(item, _CRITERION_KEYS, where + ".")
        high = self.number(self.required(item, "max", where + "."), f"{where}.max")
        low = self.number(item.get("min", 0), f"{where}.min")
        if high <= low:
            self.fail("rubric.file.max_not_above_min", f"{where}.max", max=high, min=low)
        levels = item.get("levels", [])
        if not isinstance(levels, list):
            self.fail("rubric.file.not_list", f"{where}.levels")
        parsed = [self.level(level, f"{where}.levels[{n}]", low, high)
                  for n, level in enumerate(levels, start=1)]
        self.no_overlap(parsed, f"{where}.levels")
        return Criterion(id=cid, name=self.text(self.required(item, "name", where + "."), f"{where}.name"),
                         max_points=high, min_points=low,
                         levels=tuple(sorted(parsed, key=lambda lv: -lv.high)),
                         description=self.text(item["description"], f"{where}.description")
                         if "description" in item else {})

    def level(self, item, where: str, low: float, high: float) -> Level:
        if not isinstance(item, dict):
            self.fail("rubric.file.not_table", where)
        self.known(item, _LEVEL_KEYS, where + ".")
        lv_low = self.number(self.required(item, "min", where + "."), f"{where}.min")
        lv_high = self.number(self.required(item, "max", where + "."), f"{where}.max")
        if lv_high < lv_low:
            self.fail("rubric.file.level_reversed", where, min=lv_low, max=lv_high)
        if lv_high > high:
            self.fail("rubric.file.level_above_max", f"{where}.max", level=lv_high, max=high)
        if lv_low < low:
            self.fail("rubric.file.level_below_min", f"{where}.min", level=lv_low, min=low)
        return Level(lv_low, lv_high,
                     self.text(self.required(item, "descriptor", where + "."), f"{where}.descriptor"))

    def no_overlap(self, levels: list[Level], where: str) -> None:
        """Reject two bands sharing points, naming the one later in the file."""
        ordered = sorted(enumerate(levels, start=1), key=lambda pair: pair[1].low)
        for lower, upper in zip(ordered, ordered[1:]):
            if upper[1].low <= lower[1].high:
                (n, later), (_, earlier) = sorted((lower, upper), key=lambda pair: -pair[0])
                self.fail("rubric.file.levels_overlap", f"{where}[{n}]",
                          first=f"{earlier.low:g}–{earlier.high:g}", second=f"{later.low:g}–{later.high:g}")

    def known(self, table: dict, allowed: set[str], prefix: str) -> None:
        for key in table:
            if key not in allowed:
                self.fail("rubric.file.unknown_key", prefix + key, allowed=", ".join(sorted(allowed)))

    def required(self, table: dict, key: str, prefix: str):
        if key not in table:
            self.fail("rubric.file.missing_key", prefix + key)
        return table[key]

    def number(self, value, where: str) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
            self.fail("rubric.file.not_number", where, given=value)
        return float(value)

    def text(self, value, where: str) -> dict[str, str]:
        if isinstance(value, str) and value.strip():
            return {"zh": value, "en": value}
        if isinstance(value, dict) and isinstance(value.get("zh"), str) and value["zh"].strip() \
                and set(value) <= {"zh", "en"} and all(isinstance(v, str) for v in value.values()):
            return {"zh": value["zh"], "en": value.get("en") or value["zh"]}
        self.fail("rubric.file.bad_text", where)
