"""The wheel a teacher installs (not the source checkout) carries the course template and
the grading kit: built, installed into a fresh virtualenv, and run on the demo class."""
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).parents[1]


def build_wheel(folder: Path, **env) -> Path:
    # built from a copy: building writes build/ and *.egg-info beside the sources
    source = folder / "project"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "demo-course", "__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w",
                    str(folder / "dist"), str(source)], check=True, capture_output=True,
                   env={**os.environ, **env})
    return next((folder / "dist").glob("logicrm_edu-*.whl"))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    return build_wheel(tmp_path_factory.mktemp("teacher"))


def test_the_wheel_carries_template_kit_and_feedback_page(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("logicrm_edu/course_template/nbgrader_config.py",
                   "logicrm_edu/course_template/source/abc_tiering/abc_tiering.ipynb",
                   "logicrm_edu/course_template/rubrics/abc_presentation.toml",
                   "logicrm_edu/autograder_kit/abc_tiering/submissions.toml",
                   "logicrm_edu/autograder_kit/abc_tiering/expected_scores.csv",
                   "logicrm_edu/grading/templates/feedback/index.html.j2",
                   "logicrm_edu/data/demo_roster.csv"):
        assert needed in names, needed
    assert not any("__pycache__" in n or n.endswith("gradebook.db") for n in names)


def _requirement(text: str) -> tuple[str, str, str]:
    """(name, specifiers, marker) in a form that does not depend on how it was written."""
    req = Requirement(text)
    return req.name.lower(), str(sorted(str(s) for s in req.specifier)), str(req.marker or "")


def test_the_wheel_declares_the_core_and_teacher_dependencies(wheel):
    # the install test below uses --no-deps: here the metadata pip would follow
    with zipfile.ZipFile(wheel) as zf:
        [metadata] = [n for n in zf.namelist() if n.endswith(".dist-info/METADATA")]
        lines = zf.read(metadata).decode("utf-8").splitlines()
    declared = {_requirement(line.split(":", 1)[1].strip()) for line in lines
                if line.startswith("Requires-Dist:")}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = {_requirement(d) for d in project["dependencies"]}
    teacher = {_requirement(f'{d}; extra == "teacher"')
               for d in project["optional-dependencies"]["teacher"]}
    assert core and teacher and core <= declared and teacher <= declared
    assert "Provides-Extra: teacher" in lines


def test_the_students_wheel_carries_no_reference_answers(tmp_path):
    names = zipfile.ZipFile(build_wheel(tmp_path, LOGICRM_WHEEL="student")).namelist()
    assert "logicrm_edu/shares.py" in names and "logicrm_edu/data/changhai.csv" in names
    assert not [n for n in names if "course_template" in n or "autograder_kit" in n]


def test_the_installed_wheel_runs_the_demo_class(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)],
                   check=True, capture_output=True)
    # the dependencies come from the project's environment, appended after the wheel's own
    # site-packages (a plain path line: the checkout's editable-install hook is not run)
    site = Path(subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    (site / "project_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    where = subprocess.run(
        [python, "-c", "import json, logicrm_edu.course.template as t; "
                       "print(json.dumps([str(t.template_dir()), str(t.kit_dir())]))"],
        check=True, capture_output=True, text=True, cwd=tmp_path)
    template, kit = json.loads(where.stdout)
    assert template.startswith(str(site)) and kit.startswith(str(site))

    # nbgrader runs the dependencies' `alembic` command, which lives beside them
    env = {**os.environ, "PATH": f"{env_dir / 'bin'}:{Path(sys.executable).parent}:/usr/bin:/bin"}
    demo = subprocess.run([env_dir / "bin" / "logicrm", "demo", "course", "--lang", "en"],
                          capture_output=True, text=True, cwd=tmp_path, env=env, timeout=900)
    assert demo.returncode == 0, demo.stdout[-3000:] + demo.stderr[-3000:]
    course = tmp_path / "course"
    assert (course / "release" / "abc_tiering" / "abc_tiering.ipynb").is_file()
    assert len(list((course / "autograded").glob("*/abc_tiering"))) >= 20
    assert "Traceback" not in demo.stderr


def test_setup_names_make_targets_that_exist():
    import re

    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"(?m)^([\w-]+):", makefile))
    named = re.findall(r"``make ([\w-]+)``", (ROOT / "setup.py").read_text(encoding="utf-8"))
    assert named and set(named) <= targets, named
