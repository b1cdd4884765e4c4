"""Sample student submissions built from a release notebook and a TOML spec.

The grading kits (``autograder/<assignment>/submissions.toml``, ``autograder/abc_tiering/hostile.toml``)
and the class simulation of the demo describe each submission as the code a
student typed into the answer cells, plus the ways students break notebooks
(edited, deleted, stripped or duplicated test cells, an empty notebook) and
the files they hand in beside it.  Building them from the release notebook
keeps them in step with the assignment whenever the assignment changes.

A spec's keys:

- ``base``: another submission whose spec this one starts from;
- ``cells``: grade_id → the student's code in that answer cell;
- ``edit``: grade_id → new source for a locked (test) cell the student changed;
- ``delete``: grade_ids of cells the student deleted;
- ``strip``: grade_ids of cells whose nbgrader metadata the student removed;
- ``duplicate``: grade_ids of cells the student copied (the copy follows the cell);
- ``points``: grade_id → the points the student wrote into that cell's metadata;
- ``insert``: ``[{after = grade_id, source = code}, ...]`` new cells of the student's;
- ``outputs``: grade_id → a list of outputs left in that cell;
- ``files``: file name → text handed in beside the notebook;
- ``empty``: true: the student handed in a notebook without cells;
- ``raw``: the notebook file's text itself, not built from the release;
- ``raw_size_mb``: a notebook of that size (one huge markdown cell).

Text values may hold ``@@NAME@@`` placeholders, filled in from ``values`` when
the submission is written (e.g. a path a hostile student is assumed to know).
"""
from __future__ import annotations

import copy
import tomllib
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbformat.v4 import new_code_cell, new_markdown_cell

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
    for part in ("cells", "edit", "points", "outputs", "files"):
        merged[part] = {**base.get(part, {}), **spec.get(part, {})}
    for part in ("delete", "strip", "duplicate", "insert"):
        merged[part] = [*base.get(part, []), *spec.get(part, [])]
    return merged


def build_submission(release: NotebookNode, spec: dict) -> NotebookNode:
    """A copy of the release notebook as the student in ``spec`` handed it in."""
    nb = copy.deepcopy(release)
    if spec.get("empty"):
        nb.cells = []
        return nb
    answers, edits = spec.get("cells", {}), spec.get("edit", {})
    named = (set(answers) | set(edits) | set(spec.get("delete", [])) | set(spec.get("strip", []))
             | set(spec.get("duplicate", [])) | set(spec.get("points", {}))
             | set(spec.get("outputs", {})) | {i["after"] for i in spec.get("insert", [])})
    unknown = named - {_grade_id(c) for c in nb.cells}
    if unknown:
        raise KeyError(f"no cells with grade_id {sorted(unknown)} in the release notebook")
    cells = []
    for cell in nb.cells:
        gid = _grade_id(cell)
        if gid in answers:
            if STUB not in cell.source:
                raise ValueError(f"answer cell {gid} has no '{STUB}' stub to replace")
            cell.source = cell.source.replace(STUB, answers[gid].strip("\n"))
        if gid in edits:
            cell.source = edits[gid]
        if gid in spec.get("points", {}):
            cell.metadata.nbgrader["points"] = spec["points"][gid]
        if gid in spec.get("outputs", {}):
            cell.outputs = [nbformat.from_dict(o) for o in spec["outputs"][gid]]
        if gid in spec.get("delete", []):
            continue
        copies = [copy.deepcopy(cell)] if gid in spec.get("duplicate", []) else []
        if gid in spec.get("strip", []):
            del cell.metadata["nbgrader"]
        cells += [cell, *copies]
        cells += [new_code_cell(i["source"]) for i in spec.get("insert", []) if i["after"] == gid]
    nb.cells = cells
    return nb


def submission_files(release: NotebookNode, spec: dict, values: dict | None = None) -> dict:
    """The submission in ``spec`` as ``{"notebook": bytes, "files": {name: bytes}}``
    (the notebook file and the files beside it), with placeholders filled from ``values``."""
    values = values or {}
    if "raw" in spec:
        notebook = fill(spec["raw"], values).encode("utf-8")
    elif "raw_size_mb" in spec:
        huge = new_markdown_cell("x" * (int(spec["raw_size_mb"]) * 1024 * 1024))
        notebook = nbformat.writes(nbformat.v4.new_notebook(cells=[huge])).encode("utf-8")
    else:
        built = build_submission(release, spec)
        for cell in built.cells:
            cell.source = fill(cell.source, values)
        notebook = nbformat.writes(built).encode("utf-8")
    return {"notebook": notebook,
            "files": {name: fill(text, values).encode("utf-8")
                      for name, text in spec.get("files", {}).items()}}


def fill(text: str, values: dict) -> str:
    """``text`` with every ``@@NAME@@`` replaced by ``values[NAME]``."""
    for name, value in values.items():
        text = text.replace(f"@@{name}@@", str(value))
    return text


def write_submissions(release_path, spec_path, submitted_dir, *, names=None,
                      assignment: str | None = None, values: dict | None = None) -> list[str]:
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
        made = submission_files(release, resolved(specs, name), values)
        (folder / release_path.name).write_bytes(made["notebook"])
        for file_name, data in made["files"].items():
            (folder / file_name).parent.mkdir(parents=True, exist_ok=True)
            (folder / file_name).write_bytes(data)
        written.append(name)
    return written


def _grade_id(cell) -> str | None:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
