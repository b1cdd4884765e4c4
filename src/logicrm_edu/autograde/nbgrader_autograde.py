"""nbgrader's own Autograde converter, run by a batch worker with its sandbox.

Scores are nbgrader's by construction: the sanitize steps (ClearOutput,
OverwriteCells, ...), the course's autograde preprocessors and SaveAutoGrades
are nbgrader's.  Three things change:

- the Execute step is always :class:`~logicrm_edu.grading.execute.SandboxedExecute`,
  on the worker's sandbox (whatever Execute the course configures: students'
  code never runs outside the sandbox here);
- the autograded folder keeps only the notebooks and ``timestamp.txt``: files a
  student submitted beside the notebook go into the sandbox's working copy,
  not into the graded folder and from there into feedback;
- gradebook writes happen under the batch's :class:`GradebookLock`.
"""
from __future__ import annotations

import os

from nbconvert.preprocessors import Preprocessor
from nbgrader.converters import Autograde
from nbgrader.preprocessors import AssignLatePenalties, Execute, SaveAutoGrades
from traitlets.utils.importstring import import_item

from ..grading.execute import SandboxedExecute
from ..sandbox.host import SandboxHost
from .lock import GradebookLock

# preprocessors that write to the gradebook
WRITERS = (SaveAutoGrades, AssignLatePenalties)
KEPT = ("timestamp.txt",)


class GradebookWriting(Preprocessor):
    """Runs a gradebook-writing preprocessor while holding the batch's lock."""

    def __init__(self, inner, lock: GradebookLock, **kwargs):
        super().__init__(**kwargs)
        self.inner, self.lock, self.enabled = inner, lock, True

    def __call__(self, nb, resources):
        with self.lock:
            return self.inner(nb, resources)


class BatchAutograde(Autograde):
    """nbgrader's Autograde for one student inside a batch worker."""

    def __init__(self, *, host: SandboxHost, lock: GradebookLock, **kwargs):
        super().__init__(**kwargs)
        self.lock = lock
        self.autograde_preprocessors = [self._adapted(entry, host)
                                        for entry in self.autograde_preprocessors]

    def _adapted(self, entry, host):
        cls = import_item(entry) if isinstance(entry, str) else entry
        if not isinstance(cls, type):
            return entry
        if issubclass(cls, Execute):
            return SandboxedExecute(host=host, parent=self)
        if issubclass(cls, WRITERS):
            return GradebookWriting(cls(parent=self), self.lock)
        return cls

    def init_assignment(self, assignment_id: str, student_id: str) -> None:
        with self.lock:  # creates the student and the submission, zeroes missing notebooks
            super().init_assignment(assignment_id, student_id)
        dest = self._format_dest(assignment_id, student_id)
        for folder, _, files in os.walk(dest):
            for name in files:
                if not name.endswith(".ipynb") and name not in KEPT:
                    os.remove(os.path.join(folder, name))
