"""The students' nbgrader fetch in the classroom: the assignment from the exchange, and
beside it the student's own data file (placed in their home by :mod:`.own_data`)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from nbgrader.exchange.default.fetch_assignment import ExchangeFetchAssignment

from .own_data import OWN_DATA


class FetchWithOwnData(ExchangeFetchAssignment):
    """nbgrader's fetch, then the student's own files that the fetched folder lacks."""

    def copy_files(self):
        super().copy_files()
        own = Path(os.path.expanduser("~")) / OWN_DATA / self.coursedir.assignment_id
        if not own.is_dir():
            return
        for source in sorted(own.iterdir()):
            target = Path(self.dest_path) / source.name
            if source.is_file() and not target.exists():
                shutil.copyfile(source, target)
                self.log.info("Own data file: %s", target)
