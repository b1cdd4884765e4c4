"""Parallel, resumable autograding with nbgrader's own scores (``logicrm autograde``).

    from logicrm_edu.autograde import autograde_submissions, GradingResult
    results = autograde_submissions(course_dir, "abc_tiering", workers=2)

How it is fast: each worker process runs nbgrader's Autograde converter
in-process (no CLI start per student) and its Execute preprocessor gets
kernels forked from a *zygote* that imported ipykernel, pandas, matplotlib and
logicrm_edu once (:mod:`.zygote`), so a kernel starts in ~0.15 s with the
imports done instead of ~1.3 s.  Every student still gets a brand-new kernel
process.  See :mod:`.batch` for the options and guarantees.

Modules: ``batch`` (the entry point), ``pool`` (worker processes, deadlines,
crashes), ``worker`` (one worker), ``nbgrader_autograde`` (nbgrader's
converter with a forked kernel and serialised gradebook writes),
``forked_kernel`` / ``zygote`` (the kernels), ``ledger`` (what is already
graded), ``course`` (folders, gradebook, zeros on failure), ``lock``,
``notes``, ``results``.
"""
__all__ = ["GradingResult", "autograde_submissions"]


def __getattr__(name: str):
    # Imported on first use: a worker process (``python -m logicrm_edu.autograde.worker``)
    # must not pay for nbgrader before it has started its zygote.
    if name == "autograde_submissions":
        from .batch import autograde_submissions
        return autograde_submissions
    if name == "GradingResult":
        from .results import GradingResult
        return GradingResult
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
