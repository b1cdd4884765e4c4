"""The graded assignments' task objects: what a notebook's cells call (see :mod:`.task`).

Each assignment is one module here defining its :class:`~.task.Task` subclass; the
modules are found, not listed, so adding an assignment touches no shared file.  The
grader builds the same object from the notebook's teacher-settings cell
(:mod:`.settings`) by the class name written there, looked up in :data:`TASKS`;
a notebook imports its class from this package
(``from logicrm_edu.assignments import AbcTiering``).
"""
import importlib
import pkgutil

from ..fonts import use_chinese_font
from .task import Task

# An assignment notebook imports this first, then students draw with plain matplotlib.
use_chinese_font()

_SHARED = {"task", "settings"}
for _module in pkgutil.iter_modules(__path__):
    if _module.name not in _SHARED:
        importlib.import_module(f"{__name__}.{_module.name}")

TASKS: dict[str, type[Task]] = {cls.__name__: cls for cls in Task.__subclasses__()}
globals().update(TASKS)

__all__ = ["TASKS", "Task", *TASKS]
