"""Parallel, resumable, sandboxed autograding with nbgrader's own scores (``logicrm autograde``).

    from logicrm_edu.autograde import autograde_submissions, GradingResult
    results = autograde_submissions(course_dir, "abc_tiering", workers=2)

Each worker process runs nbgrader's Autograde converter in-process (no CLI
start per student) with :class:`~logicrm_edu.grading.execute.SandboxedExecute`:
students' cells run in a sandbox (:mod:`logicrm_edu.sandbox`) whose zygote
imported ipykernel, pandas and matplotlib once, so a kernel starts in ~0.15 s
with the imports done instead of ~1.3 s; every student still gets a brand-new
kernel process in namespaces of its own, and the tests are judged outside it
(:mod:`logicrm_edu.grading`).  See :mod:`.batch` for the options and guarantees.

Modules: ``batch`` (the entry point), ``pool`` (worker processes, deadlines,
crashes), ``worker`` (one worker and its sandbox), ``nbgrader_autograde``
(nbgrader's converter with the sandboxed Execute and serialised gradebook
writes), ``ledger`` (what is already graded, whom a stopped run was grading),
``course`` (folders, gradebook, zeros on failure), ``lock``, ``notes``,
``results``.
"""
__all__ = ["AssignmentNotGenerated", "BatchInterrupted", "GradingResult", "UnknownStudents",
           "autograde_submissions"]


def __getattr__(name: str):
    # Imported on first use: a worker process (``python -m logicrm_edu.autograde.worker``)
    # must not pay for nbgrader before it has started its sandbox.
    if name == "GradingResult":
        from .results import GradingResult
        return GradingResult
    if name in __all__:
        from . import batch
        return getattr(batch, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
