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
  and the cell gets the verdict as its output (:mod:`.judging`), which is how
  nbgrader's SaveAutoGrades scores it.  No output of the student's kernel ever
  lands in a test cell;
- the hidden lines of the test cells are judged on a second run of the
  student's own cells, in a fresh sandboxed kernel, on data of the same shape
  the student never saw: answers that do not follow the data (typed in) fail,
  and are reported as such;
- a failed check of a step whose code stopped (an error, a time-out, a cell never
  run) names that as its cause, not a content mistake (:mod:`.stopped_code`);
- every test cell's judgement is kept for the class report (:mod:`.records`);
- every output of the student's cells is admitted as inert, bounded data
  (:mod:`.outputs`); self-check cells (``task.check(...)``) are not run, since
  the test cells below them show the grade's own verdict;
- the cells share one time budget (:attr:`submission_timeout`) on top of
  nbgrader's per-cell timeout, so many slow cells cannot hold a worker longer.

nbgrader stays the gradebook of record: its other preprocessors save the
scores, and manual grading, feedback and export work as before.
"""
from __future__ import annotations

import atexit
import copy
import dataclasses
import time

from nbclient.exceptions import DeadKernelError
from nbformat import NotebookNode
from nbformat.v4 import new_code_cell
from nbgrader import utils
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import Execute
from traitlets import Any, Bool, Integer

from ..checks import Verdict
from ..course.nbgrader_app import open_gradebook
from ..i18n import t
from ..sandbox.host import SandboxHost
from ..sandbox.kernels import SandboxKernelManager
from ..sandbox.limits import Limits
from ..sandbox.probe import require_sandbox
from .context import GradingContext
from .directives import is_self_check, read_directives
from .handover import HANDOVER_MINIMUM, HANDOVER_TIMEOUT, MIME, received, request_code
from .judging import CellJudgement, hardcoded_verdict, split, typed_in
from .outputs import OutputGuard
from .records import write_record
from .stopped_code import StoppedCode

DEAD_KERNEL = "DeadKernelError"
NOT_RUN = "KernelDiedEarlier"
OUT_OF_TIME = "SubmissionTimeout"
ANSWER_BYTES = 24 * 1024 * 1024  # several answers of up to answers.MAX_BYTES each
TEXT_ONLY_DISPLAY = "--DisplayFormatter.active_types=['text/plain']"
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


class SameData:
    """The second run's data, for both kinds of test line."""

    def __init__(self, data):
        self.data = data

    def handed(self):
        return self.data

    def teacher(self):
        return self.data


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

    def __init__(self, *, second_run_of: "SandboxedExecute | None" = None, **kwargs):
        super().__init__(**kwargs)
        self.store_widget_state = False
        self.comm_open_handlers = {}
        # a kernel that stops sending output costs its cell's output, not the submission
        self.raise_on_iopub_timeout = False
        self.first = second_run_of  # None: this is the run with the handed data
        if second_run_of is not None:
            # the second run's outputs are never shown: its kernel makes no pictures or
            # HTML tables (answers are handed over as data, without the display formatters)
            self.extra_arguments = [*self.extra_arguments, TEXT_ONLY_DISPLAY]
        self.context: GradingContext | None = None
        self.answers: dict = {}

    # -- the notebook ------------------------------------------------------------------
    def limits(self) -> Limits:
        return Limits(memory_mb=self.memory_limit_mb, processes=self.processes,
                      cpu_seconds=self.cpu_seconds, file_mb=self.file_mb, disk_mb=self.disk_mb)

    def preprocess(self, nb, resources=None, km=None):
        if self.first is None:
            ids = resources["nbgrader"]
            coursedir = CourseDirectory(config=self.config)
            with open_gradebook(ids["db_url"], coursedir.course_id) as gb:
                self.context = GradingContext.load(coursedir, gb, assignment=ids["assignment"],
                                                   student=ids["student"],
                                                   notebook=ids["notebook"])
            self.sources = self.context.sources()
        else:
            self.context, self.sources = self.first.context, self.first.second_sources
        self.answers, self.texts = {}, {}  # handed over since the last student cell ran
        self.answers_at: dict[int, dict] = {}    # test cell → the answers then
        self.seen: dict[int, dict[str, str]] = {}  # test cell → their JSON as handed over
        self.judgements: dict[int, CellJudgement] = {}  # first run: every test cell
        self.hidden: dict[int, list] = {}  # first run: test cell → its hidden lines
        self.verdicts: dict[tuple, Verdict] = {}  # second run: (cell, hidden line) → verdict
        self.kernel_died = False
        self.stopped = StoppedCode(second_run=self.first is not None)
        self.started = time.monotonic()
        self.guard = OutputGuard(cell_bytes=self.cell_output_kb * 1024,
                                 notebook_bytes=self.notebook_output_mb * 1024 * 1024,
                                 paths=self._hidden_paths())
        self._handing_over = False
        untouched = copy.deepcopy(nb)
        nb, resources = super().preprocess(nb, resources, km)
        if self.first is None:
            if self.hidden:
                self._second_run(untouched, resources)
            judged = []
            for index, judgement in self.judgements.items():
                judgement.repeats = any(judgement.same_outcome(j) for j in judged)
                judged.append(judgement)
                nb.cells[index].outputs = judgement.outputs()
            write_record(self.context.course_root, self.context.assignment,
                         self.context.student, self.judgements.values())
        nb.metadata["language_info"] = dict(STANDARD_LANGUAGE_INFO)
        return nb, resources

    def _second_run(self, nb, resources) -> None:
        """Run the student's cells again on unseen data and judge the hidden lines there."""
        task = self.context.task
        data = task.variant_data(self.sources.handed(), self.context.student, self.context.course)
        self.second_sources = SameData(data)
        self.second_files = {**self.context.working_copy(), **task.data_files(data)}
        second = SandboxedExecute(second_run_of=self, host=self.host, config=self.config)
        second.preprocess(nb, copy.deepcopy(resources))
        for index, lines in self.hidden.items():
            judgement = self.judgements[index]
            judgement.hidden = True
            for directive in lines:
                on_unseen = second.verdicts.get((index, directive))
                on_handed = self.stopped.blame(task.run(
                    dataclasses.replace(directive, method="grade"),
                    self.answers_at.get(index, {}), self.sources))
                if on_unseen is None or (on_unseen.mistake == "task.undefined"
                                         and on_handed.mistake != "task.undefined"):
                    # the answer exists with the handed data only: the code stopped on the other
                    on_unseen = Verdict(directive.step, False, "grading.second_run_stopped")
                if typed_in(self.seen.get(index, {}), second.seen.get(index, {}),
                            directive.names, on_handed, on_unseen):
                    judgement.hardcoded = True
                    on_unseen = hardcoded_verdict(directive.step)
                # right only when right on both: a method that fails on the handed data
                # is not made right by data where its mistake does not show
                judgement.verdicts.append(min((on_handed, on_unseen), key=lambda v: v.score))

    def create_kernel_manager(self):
        if self.host is None:
            if self.sandbox:
                require_sandbox()
            self.host = shared_host(self.limits(), self.sandbox, str(self.context.course_root))
        if not self.kernel_name:
            self.kernel_name = self.nb.metadata.get("kernelspec", {}).get("name") or "python3"
        files = self.context.working_copy() if self.first is None else self.first.second_files
        self.km = SandboxKernelManager(host=self.host, files=files,
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
        if is_self_check(cell.source):  # its verdict would only repeat the test cells'
            cell.outputs, cell.execution_count = [], None
            return cell, resources
        cell, resources = self._run_student_cell(cell, resources, index)
        self.stopped.ran(index, cell)
        return cell, resources

    def _run_student_cell(self, cell, resources, index):
        if self.kernel_died:
            cell.outputs = [error_output(NOT_RUN, both_languages("autograde.not_run.output"))]
            return cell, resources
        if self._remaining() <= 0:
            cell.outputs = [error_output(OUT_OF_TIME, both_languages(
                "grading.out_of_time", seconds=self.submission_timeout))]
            return cell, resources
        self.answers, self.texts = {}, {}  # the student's code may change any of them
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
        """Judge a test cell here: on the first run its visible lines (the hidden ones are
        kept for the second run), on the second run its hidden lines only."""
        task = self.context.task
        visible, hidden = split(read_directives(cell.source))
        lines = visible if self.first is None else hidden
        cell.execution_count = None
        self.stopped.judging(index, (visible + hidden)[0].step if visible + hidden else None)
        if self.first is None:
            points = float(cell.metadata.get("nbgrader", {}).get("points", 0))
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id") or f"#{index + 1}"
            self.judgements[index] = CellJudgement(grade_id, points)
            if hidden:
                self.hidden[index] = hidden
        names = list(dict.fromkeys(n for d in visible + hidden for n in task.names_for(d)))
        wanted = [name for name in names if name not in self.answers]
        if wanted and not self.kernel_died:  # a step's visible and hidden test share answers
            values, texts = self._hand_over(wanted, cell, index)
            self.answers.update(values)
            self.texts.update(texts)
        self.answers_at[index] = dict(self.answers)
        self.seen[index] = {n: self.texts[n] for n in names if n in self.texts}
        for directive in lines:
            verdict = self.stopped.blame(
                Verdict(directive.step, False, "grading.kernel_died")
                if self.kernel_died and not set(directive.names) <= set(self.answers)
                else task.run(directive, self.answers, self.sources))
            if self.first is None:
                self.judgements[index].verdicts.append(verdict)
            else:
                self.verdicts[(index, directive)] = verdict
        return cell

    def _hand_over(self, names: list[str], cell, index: int) -> tuple[dict, dict]:
        """The answers ``names`` from the kernel as it stands at this cell: (name → value,
        name → JSON text as handed over)."""
        request = new_code_cell(request_code(names))
        self._handing_over = True
        try:
            self.execute_cell(request, index, store_history=False)
        except DeadKernelError:
            self.kernel_died = True
            return {}, {}
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
