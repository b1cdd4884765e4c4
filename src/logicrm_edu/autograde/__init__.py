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
from .batch import autograde_submissions
from .results import GradingResult

__all__ = ["GradingResult", "autograde_submissions"]
