"""A simulated class for ``logicrm demo``: 40 students, their submissions as an LMS zip.

The roster is ``data/demo_roster.csv`` (two classes, groups 1–8).  Each student
gets a sample submission of the assignment's grading kit
(``autograder/<assignment>/submissions.toml``, each as often as its ``demo`` entry
says): mostly correct, the typical mistakes, a few broken notebooks.  Submissions are
built from the student's own handout, so the data file a student uploads is
their own.  The zip looks like an LMS download: most notebooks loose and named
``<id>_<name>_<assignment>.ipynb``, some in a ``<id>_<name>/`` folder with the
data file, one late, one resubmitted (the older copy is a duplicate) and one
that names nobody in the roster.
"""
from __future__ import annotations

import random
import zipfile
from datetime import datetime, timedelta
from importlib import resources
from pathlib import Path

import nbformat
import pandas as pd

from .template import kit_dir
from .release import handout_dir
from .safe_files import write_with
from ..submissions import build_submission, load_specs, resolved

DEADLINE = datetime(2025, 3, 14, 23, 59)
"""the first assignment's deadline; each later one is :data:`EVERY` later"""
EVERY = timedelta(weeks=2)


def demo_roster_path() -> Path:
    """The bundled roster of the demo class (CSV: 学号, 姓名, 班级, 小组)."""
    return Path(str(resources.files("logicrm_edu") / "data" / "demo_roster.csv"))


def assign_submissions(specs: dict[str, dict], student_ids: list[str],
                       seed: int = 0) -> dict[str, str]:
    """Student id → kit submission name.  Each submission of the kit is handed in by as many
    students as its ``demo`` entry says (1 when absent; never inherited from a ``base``):
    the kit decides the class's mix of right answers, mistakes and broken notebooks."""
    kinds = [name for name, spec in specs.items() for _ in range(int(spec.get("demo", 1)))]
    kinds = (kinds * (len(student_ids) // len(kinds) + 1))[:len(student_ids)]
    random.Random(seed).shuffle(kinds)
    return dict(zip(student_ids, kinds))


def deadline(number: int) -> datetime:
    """The deadline of the term's assignment ``number`` (0 for the first)."""
    return DEADLINE + number * EVERY


def build_lms_zip(course_dir, assignment: str, roster: pd.DataFrame, out, *,
                  seed: int = 0, kit=None, due: datetime = DEADLINE) -> dict[str, str]:
    """Write the class's LMS download to ``out`` (a zip), handed in before ``due`` (one
    student late); returns id → submission kind."""
    course_dir = Path(course_dir)
    specs = load_specs(Path(kit or kit_dir()) / assignment / "submissions.toml")
    plan = assign_submissions(specs, list(roster["id"]), seed)
    rng = random.Random(seed)
    ids = list(roster["id"])
    late_id, resubmit_id = ids[7], ids[12]
    names = dict(zip(roster["id"], roster["name"]))

    def entry(zf, name: str, data: bytes, when: datetime) -> None:
        info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
        info.flag_bits |= 0x800  # names are UTF-8
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, data)

    def notebook(sid: str, kind: str) -> tuple[bytes, Path]:
        folder = handout_dir(course_dir, sid, assignment)
        release = nbformat.read(folder / f"{assignment}.ipynb", as_version=4)
        nb = build_submission(release, resolved(specs, kind))
        return nbformat.writes(nb).encode("utf-8"), folder

    def pack(path: Path) -> None:
        with zipfile.ZipFile(path, "w") as zf:
            for n, sid in enumerate(ids):
                when = due - timedelta(days=rng.randint(0, 5), minutes=rng.randint(1, 600))
                if sid == late_id:
                    when = due + timedelta(hours=5)
                data, folder = notebook(sid, plan[sid])
                stem = f"{sid}_{names[sid]}"
                if n % 5 == 4:  # uploaded as a folder with the data file
                    entry(zf, f"{stem}/{assignment}.ipynb", data, when)
                    for extra in folder.iterdir():
                        if extra.suffix != ".ipynb":
                            entry(zf, f"{stem}/{extra.name}", extra.read_bytes(), when)
                else:
                    entry(zf, f"{stem}_{assignment}.ipynb", data, when)
                if sid == resubmit_id:  # an earlier, unfinished upload: the release as handed out
                    first = (folder / f"{assignment}.ipynb").read_bytes()
                    entry(zf, f"{stem}_{assignment}(1).ipynb", first, when - timedelta(days=1))
            stray, _ = notebook(ids[0], next(iter(specs)))  # the kit's first: its reference
            entry(zf, f"{assignment}(2).ipynb", stray, due - timedelta(days=1))

    write_with(Path(out), pack)
    return plan
