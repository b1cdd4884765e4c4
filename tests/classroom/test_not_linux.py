"""Off Linux (Windows, macOS) the classroom cannot run: every ``logicrm classroom`` command
says so in one message, and the package imports without ``pwd``."""
import importlib
import sys

import pytest
from click.testing import CliRunner


@pytest.fixture
def windows(monkeypatch):
    """As on Windows: no ``pwd`` module, ``sys.platform`` "win32", classroom modules fresh."""
    for name in [m for m in sys.modules if m.startswith("logicrm_edu.classroom")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pwd", None)
    monkeypatch.setattr(sys, "platform", "win32")


@pytest.mark.parametrize("args", [["start"], ["stop"], ["status"], ["password", "2301"]])
def test_every_classroom_command_says_it_needs_linux(tmp_path, windows, args):
    from logicrm_edu.cli.classroom import classroom

    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\n")
    for lang, text in (("zh", "在线课堂要在 Linux 上运行"), ("en", "The classroom runs on Linux")):
        result = CliRunner().invoke(classroom, [*args, "--course", str(tmp_path), "--lang", lang])
        assert result.exit_code == 1, result.output
        assert text in result.output and "win32" in result.output
        assert "Traceback" not in result.output and "pwd" not in result.output


def test_the_classroom_package_imports_without_pwd(windows):
    classroom = importlib.import_module("logicrm_edu.classroom")
    assert classroom.sync_hub_users is not None
