"""Batch autograding, side by side in one run on the same submissions:

- ``nbgrader autograde``: the real CLI, sequential, with nbgrader's own Execute (test
  cells run inside the student's kernel, no sandbox) — how nbgrader grades;
- ``logicrm autograde`` engine, sandboxed (the default): students' cells in a
  bubblewrap sandbox, tests judged outside, 2 workers;
- the same engine unsandboxed (``--unsandboxed``), to show what the sandbox costs.

40 submissions s01..s40 cycle through the honest grading kit
(autograder/abc_tiering/submissions.toml) in temporary copies of course/, textbook data.  One kit
submission (broken_infinite_loop) costs the 10 s cell timeout everywhere; ``--loop``
chooses ``include``, ``exclude`` or ``both`` (default).  broken_deleted_test is left
out: the engine puts a deleted test cell back and judges it, nbgrader scores it 0
(by design, see README).  Every repeat grades all three ways, in rotating order, and
asserts that both engine runs give every grade cell the kit's hand-worked score
(autograder/abc_tiering/expected_scores.csv).  nbgrader's own scores differ where the engine
marks more fairly (follow-through, chart parts, the hidden second run); the number
of such cells is printed.  The figures printed are medians over repeats.  Times are
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

from logicrm_edu.course.nbgrader_app import cell_scores, nbgrader_api, run
from logicrm_edu.submissions import build_submission, load_specs, resolved

ROOT = Path(__file__).parents[1]
ASSIGNMENT = "abc_tiering"
LOOP = "broken_infinite_loop"
JUDGED_DIFFERENTLY = "broken_deleted_test"
EXPECTED = pd.read_csv(ROOT / "autograder" / "abc_tiering" / "expected_scores.csv").set_index("submission")
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
    specs = load_specs(ROOT / "autograder" / "abc_tiering" / "submissions.toml")
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
    """Autograded cells' scores, one row per student."""
    table = cell_scores(course, ASSIGNMENT).pivot_table(index="student", columns="cell",
                                                        values="score")
    return table[[c for c in EXPECTED.columns if c.startswith("step")]]


def expected(plan: dict[str, str]) -> pd.DataFrame:
    cells = [c for c in EXPECTED.columns if c.startswith("step")]
    table = EXPECTED.loc[list(plan.values()), cells].astype(float)
    table.index = pd.Index(list(plan), name="student")
    return table


def one_variant(label: str, kinds: list[str], n: int, workers: int, repeats: int) -> None:
    times: dict[str, list[float]] = {way: [] for way in WAYS}
    for repeat in range(repeats):
        with tempfile.TemporaryDirectory() as tmp:
            courses = {way: Path(tmp) / way for way in WAYS}
            for way, course in courses.items():
                plan = make_course(course, kinds, n, stock=way == "nbgrader")
            order = WAYS[repeat % 3:] + WAYS[:repeat % 3]
            for way in order:
                times[way].append(grade(way, courses[way], workers))
            baseline, right = scores(courses["nbgrader"]), expected(plan)
            assert len(baseline) == n, "too few graded"
            for way in WAYS[1:]:
                pd.testing.assert_frame_equal(scores(courses[way]).sort_index(),
                                              right.sort_index(), check_names=False,
                                              check_like=True, atol=1e-4)
            fairer = int(((baseline.sort_index() - right.sort_index()).abs() > 1e-4).sum().sum())
    median = {way: statistics.median(values) for way, values in times.items()}
    loops = sum(1 for i in range(n) if kinds[i % len(kinds)] == LOOP)
    print(f"[{label}] {n} submissions ({loops} with the 10 s infinite loop), median of {repeats} "
          f"run(s); both engine runs give the kit's hand-worked score to every cell; nbgrader "
          f"differs on {fairer} of {right.size} cells (follow-through, chart parts, hidden re-run)")
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
    kinds = [k for k in load_specs(ROOT / "autograder" / "abc_tiering" / "submissions.toml")
             if k != JUDGED_DIFFERENTLY]
    if args.loop in ("include", "both"):
        one_variant("loop included", kinds, args.n, args.workers, args.repeats)
    if args.loop in ("exclude", "both"):
        one_variant("loop excluded", [k for k in kinds if k != LOOP], args.n, args.workers,
                    args.repeats)


if __name__ == "__main__":
    main()
