"""``logicrm``: the instructor's command line (one command per step of the course).

``logicrm init`` → ``roster import`` → ``release`` → ``collect`` → ``autograde`` →
``feedback`` → ``report`` → ``export``; ``status`` at any time; ``rubric …`` for group
presentations; ``tier`` for a teacher's own customer spreadsheet; ``demo`` runs
everything on a simulated class.  Every command takes ``--course DIR`` (default ``.``)
and ``--lang zh|en`` (see :mod:`.layer`).  Each command lives in its own module and
imports the heavy libraries (pandas, nbgrader) only when it runs.
"""
from __future__ import annotations

try:
    import click  # noqa: F401  (only: is the teacher's part installed?)
except ImportError:  # a student's install (no [teacher] extra): say what to install
    import sys

    from ..i18n import t

    def main():
        sys.exit(t("cli.err.teacher_extra"))
else:
    from .group import main

__all__ = ["main"]
