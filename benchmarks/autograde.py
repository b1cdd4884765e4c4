"""Batch autograding: ``logicrm_edu.autograde`` (2 workers) against sequential
``nbgrader autograde`` (the real CLI, one batch call), on the same submissions.

40 submissions s01..s40 cycle through the grading kit (autograder/submissions.toml)
in temporary copies of course/.  One kit submission (broken_infinite_loop) has
an infinite loop that costs the 10 s cell timeout in both runs; it appears twice
among 40.  ``--loop`` chooses: ``include`` (the kit as it is), ``exclude`` (cycle
over the other 18), or ``both`` (default).  Every repeat grades both ways, in
alternating order, and asserts identical per-cell scores (score, auto_score,
max_score, needs_manual_grade); the printed figures are medians over repeats.
Times are wall-clock: the CLI's start-up and our workers' start-up are included;
the batch is timed both as a call from a running Python (the CLI's case once
it has imported nbgrader) and in a fresh interpreter that imports everything.

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

from logicrm_edu.autograde import autograde_submissions
from logicrm_edu.nbgrader_course import cell_scores, nbgrader_api, run
from logicrm_edu.submissions import build_submission, load_specs, resolved

ROOT = Path(__file__).parents[1]
ASSIGNMENT = "abc_tiering"
LOOP = "broken_infinite_loop"
COMPARED = ["score", "auto_score", "max_score", "needs_manual_grade"]


def make_course(folder: Path, kinds: list[str], n: int) -> dict[str, str]:
    """A course copy with ``n`` submissions s01.. cycling over ``kinds``; returns id -> kind."""
    shutil.copytree(ROOT / "course", folder, ignore=shutil.ignore_patterns(
        "gradebook.db", "submitted", "autograded", "feedback", "release", ".logicrm"))
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


def time_cli(course: Path) -> float:
    nbgrader = Path(sys.executable).with_name("nbgrader")
    start = time.perf_counter()
    subprocess.run([str(nbgrader), "autograde", ASSIGNMENT, "--force"], cwd=course, check=True,
                   capture_output=True)
    return time.perf_counter() - start


def time_batch(course: Path, workers: int) -> tuple[float, list]:
    start = time.perf_counter()
    results = autograde_submissions(course, ASSIGNMENT, workers=workers, force=True, progress=False)
    return time.perf_counter() - start, results


def time_batch_cold(course: Path, workers: int) -> float:
    """The same in a fresh interpreter (its own imports of nbgrader included), as a
    teacher's command would run it."""
    script = ("from logicrm_edu.autograde import autograde_submissions\n"
              f"autograde_submissions({str(course)!r}, {ASSIGNMENT!r}, workers={workers}, "
              "force=True, progress=False)\n")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", script], check=True)
    return time.perf_counter() - start


def scores(course: Path) -> pd.DataFrame:
    return cell_scores(course, ASSIGNMENT).set_index(["student", "notebook", "cell"])[COMPARED].sort_index()


def compare(cli: Path, batch: Path, n: int) -> None:
    a, b = scores(cli), scores(batch)
    assert len(a.index.get_level_values("student").unique()) == n, "CLI graded too few"
    assert a.index.equals(b.index), "different grade cells"
    pd.testing.assert_frame_equal(a, b)


def one_variant(label: str, kinds: list[str], n: int, workers: int, repeats: int) -> None:
    cli_times, batch_times, cold_times, per_worker = [], [], [], []
    for repeat in range(repeats):
        with tempfile.TemporaryDirectory() as tmp:
            cli_course, batch_course = Path(tmp) / "cli", Path(tmp) / "batch"
            plan = make_course(cli_course, kinds, n)
            make_course(batch_course, kinds, n)
            order = ("cli", "batch") if repeat % 2 == 0 else ("batch", "cli")
            for which in order:
                if which == "cli":
                    cli_times.append(time_cli(cli_course))
                else:
                    seconds, results = time_batch(batch_course, workers)
                    assert all(r.status == "graded" for r in results), results
                    batch_times.append(seconds)
                    per_worker += [r.seconds for r in results if plan[r.student] != LOOP]
            compare(cli_course, batch_course, n)
            cold_times.append(time_batch_cold(batch_course, workers))
            compare(cli_course, batch_course, n)
    cli, batch = statistics.median(cli_times), statistics.median(batch_times)
    loops = sum(1 for i in range(n) if kinds[i % len(kinds)] == LOOP)
    print(f"[{label}] {n} submissions ({loops} with the 10 s infinite loop), median of {repeats} "
          f"run(s) each; per-cell scores identical")
    print(f"  nbgrader autograde (CLI, sequential): {cli:7.1f} s = {cli / n:.2f} s/submission"
          f"   runs: {', '.join(f'{x:.1f}' for x in cli_times)}")
    print(f"  autograde_submissions(workers={workers}): {batch:7.1f} s = {batch / n:.2f} s/submission"
          f"   runs: {', '.join(f'{x:.1f}' for x in batch_times)}")
    cold = statistics.median(cold_times)
    print(f"    same, in a fresh interpreter:       {cold:7.1f} s = {cold / n:.2f} s/submission"
          f"   runs: {', '.join(f'{x:.1f}' for x in cold_times)}")
    print(f"  speed-up {cli / batch:.2f}x (fresh interpreter: {cli / cold:.2f}x); one submission "
          f"in one worker (loop excluded): median {statistics.median(per_worker):.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--loop", choices=["include", "exclude", "both"], default="both")
    args = parser.parse_args()
    kinds = list(load_specs(ROOT / "autograder" / "submissions.toml"))
    if args.loop in ("include", "both"):
        one_variant("loop included", kinds, args.n, args.workers, args.repeats)
    if args.loop in ("exclude", "both"):
        one_variant("loop excluded", [k for k in kinds if k != LOOP], args.n, args.workers,
                    args.repeats)


if __name__ == "__main__":
    main()
