"""Batch autograding, side by side in one run on the same submissions:

- ``nbgrader autograde``: the real CLI, sequential, with nbgrader's own Execute (test
  cells run inside the student's kernel, no sandbox) — how nbgrader grades;
- ``logicrm autograde`` engine, sandboxed (the default): students' cells in a
  bubblewrap sandbox, tests judged outside, 2 workers;
- the same engine unsandboxed (``--unsandboxed``), to show what the sandbox costs.

40 submissions s01..s40 cycle through the honest grading kit
(autograder/submissions.toml) in temporary copies of course/, textbook data.  One kit
submission (broken_infinite_loop) costs the 10 s cell timeout everywhere; ``--loop``
chooses ``include``, ``exclude`` or ``both`` (default).  broken_deleted_test is left
out: the engine puts a deleted test cell back and judges it, nbgrader scores it 0
(by design, see README).  Every repeat grades all three ways, in rotating order,
and asserts identical per-cell scores (score and max score of every grade cell);
the figures printed are medians over repeats.  Times are
wall-clock in a fresh interpreter each (the CLI's start-up and the engine's imports
and worker start-up included).

Usage: python benchmarks/autograde.py [--n 40] [--workers 2] [--repeats 1] [--loop both]
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import pandas as pd

from logicrm_edu.nbgrader_course import cell_scores, nbgrader_api, run
from logicrm_edu.submissions import build_submission, load_specs, resolved

ROOT = Path(__file__).parents[1]
ASSIGNMENT = "abc_tiering"
LOOP = "broken_infinite_loop"
JUDGED_DIFFERENTLY = "broken_deleted_test"
# An empty notebook's missing test cells: nbgrader leaves them ungraded (auto_score None,
# score 0); the engine puts them back and judges them (auto_score 0).  Scores are equal.
COMPARED = ["score", "max_score"]
# nbgrader's own pipeline (its defaults), for the baseline's course copy
STOCK_CONFIG = """
c.Autograde.autograde_preprocessors = [
    "nbgrader.preprocessors.Execute", "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor", "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades", "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata"]
c.Autograde.sanitize_preprocessors = [
    "nbgrader.preprocessors.ClearOutput", "nbgrader.preprocessors.DeduplicateIds",
    "nbgrader.preprocessors.OverwriteKernelspec", "nbgrader.preprocessors.OverwriteCells",
    "nbgrader.preprocessors.CheckCellMetadata"]
c.Execute.timeout = 10
"""
WAYS = ("nbgrader", "sandboxed", "unsandboxed")


def make_course(folder: Path, kinds: list[str], n: int, *, stock: bool = False) -> dict[str, str]:
    """A course copy with ``n`` submissions s01.. cycling over ``kinds``; returns id -> kind."""
    shutil.copytree(ROOT / "course", folder, ignore=shutil.ignore_patterns(
        "gradebook.db", "submitted", "autograded", "feedback", "release", ".logicrm"))
    if stock:
        with open(folder / "nbgrader_config.py", "a", encoding="utf-8") as fh:
            fh.write(STOCK_CONFIG)
    run(nbgrader_api(folder).generate_assignment(ASSIGNMENT, force=True), "generate_assignment")
    release_dir = folder / "release" / ASSIGNMENT
    release = nbformat.read(release_dir / f"{ASSIGNMENT}.ipynb", 4)
    specs = load_specs(ROOT / "autograder" / "submissions.toml")
    plan = {f"s{i + 1:02d}": kinds[i % len(kinds)] for i in range(n)}
    for student, kind in plan.items():
        target = folder / "submitted" / student / ASSIGNMENT
        target.mkdir(parents=True)
        for extra in release_dir.iterdir():
            if extra.is_file() and extra.suffix != ".ipynb":
                shutil.copy(extra, target / extra.name)
        nbformat.write(build_submission(release, resolved(specs, kind)), target / f"{ASSIGNMENT}.ipynb")
    return plan


def grade(way: str, course: Path, workers: int) -> float:
    """Seconds to autograde ``course`` one way."""
    if way == "nbgrader":
        command = [str(Path(sys.executable).with_name("nbgrader")), "autograde", ASSIGNMENT, "--force"]
    else:
        command = [str(Path(sys.executable).with_name("logicrm")), "autograde", ASSIGNMENT,
                   "--force", "--workers", str(workers), "--course", str(course)]
        command += ["--unsandboxed"] if way == "unsandboxed" else []
    start = time.perf_counter()
    subprocess.run(command, cwd=course, check=True, capture_output=True)
    return time.perf_counter() - start


def scores(course: Path) -> pd.DataFrame:
    return cell_scores(course, ASSIGNMENT).set_index(["student", "notebook", "cell"])[COMPARED].sort_index()


def one_variant(label: str, kinds: list[str], n: int, workers: int, repeats: int) -> None:
    times: dict[str, list[float]] = {way: [] for way in WAYS}
    for repeat in range(repeats):
        with tempfile.TemporaryDirectory() as tmp:
            courses = {way: Path(tmp) / way for way in WAYS}
            for way, course in courses.items():
                make_course(course, kinds, n, stock=way == "nbgrader")
            order = WAYS[repeat % 3:] + WAYS[:repeat % 3]
            for way in order:
                times[way].append(grade(way, courses[way], workers))
            baseline = scores(courses["nbgrader"])
            assert len(baseline.index.get_level_values("student").unique()) == n, "too few graded"
            for way in WAYS[1:]:
                pd.testing.assert_frame_equal(baseline, scores(courses[way]))
    median = {way: statistics.median(values) for way, values in times.items()}
    loops = sum(1 for i in range(n) if kinds[i % len(kinds)] == LOOP)
    print(f"[{label}] {n} submissions ({loops} with the 10 s infinite loop), median of {repeats} "
          f"run(s); per-cell scores identical all three ways")
    names = {"nbgrader": "nbgrader autograde (CLI, sequential, no sandbox)",
             "sandboxed": f"logicrm autograde, sandboxed ({workers} workers)",
             "unsandboxed": f"logicrm autograde --unsandboxed ({workers} workers)"}
    for way in WAYS:
        print(f"  {names[way]:<52} {median[way]:7.1f} s = {median[way] / n:.2f} s/submission"
              f"   runs: {', '.join(f'{x:.1f}' for x in times[way])}")
    overhead = (median["sandboxed"] - median["unsandboxed"]) * workers / n
    print(f"  speed-up over nbgrader: sandboxed {median['nbgrader'] / median['sandboxed']:.2f}x, "
          f"unsandboxed {median['nbgrader'] / median['unsandboxed']:.2f}x; sandbox overhead "
          f"{overhead * 1000:+.0f} ms per submission in a worker")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--loop", choices=["include", "exclude", "both"], default="both")
    args = parser.parse_args()
    kinds = [k for k in load_specs(ROOT / "autograder" / "submissions.toml")
             if k != JUDGED_DIFFERENTLY]
    if args.loop in ("include", "both"):
        one_variant("loop included", kinds, args.n, args.workers, args.repeats)
    if args.loop in ("exclude", "both"):
        one_variant("loop excluded", [k for k in kinds if k != LOOP], args.n, args.workers,
                    args.repeats)


if __name__ == "__main__":
    main()
