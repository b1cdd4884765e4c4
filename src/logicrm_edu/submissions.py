"""Sample student submissions built from a release notebook and a TOML spec.

The grading kit (``autograder/submissions.toml``) and the class simulation of
the demo describe each submission as the code a student typed into the answer
cells, plus the ways students break notebooks (edited or deleted test cells, an
empty notebook).  Building them from the release notebook keeps them in step
with the assignment whenever the assignment changes.
"""
from __future__ import annotations

import copy
import tomllib
from pathlib import Path

import nbformat
from nbformat import NotebookNode

STUB = "# YOUR CODE HERE\nraise NotImplementedError()"


def load_specs(path) -> dict[str, dict]:
    """The submissions described in a TOML file, in file order."""
    with open(path, "rb") as fh:
        return tomllib.load(fh)


def resolved(specs: dict[str, dict], name: str) -> dict:
    """``name``'s spec with its ``base`` chain merged in (own entries win)."""
    spec = specs[name]
    if "base" not in spec:
        return spec
    base = resolved(specs, spec["base"])
    merged = {**base, **spec}
    for part in ("cells", "edit"):
        merged[part] = {**base.get(part, {}), **spec.get(part, {})}
    merged["delete"] = [*base.get("delete", []), *spec.get("delete", [])]
    return merged


def build_submission(release: NotebookNode, spec: dict) -> NotebookNode:
    """A copy of the release notebook as the student in ``spec`` handed it in."""
    nb = copy.deepcopy(release)
    if spec.get("empty"):
        nb.cells = []
        return nb
    answers, edits = spec.get("cells", {}), spec.get("edit", {})
    unknown = (set(answers) | set(edits) | set(spec.get("delete", []))) - {
        _grade_id(c) for c in nb.cells}
    if unknown:
        raise KeyError(f"no cells with grade_id {sorted(unknown)} in the release notebook")
    for cell in nb.cells:
        gid = _grade_id(cell)
        if gid in answers:
            if STUB not in cell.source:
                raise ValueError(f"answer cell {gid} has no '{STUB}' stub to replace")
            cell.source = cell.source.replace(STUB, answers[gid].strip("\n"))
        if gid in edits:
            cell.source = edits[gid]
    nb.cells = [c for c in nb.cells if _grade_id(c) not in spec.get("delete", [])]
    return nb


def write_submissions(release_path, spec_path, submitted_dir, *, names=None,
                      assignment: str | None = None) -> list[str]:
    """Write every (or the named) submission as ``submitted_dir/<name>/<assignment>/``.

    Files beside the release notebook (the data file) are copied too, as a
    student's folder would hold them.  Returns the names written.
    """
    release_path = Path(release_path)
    assignment = assignment or release_path.parent.name
    release = nbformat.read(release_path, as_version=4)
    specs = load_specs(spec_path)
    written = []
    for name in names or list(specs):
        folder = Path(submitted_dir) / name / assignment
        folder.mkdir(parents=True, exist_ok=True)
        for extra in release_path.parent.iterdir():
            if extra.is_file() and extra != release_path:
                (folder / extra.name).write_bytes(extra.read_bytes())
        nbformat.write(build_submission(release, resolved(specs, name)), folder / release_path.name)
        written.append(name)
    return written


def _grade_id(cell) -> str | None:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
