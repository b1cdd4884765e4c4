"""The sandbox's view of the machine, as the bubblewrap command line sets it."""
import os
import sys

import pytest

from logicrm_edu.sandbox.bwrap import (RUN_DIR, CourseVisible, check_hidden, python_dirs,
                                       sandbox_command)


def bound(args: list[str], flag: str) -> dict[str, str]:
    """destination → source of every ``flag SRC DEST`` in ``args``."""
    return {args[i + 2]: args[i + 1] for i, a in enumerate(args) if a == flag}


def test_python_is_shown_read_only_and_the_run_folder_writable(tmp_path):
    args = sandbox_command("/usr/bin/bwrap", tmp_path)
    read_only = bound(args, "--ro-bind")
    for folder in python_dirs():
        assert read_only.get(folder) == folder or any(
            folder.startswith(d + "/") for d in ("/usr", "/lib", "/bin")), folder
    assert bound(args, "--bind") == {RUN_DIR: str(tmp_path)}
    assert {"--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent"} <= set(args)


def test_the_graders_folders_are_not_shown(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "run").mkdir()
    args = sandbox_command("/usr/bin/bwrap", tmp_path / "run")
    sources = set(bound(args, "--ro-bind").values()) | set(bound(args, "--bind").values())
    for hidden in (str(tmp_path), os.path.dirname(__file__), os.path.expanduser("~"), sys.path[0]):
        assert hidden not in sources, hidden
    assert not any(s.startswith("/etc/shadow") or s == "/etc" for s in sources)


def test_a_course_inside_the_python_environment_is_refused(tmp_path):
    inside = os.path.join(sys.prefix, "my-course")
    with pytest.raises(CourseVisible):
        check_hidden(inside, python_dirs())
    check_hidden(tmp_path, python_dirs())  # an ordinary course folder is fine


def test_folders_added_by_pth_files_and_the_user_site_are_shown(tmp_path, monkeypatch):
    """``pip install --user``, or an environment whose .pth file points at another one's
    packages: without them in the sandbox no kernel could even start."""
    site_dir, user_site, layered = tmp_path / "site", tmp_path / "user", tmp_path / "deps"
    for folder in (site_dir, user_site, layered):
        folder.mkdir()
    (site_dir / "deps.pth").write_text(f"# packages of another environment\n{layered}\n"
                                       "import os; os.environ.get('X')\n", encoding="utf-8")
    monkeypatch.setattr("site.getsitepackages", lambda: [str(site_dir)])
    monkeypatch.setattr("site.getusersitepackages", lambda: str(user_site))
    monkeypatch.setattr("site.ENABLE_USER_SITE", True)
    shown = python_dirs()
    assert {str(site_dir), str(user_site), str(layered)} <= set(shown)
    assert not any(path.startswith("import") for path in shown)
