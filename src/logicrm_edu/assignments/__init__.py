"""The graded assignments' task objects: what a notebook's cells call (see :mod:`.task`).

The grader builds the same object from the notebook's teacher-settings cell
(:mod:`.settings`) by the class name written there, looked up in :data:`TASKS`.
"""
from ..fonts import use_chinese_font
from .abc_tiering import AbcTiering
from .task import Task

# An assignment notebook imports this first, then students draw with plain matplotlib.
use_chinese_font()

TASKS: dict[str, type[Task]] = {cls.__name__: cls for cls in (AbcTiering,)}

__all__ = ["AbcTiering", "TASKS", "Task"]
