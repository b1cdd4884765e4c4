"""What each role's Jupyter server reads (``JUPYTER_CONFIG_PATH`` points at it).

Students: nbgrader's exchange of this course and nothing of the teacher's tools
(formgrader, create-assignment and the course list are off in the server and in
JupyterLab); teachers: everything.  Both start in Chinese (the zh_CN language
pack), and Settings → Language switches to English.
"""
from __future__ import annotations

import json
from pathlib import Path

from .paths import ClassroomPaths

COURSE_ID = "logistics-crm"
CHINESE = {"@jupyterlab/translation-extension:plugin": {"locale": "zh_CN"},
           # no "receive Jupyter news?" pop-up over a student's work (the hub has no internet)
           "@jupyterlab/apputils-extension:notification": {"fetchNews": "false"}}
# nbgrader 0.9.6's JupyterLab plugins and server extensions that are for teachers only
TEACHER_LAB_PLUGINS = ("@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment",
                       "@jupyter/nbgrader:course-list")
TEACHER_SERVER_EXTENSIONS = ("nbgrader.server_extensions.formgrader",
                             "nbgrader.server_extensions.course_list")

_STUDENT_NBGRADER = '''\
"""nbgrader for students of this course: written by `logicrm classroom start`."""
c = get_config()  # noqa: F821
c.CourseDirectory.course_id = {course_id!r}
c.Exchange.root = {exchange!r}
c.Exchange.path_includes_course = True
# each student's own data file comes with the notebook (see logicrm_edu.classroom.own_data)
c.ExchangeFactory.fetch_assignment = "logicrm_edu.classroom.fetch.FetchWithOwnData"
'''


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.parent.chmod(0o755)
    path.write_text(text, encoding="utf-8")
    path.chmod(0o644)  # read by servers running as students


def _json(path: Path, data: dict) -> None:
    _write(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def write_role_settings(paths: ClassroomPaths) -> None:
    """Both roles' configuration folders, written afresh."""
    for folder, student in ((paths.student_config, True), (paths.teacher_config, False)):
        settings = folder / "lab-settings"
        _json(settings / "overrides.json", CHINESE)
        server: dict = {"LabApp": {"app_settings_dir": str(settings)}}
        if student:
            server["ServerApp"] = {"jpserver_extensions": dict.fromkeys(TEACHER_SERVER_EXTENSIONS, False)}
            _json(folder / "labconfig" / "page_config.json",
                  {"disabledExtensions": dict.fromkeys(TEACHER_LAB_PLUGINS, True)})
            _write(folder / "nbgrader_config.py", _STUDENT_NBGRADER.format(
                course_id=COURSE_ID, exchange=str(paths.exchange)))
        _json(folder / "jupyter_server_config.json", server)
