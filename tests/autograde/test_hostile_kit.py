"""The hostile-submission kit: every attack in ``autograder/abc_tiering/hostile.toml`` is graded in
one batch through the real ``logicrm autograde`` command, beside honest canaries.

For each attack three things are asserted: the attacker's score is what its
real work deserves (``autograder/abc_tiering/hostile_expected.csv``, worked out by hand);
the canaries' scores are the hand-worked ones of the grading kit; and no file of
the course changed outside what grading is meant to write.  The attackers know
the course folder, a canary's id and a port on the grader's loopback.
"""
from __future__ import annotations

import hashlib
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import nbformat
import pandas as pd
import psutil
import pytest

from logicrm_edu.course.nbgrader_app import cell_scores
from logicrm_edu.submissions import load_specs, resolved, submission_files

from .courses import ASSIGNMENT, EXPECTED, KIT, NOTEBOOK, SPECS, TEST_CELLS

HOSTILE = load_specs(KIT / "hostile.toml")
DESERVED = pd.read_csv(KIT / "hostile_expected.csv").set_index("submission")
CANARIES = ["correct_reference", "mistake_fraction", "correct_loops"]
SEED = "hostile-kit-secret-seed-7d1e"
DAEMON_MARK = "3141.59"
# what grading is meant to write; everything else must stay byte for byte
WRITTEN = ("gradebook.db", "gradebook.db-journal", "autograded", "feedback", ".logicrm")


def snapshot(root: Path) -> dict[str, str]:
    digests = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.is_file() and relative.parts[0] not in WRITTEN:
            digests[str(relative)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


class Listener:
    """A TCP server on the grader's loopback that records what reaches it."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.received: list[bytes] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return
            with connection:
                self.received.append(connection.recv(100) or b"(connected)")


@pytest.fixture(scope="module")
def attacked(generated_course, tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile") / "course"
    shutil.copytree(generated_course, root)
    (root / "course.toml").write_text(f'[course]\nseed = "{SEED}"\n', encoding="utf-8")
    listener = Listener()
    release = nbformat.read(root / "release" / ASSIGNMENT / NOTEBOOK, 4)
    specs = {**SPECS, **HOSTILE}
    values = {"COURSE_ROOT": root, "CANARY": CANARIES[0], "HOST_PORT": listener.port}
    for student in CANARIES + list(HOSTILE):
        folder = root / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        shutil.copy(root / "release" / ASSIGNMENT / "customers.xlsx", folder)
        made = submission_files(release, resolved(specs, student), values)
        (folder / NOTEBOOK).write_bytes(made["notebook"])
        for name, data in made["files"].items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
    before = snapshot(root)
    logicrm = Path(sys.executable).with_name("logicrm")
    run = subprocess.run([str(logicrm), "autograde", ASSIGNMENT, "--course", str(root),
                          "--workers", "2", "--lang", "en"],
                         capture_output=True, text=True, timeout=1800)
    leftovers = [p.info for p in psutil.process_iter(["pid", "cmdline"])
                 if DAEMON_MARK in " ".join(p.info["cmdline"] or [])]
    listener.server.close()
    scores = cell_scores(root, ASSIGNMENT).pivot(index="student", columns="cell", values="score")
    return {"root": root, "run": run, "before": before, "after": snapshot(root),
            "scores": scores[TEST_CELLS], "leftovers": leftovers, "listener": listener}


def test_the_cli_finished(attacked):
    run = attacked["run"]
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]


@pytest.mark.parametrize("attack", list(HOSTILE))
def test_attack_scores_what_its_work_deserves(attacked, attack):
    scores = attacked["scores"]
    assert scores.loc[attack].tolist() == DESERVED.loc[attack, TEST_CELLS].tolist(), \
        DESERVED.loc[attack, "why"]
    for canary in CANARIES:
        assert scores.loc[canary].tolist() == EXPECTED.loc[canary, TEST_CELLS].tolist(), canary
    changed = {path for path in attacked["before"].keys() | attacked["after"].keys()
               if attacked["before"].get(path) != attacked["after"].get(path)}
    assert not changed


def test_every_attack_has_a_hand_worked_score():
    assert set(HOSTILE) == set(DESERVED.index)
    assert (DESERVED[TEST_CELLS].sum(axis=1) == DESERVED["total"]).all()
    assert len(HOSTILE) >= 30


def test_no_process_outlives_grading(attacked):
    assert attacked["leftovers"] == []


def test_nothing_reached_the_graders_loopback(attacked):
    assert attacked["listener"].received == []


def test_no_secret_or_solution_reached_an_output(attacked):
    solution = nbformat.read(attacked["root"] / "source" / ASSIGNMENT / NOTEBOOK, 4)
    hidden = [line for cell in solution.cells for line in cell.source.splitlines()
              if "grade_against_teacher_data" in line or "BEGIN SOLUTION" in line]
    for path in (attacked["root"] / "autograded").rglob("*.ipynb"):
        assert SEED not in path.read_text(encoding="utf-8"), path
        outputs = str([cell.get("outputs") for cell in nbformat.read(path, 4).cells])
        assert not any(line in outputs for line in hidden), path


def test_student_outputs_are_text_and_pictures_only(attacked):
    nb = nbformat.read(attacked["root"] / "autograded" / "script_in_outputs" / ASSIGNMENT
                       / NOTEBOOK, 4)
    outputs = [output for cell in nb.cells if cell.cell_type == "code" for output in cell.outputs]
    assert {mime for output in outputs for mime in output.get("data", {})} <= {
        "text/plain", "image/png", "image/jpeg"}
    assert "pwned" not in str(outputs)  # the planted and displayed script is gone


def test_files_students_write_or_bring_stay_out_of_the_graded_folders(attacked):
    # disk_bomb wrote filler.bin while graded; shadow_* handed in .py files beside the notebook
    kept = {path.name for path in (attacked["root"] / "autograded").rglob("*") if path.is_file()}
    assert kept <= {NOTEBOOK, "timestamp.txt"}


def test_unreadable_notebooks_fail_and_are_flagged(attacked):
    from logicrm_edu.course.nbgrader_app import gradebook

    with gradebook(attacked["root"]) as gb:
        for student in ("huge_notebook", "malformed_json", "malformed_schema"):
            submission = gb.find_submission(ASSIGNMENT, student)
            assert submission.needs_manual_grade, student
    assert "huge_notebook" in attacked["run"].stdout
