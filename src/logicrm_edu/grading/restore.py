"""Put back the teacher's cells a student deleted, before the notebook is graded.

First, a copy of a teacher's cell (students copy cells in JupyterLab) is left by
nbgrader's DeduplicateIds with empty nbgrader metadata, which nbgrader then
rejects as an outdated notebook: such a copy becomes a plain cell of the
student's.  Then missing cells are put back:

nbgrader restores the *source* of locked cells whose text changed, but a
locked cell that is gone stays gone: a deleted test cell scores nothing even
when the answers are right, and a deleted teacher-settings cell leaves the
student's own settings in force.  This sanitize step inserts every missing
locked cell (test cells, task cells, the settings cell, locked instructions)
exactly as the gradebook recorded it at ``generate_assignment``, after the
nearest earlier cell of the source notebook that the submission still has.
(nbgrader's ``OverwriteCells.add_missing_cells`` does this for grade and task
cells only, and fails on a notebook whose answer cells are gone too.)
"""
from __future__ import annotations

from nbformat import NotebookNode
from nbformat.v4 import new_code_cell, new_markdown_cell
from nbgrader.api import MissingEntry
from nbgrader.preprocessors import NbGraderPreprocessor

from ..course.nbgrader_app import open_gradebook


class RestoreMissingCells(NbGraderPreprocessor):
    """Insert the locked source cells missing from a submitted notebook."""

    def preprocess(self, nb, resources):
        for cell in nb.cells:
            if cell.get("metadata", {}).get("nbgrader", None) == {}:
                del cell.metadata["nbgrader"]
        ids = resources["nbgrader"]
        with open_gradebook(ids["db_url"]) as gb:
            notebook = gb.find_notebook(ids["notebook"], ids["assignment"])
            present = {_grade_id(cell) for cell in nb.cells} - {None}
            position = 0
            for source in notebook.source_cells:
                if source.name in present:
                    position = 1 + max(i for i, cell in enumerate(nb.cells)
                                       if _grade_id(cell) == source.name)
                    continue
                if not source.locked:
                    continue
                nb.cells.insert(position, self._cell(gb, source, ids))
                present.add(source.name)
                position += 1
        return nb, resources

    @staticmethod
    def _cell(gb, source, ids) -> NotebookNode:
        meta = {"grade": False, "grade_id": source.name, "locked": True, "solution": False,
                "task": False, "schema_version": 3, "checksum": source.checksum}
        for kind, find in (("task", gb.find_task_cell), ("grade", gb.find_grade_cell)):
            try:
                cell = find(source.name, ids["notebook"], ids["assignment"])
            except MissingEntry:
                continue
            meta.update({kind: True, "points": float(cell.max_score)})
            break
        make = new_code_cell if source.cell_type == "code" else new_markdown_cell
        return make(source.source, metadata={"nbgrader": meta, "editable": False,
                                             "deletable": False})


def _grade_id(cell) -> str | None:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
