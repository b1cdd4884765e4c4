"""Speed of the ABC assignment as a student meets it.

1. Executing the release notebook top to bottom with the reference answers,
   excluding kernel start (measured separately), median of several runs.
2. One self-check call (``task.check("step3", table)`` etc.), median per step.

Usage: python benchmarks/notebook.py [--repeats 5]
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from logicrm_edu import load_dataset
from logicrm_edu.assignments import AbcTiering
from logicrm_edu.course.nbgrader_app import nbgrader_api, run
from logicrm_edu.submissions import load_specs, resolved, build_submission

ROOT = Path(__file__).parents[1]


def reference_notebook(work: Path) -> Path:
    """The release notebook with the reference answers filled in, in ``work``."""
    course = work / "course"
    course.mkdir()
    shutil.copy(ROOT / "course" / "nbgrader_config.py", course)
    shutil.copytree(ROOT / "course" / "source", course / "source")
    run(nbgrader_api(course).generate_assignment("abc_tiering", force=True), "generate_assignment")
    release = course / "release" / "abc_tiering"
    spec = resolved(load_specs(ROOT / "autograder" / "abc_tiering" / "submissions.toml"), "correct_reference")
    nb = build_submission(nbformat.read(release / "abc_tiering.ipynb", 4), spec)
    nbformat.write(nb, release / "reference.ipynb")
    return release / "reference.ipynb"


def time_notebook(path: Path) -> tuple[float, float]:
    """(kernel start seconds, execution seconds) for one run."""
    nb = nbformat.read(path, 4)
    client = NotebookClient(nb, timeout=60, resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    with client.setup_kernel():
        started = time.perf_counter()
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        done = time.perf_counter()
    return started - start, done - started


def time_self_checks(repeats: int) -> dict[str, float]:
    import matplotlib
    matplotlib.use("Agg")
    from logicrm_edu import pareto_chart, share_table, tier_customers
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "customers.xlsx"
        load_dataset("changhai").to_excel(path, index=False)
        task = AbcTiering(data_file=str(path))
        table = share_table(load_dataset("changhai"))
        tiered = tier_customers(table)
        ax = pareto_chart(tiered)
        answers = {"step2": (14, 2000, 0), "step3": (table,), "step4": (tiered,), "step5": (ax,)}
        task.check("step2", *answers["step2"])  # first call reads the data file once
        medians = {}
        for step, answer in answers.items():
            times = []
            for _ in range(repeats * 4):
                t0 = time.perf_counter()
                task.check(step, *answer)
                times.append(time.perf_counter() - t0)
            medians[step] = statistics.median(times)
    return medians


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        notebook = reference_notebook(Path(tmp))
        runs = [time_notebook(notebook) for _ in range(args.repeats)]
    kernel = statistics.median(r[0] for r in runs)
    execute = statistics.median(r[1] for r in runs)
    print(f"1. release notebook with reference answers: execute {execute:.2f} s "
          f"(kernel start {kernel:.2f} s not included), median of {args.repeats}; target < 5 s")
    for step, seconds in time_self_checks(args.repeats).items():
        print(f"2. self-check {step}: median {seconds * 1000:.1f} ms; target < 100 ms")


if __name__ == "__main__":
    main()
