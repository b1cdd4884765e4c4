"""``logicrm classroom``'s messages, without starting a hub (test_service.py starts one)."""
import socket

from click.testing import CliRunner

from logicrm_edu.cli.classroom import classroom

from .conftest import needs_root


def _invoke(*args):
    return CliRunner().invoke(classroom, [str(a) for a in args])


def _course(tmp_path):
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\n")
    return tmp_path


def test_status_and_stop_when_nothing_runs(tmp_path):
    course = _course(tmp_path)
    result = _invoke("status", "--course", course)
    assert result.exit_code == 0 and result.output == "在线课堂没有运行。\n"
    result = _invoke("stop", "--course", course, "--lang", "en")
    assert result.exit_code == 0 and result.output == "The classroom is not running.\n"


def test_start_outside_a_course_is_one_message(tmp_path):
    result = _invoke("start", "--course", tmp_path, "--lang", "en")
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "nbgrader_config.py" in result.output


@needs_root
def test_start_on_a_taken_port_says_so(tmp_path):
    course = _course(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _invoke("start", "--course", course, "--port", port, "--lang", "en")
    assert result.exit_code == 1
    assert f"port {port} is in use" in result.output
    assert not (course / ".classroom").exists()  # nothing was set up


def test_lan_start_warns_about_http_first(tmp_path):
    course = _course(tmp_path)
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        result = _invoke("start", "--course", course, "--lan", "--port", taken.getsockname()[1])
    assert "局域网" in result.output and "HTTPS" in result.output


def test_password_before_any_classroom(tmp_path):
    result = _invoke("password", "2301", "--course", _course(tmp_path))
    assert result.exit_code == 1
    assert "logicrm classroom start" in result.output


def test_help_in_english():
    result = _invoke("--lang", "en", "--help")
    assert result.exit_code == 0
    assert "The classroom: the course's JupyterHub" in result.output
    for name in ("start", "stop", "status", "password"):
        assert name in result.output
