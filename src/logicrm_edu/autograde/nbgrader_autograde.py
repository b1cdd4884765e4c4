"""nbgrader's own Autograde converter, with a forked kernel and serialised gradebook writes.

Scores are nbgrader's by construction: the sanitize steps (ClearOutput,
OverwriteCells, ...), the Execute preprocessor with the course's
``Execute.timeout``, and SaveAutoGrades are nbgrader's classes.  Three things
change:

- :class:`ForkedExecute` (a subclass of nbgrader's ``Execute``) starts its kernel
  from the worker's zygote, with a memory limit;
- if that kernel dies, the cell and every later code cell get an error output
  (nbgrader would abandon the whole submission), so SaveAutoGrades gives 0 to
  the affected test cells and keeps the scores earned before;
- gradebook writes happen under the batch's :class:`GradebookLock`.
"""
from __future__ import annotations

from nbclient.exceptions import DeadKernelError
from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from nbgrader.converters import Autograde
from nbgrader.preprocessors import AssignLatePenalties, Execute, SaveAutoGrades
from traitlets.utils.importstring import import_item

from ..i18n import t
from .forked_kernel import ForkedKernelManager, Zygote
from .lock import GradebookLock
from .notes import DEAD_KERNEL, NOT_RUN

# preprocessors that write to the gradebook
WRITERS = (SaveAutoGrades, AssignLatePenalties)


def both_languages(key: str) -> str:
    return f"{t(key, 'zh')} / {t(key, 'en')}"


def error_output(ename: str, key: str) -> NotebookNode:
    text = both_languages(key)
    return NotebookNode(output_type="error", ename=ename, evalue=text, traceback=[f"{ename}: {text}"])


class ForkedExecute(Execute):
    """nbgrader's Execute with kernels forked from ``zygote`` (None: spawned as usual)."""

    def __init__(self, *, zygote: Zygote | None = None, memory_limit_mb: int | None = None,
                 **kwargs):
        super().__init__(**kwargs)
        self.zygote = zygote
        self.memory_limit_mb = memory_limit_mb
        self.kernel_died = False

    def create_kernel_manager(self):
        if self.zygote is None:
            return super().create_kernel_manager()
        if not self.kernel_name:
            self.kernel_name = self.nb.metadata.get("kernelspec", {}).get("name") or ""
        options = {"kernel_name": self.kernel_name} if self.kernel_name else {}
        self.km = ForkedKernelManager(zygote=self.zygote, memory_limit_mb=self.memory_limit_mb,
                                      config=self.config, **options)
        return self.km

    def preprocess(self, nb, resources=None, km=None):
        self.kernel_died = False
        return super().preprocess(nb, resources, km)

    def preprocess_cell(self, cell, resources, index):
        if self.kernel_died:
            if cell.cell_type == "code":
                cell.outputs = [error_output(NOT_RUN, "autograde.not_run.output")]
            return cell, resources
        try:
            return super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            self.kernel_died = True
            cell.outputs.append(error_output(DEAD_KERNEL, "autograde.kernel_died.output"))
            return cell, resources


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

    def __init__(self, *, zygote: Zygote | None, lock: GradebookLock,
                 memory_limit_mb: int | None = None, **kwargs):
        super().__init__(**kwargs)
        self.lock = lock
        self.autograde_preprocessors = [
            self._adapted(entry, zygote, memory_limit_mb) for entry in self.autograde_preprocessors]

    def _adapted(self, entry, zygote, memory_limit_mb):
        cls = import_item(entry) if isinstance(entry, str) else entry
        if not isinstance(cls, type):
            return entry
        if issubclass(cls, Execute):
            if cls is not Execute:  # the course's own Execute subclass: leave it alone
                return cls
            return ForkedExecute(zygote=zygote, memory_limit_mb=memory_limit_mb, parent=self)
        if issubclass(cls, WRITERS):
            return GradebookWriting(cls(parent=self), self.lock)
        return cls

    def init_assignment(self, assignment_id: str, student_id: str) -> None:
        with self.lock:  # creates the student and the submission, zeroes missing notebooks
            super().init_assignment(assignment_id, student_id)
