"""The wheel carries the course template and the grading kit, so a teacher who installs it
(not from a source checkout) can still run ``logicrm init`` and ``logicrm demo``.

The repository's ``course/`` and ``autograder/`` stay their one source: they are copied
into the package as ``logicrm_edu/course_template`` and ``logicrm_edu/autograder_kit``
when a wheel is built.  An editable install reads them in place instead.

Both hold the reference answers, so a wheel for students' own computers is built without
them: ``LOGICRM_WHEEL=student pip wheel .`` (``make wheels`` builds both wheels).
"""
import os
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SHIPPED = {"course": "course_template", "autograder": "autograder_kit"}
JUNK = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "*.pyc", "gradebook.db",
                              ".logicrm")


class BuildWithCourse(build_py):
    def run(self):
        super().run()
        if self.editable_mode or os.environ.get("LOGICRM_WHEEL") == "student":
            return
        for source, name in SHIPPED.items():
            target = Path(self.build_lib) / "logicrm_edu" / name
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(source, target, ignore=JUNK)


setup(cmdclass={"build_py": BuildWithCourse})
