"""nbgrader's Execute step, with the student's code in a sandbox and the tests judged here.

:class:`SandboxedExecute` replaces nbgrader's ``Execute`` preprocessor (the
course's ``nbgrader_config.py`` names it, so ``nbgrader autograde``, the
formgrader's buttons and ``logicrm autograde`` all use it).  For each
submitted notebook:

- the student's cells run, in order, in a fresh kernel inside the sandbox
  (:mod:`logicrm_edu.sandbox`), whose working folder holds what the student
  was handed (:mod:`.context`);
- a test cell is never sent to the kernel.  Its lines are read from the
  trusted source (:mod:`.directives`); the kernel is asked only for the answers
  they name, as data (:mod:`.handover`); the checks run here, in the grader,
  and the cell gets the verdict as its output: nothing for a pass, an error
  with the hint for a failure, which is how nbgrader's SaveAutoGrades scores
  it.  No output of the student's kernel ever lands in a test cell;
- every output of the student's cells is admitted as inert, bounded data
  (:mod:`.outputs`);
- the cells share one time budget (:attr:`submission_timeout`) on top of
  nbgrader's per-cell timeout, so many slow cells cannot hold a worker longer.

nbgrader stays the gradebook of record: its other preprocessors save the
scores, and manual grading, feedback and export work as before.
"""
from __future__ import annotations

import atexit
import time

from nbclient.exceptions import DeadKernelError
from nbformat import NotebookNode
from nbformat.v4 import new_code_cell
from nbgrader import utils
from nbgrader.api import Gradebook
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import Execute
from traitlets import Any, Bool, Integer

from ..i18n import t
from ..sandbox.host import SandboxHost
from ..sandbox.kernels import SandboxKernelManager
from ..sandbox.limits import Limits
from ..sandbox.probe import require_sandbox
from .context import GradingContext
from .directives import answer_names, read_directives
from .handover import MIME, received, request_code
from .outputs import OutputGuard

DEAD_KERNEL = "DeadKernelError"
NOT_RUN = "KernelDiedEarlier"
OUT_OF_TIME = "SubmissionTimeout"
HANDOVER_TIMEOUT, HANDOVER_MINIMUM = 30, 5
ANSWER_BYTES = 24 * 1024 * 1024  # several answers of up to answers.MAX_BYTES each
STANDARD_LANGUAGE_INFO = {"name": "python", "file_extension": ".py", "mimetype": "text/x-python",
                          "pygments_lexer": "ipython3", "nbconvert_exporter": "python",
                          "codemirror_mode": {"name": "ipython", "version": 3}}


def both_languages(key: str, **fields) -> str:
    return f"{t(key, 'zh', **fields)} / {t(key, 'en', **fields)}"


def error_output(ename: str, text: str) -> NotebookNode:
    return NotebookNode(output_type="error", ename=ename, evalue=text,
                        traceback=[f"{ename}: {text}"])


def is_test_cell(cell) -> bool:
    """An autograded test cell: a code grade cell that is not a student's answer."""
    return cell.cell_type == "code" and utils.is_grade(cell) and not utils.is_solution(cell)


_SHARED: dict[tuple, SandboxHost] = {}


def shared_host(limits: Limits, sandboxed: bool, course_root: str) -> SandboxHost:
    """One sandbox per process and setting, for ``nbgrader autograde`` run directly."""
    key = (limits, sandboxed, course_root)
    host = _SHARED.get(key)
    if host is None or not host.alive():
        host = _SHARED[key] = SandboxHost(limits=limits, sandboxed=sandboxed,
                                          course_root=course_root)
        atexit.register(host.close)
    return host


class SandboxedExecute(Execute):
    """nbgrader's Execute with students' cells sandboxed and test cells judged by the grader."""

    sandbox = Bool(True, help="Run students' code in the sandbox. Turn off only when no "
                   "sandbox is possible and the teacher accepts the risk.").tag(config=True)
    submission_timeout = Integer(300, help="Seconds all cells of one notebook may take together "
                                 "(on top of the per-cell timeout).").tag(config=True)
    memory_limit_mb = Integer(Limits.memory_mb, help="Memory a kernel may use (MB).").tag(
        config=True)
    processes = Integer(Limits.processes, help="Processes and threads a kernel may run.").tag(
        config=True)
    cpu_seconds = Integer(Limits.cpu_seconds, help="CPU seconds per process.").tag(config=True)
    file_mb = Integer(Limits.file_mb, help="Largest file a kernel may write (MB).").tag(
        config=True)
    disk_mb = Integer(Limits.disk_mb, help="Room for files in the working folder (MB).").tag(
        config=True)
    cell_output_kb = Integer(256, help="Output kept per cell (KB).").tag(config=True)
    notebook_output_mb = Integer(16, help="Output kept per notebook (MB).").tag(config=True)
    host = Any(None, help="The SandboxHost to use (set by the batch autograder).")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.store_widget_state = False
        self.comm_open_handlers = {}
        # a kernel that stops sending output costs its cell's output, not the submission
        self.raise_on_iopub_timeout = False
        self.context: GradingContext | None = None
        self.answers: dict = {}

    # -- the notebook ------------------------------------------------------------------
    def limits(self) -> Limits:
        return Limits(memory_mb=self.memory_limit_mb, processes=self.processes,
                      cpu_seconds=self.cpu_seconds, file_mb=self.file_mb, disk_mb=self.disk_mb)

    def preprocess(self, nb, resources=None, km=None):
        ids = resources["nbgrader"]
        coursedir = CourseDirectory(config=self.config)
        with Gradebook(ids["db_url"], coursedir.course_id) as gb:
            self.context = GradingContext.load(coursedir, gb, assignment=ids["assignment"],
                                               student=ids["student"], notebook=ids["notebook"])
        self.sources = self.context.sources()
        self.answers = {}   # handed over since the last student cell ran (still current)
        self.kernel_died = False
        self.started = time.monotonic()
        self.guard = OutputGuard(cell_bytes=self.cell_output_kb * 1024,
                                 notebook_bytes=self.notebook_output_mb * 1024 * 1024,
                                 paths=self._hidden_paths())
        self._handing_over = False
        nb, resources = super().preprocess(nb, resources, km)
        nb.metadata["language_info"] = dict(STANDARD_LANGUAGE_INFO)
        return nb, resources

    def create_kernel_manager(self):
        if self.host is None:
            if self.sandbox:
                require_sandbox()
            self.host = shared_host(self.limits(), self.sandbox, str(self.context.course_root))
        if not self.kernel_name:
            self.kernel_name = self.nb.metadata.get("kernelspec", {}).get("name") or "python3"
        self.km = SandboxKernelManager(host=self.host, files=self.context.working_copy(),
                                       folder=self.context.assignment, kernel_name=self.kernel_name,
                                       config=self.config)
        return self.km

    def _hidden_paths(self) -> dict[str, str]:
        from ..sandbox.bwrap import python_dirs

        paths = {folder: "…" for folder in python_dirs()}
        paths[str(self.context.course_root)] = "…"
        return paths

    # -- the cells -------------------------------------------------------------------
    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code":
            return cell, resources
        if is_test_cell(cell):
            return self._judge(cell, index), resources
        if self.kernel_died:
            cell.outputs = [error_output(NOT_RUN, both_languages("autograde.not_run.output"))]
            return cell, resources
        if self._remaining() <= 0:
            cell.outputs = [error_output(OUT_OF_TIME, both_languages(
                "grading.out_of_time", seconds=self.submission_timeout))]
            return cell, resources
        self.answers = {}  # the student's code may change any of them
        try:
            return super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            self.kernel_died = True
            cell.outputs.append(error_output(DEAD_KERNEL,
                                             both_languages("autograde.kernel_died.output")))
            return cell, resources

    def _remaining(self) -> float:
        return self.submission_timeout - (time.monotonic() - self.started)

    def _get_timeout(self, cell):
        timeout = super()._get_timeout(cell)
        remaining = int(self._remaining()) + 1
        if self._handing_over:  # answers are asked for even when time is up, briefly
            return min(HANDOVER_TIMEOUT, max(HANDOVER_MINIMUM, remaining))
        remaining = max(1, remaining)
        return remaining if timeout is None else min(timeout, remaining)

    def _judge(self, cell, index):
        directives = read_directives(cell.source)
        cell.execution_count = None
        if self.kernel_died:
            cell.outputs = [error_output(NOT_RUN, both_languages("autograde.not_run.output"))]
            return cell
        names = answer_names(directives)
        wanted = [name for name in names if name not in self.answers]
        if wanted:  # the visible and hidden tests of a step ask for the same answers
            self.answers.update(self._hand_over(wanted, cell, index))
        for directive in directives:
            verdict = self.context.task.run(directive, self.answers, self.sources)
            if not verdict.passed:
                message = verdict.message()
                cell.outputs = [NotebookNode(output_type="error", ename="StepFailed",
                                             evalue=message, traceback=[f"❌ {message}"])]
                return cell
        cell.outputs = []
        return cell

    def _hand_over(self, names: list[str], cell, index: int) -> dict:
        """The answers ``names`` from the kernel, as it stands at this cell."""
        request = new_code_cell(request_code(names))
        self._handing_over = True
        try:
            self.execute_cell(request, index, store_history=False)
        except DeadKernelError:
            self.kernel_died = True
            return {}
        finally:
            self._handing_over = False
            self.nb.cells[index] = cell
        return received(request.outputs, names)

    # -- what the kernel sends -------------------------------------------------------------
    def process_message(self, msg, cell, cell_index):
        try:
            return super().process_message(msg, cell, cell_index)
        except (KeyError, TypeError, AttributeError, ValueError):
            return None  # a malformed message: nothing to keep
        finally:
            if not isinstance(cell.get("execution_count"), (int, type(None))) \
                    or isinstance(cell.get("execution_count"), bool):
                cell["execution_count"] = None

    def output(self, outs, msg, display_id, cell_index):
        out = super().output(outs, msg, None, cell_index)
        if out is None:
            return None
        outs.pop()
        if self._handing_over:
            data = out.get("data") or {}
            if out.get("output_type") == "display_data" and isinstance(data.get(MIME), str) \
                    and len(data[MIME]) <= ANSWER_BYTES:
                outs.append(out)
                return out
            return None
        clean = self.guard.admit(out, cell_index)
        if clean is not None:
            outs.append(clean)
        return clean

    def _update_display_id(self, display_id, msg):
        """Updates of earlier displays are not followed (the first version stays)."""
