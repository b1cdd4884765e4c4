import json
import stat

from traitlets.config import Config

from logicrm_edu.classroom.lab_settings import write_role_settings
from logicrm_edu.classroom.paths import classroom_paths, make_state_dirs


def _settings(tmp_path):
    paths = classroom_paths(tmp_path)
    make_state_dirs(paths)
    write_role_settings(paths)
    return paths


def test_students_get_chinese_and_no_teacher_tools(tmp_path):
    student = _settings(tmp_path).student_config
    overrides = json.loads((student / "lab-settings" / "overrides.json").read_text())
    assert overrides == {"@jupyterlab/translation-extension:plugin": {"locale": "zh_CN"},
                         "@jupyterlab/apputils-extension:notification": {"fetchNews": "false"}}
    page = json.loads((student / "labconfig" / "page_config.json").read_text())
    assert page["disabledExtensions"] == {"@jupyter/nbgrader:formgrader": True,
                                          "@jupyter/nbgrader:create-assignment": True,
                                          "@jupyter/nbgrader:course-list": True}
    server = json.loads((student / "jupyter_server_config.json").read_text())
    assert server["ServerApp"]["jpserver_extensions"] == {
        "nbgrader.server_extensions.formgrader": False,
        "nbgrader.server_extensions.course_list": False}
    assert server["LabApp"]["app_settings_dir"] == str(student / "lab-settings")
    for path in (student / "nbgrader_config.py", student / "labconfig" / "page_config.json"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644  # read by students' servers


def test_students_nbgrader_uses_the_course_exchange(tmp_path):
    paths = _settings(tmp_path)
    config = Config()
    exec((paths.student_config / "nbgrader_config.py").read_text(), {"get_config": lambda: config})
    assert config.Exchange.root == str(tmp_path / "exchange")
    assert config.CourseDirectory.course_id == "logistics-crm"
    assert config.Exchange.path_includes_course is True


def test_teachers_keep_every_tool_and_start_in_chinese(tmp_path):
    teacher = _settings(tmp_path).teacher_config
    assert not (teacher / "labconfig").exists()
    assert not (teacher / "nbgrader_config.py").exists()  # the course's own applies
    server = json.loads((teacher / "jupyter_server_config.json").read_text())
    assert "ServerApp" not in server
    overrides = json.loads((teacher / "lab-settings" / "overrides.json").read_text())
    assert overrides["@jupyterlab/translation-extension:plugin"]["locale"] == "zh_CN"


def test_state_folders_modes(tmp_path):
    paths = _settings(tmp_path)
    assert stat.S_IMODE(paths.state.stat().st_mode) == 0o711
    assert stat.S_IMODE(paths.hub.stat().st_mode) == 0o700
    assert stat.S_IMODE(paths.student_config.stat().st_mode) == 0o755
