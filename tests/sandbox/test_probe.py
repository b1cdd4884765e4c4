"""Whether grading may start: a sandbox is possible here, or the reason it is not."""
from logicrm_edu.sandbox import probe


def test_this_machine_can_sandbox():
    # make setup installs bubblewrap; CI runs on the same kind of machine
    assert probe.sandbox_problem() is None
    probe.require_sandbox()


def test_without_bubblewrap_the_reason_says_so(monkeypatch):
    monkeypatch.setattr(probe, "bwrap_executable", lambda: None)
    assert probe.sandbox_problem.__wrapped__() == "bubblewrap (bwrap) is not installed"


def test_a_bubblewrap_that_cannot_create_a_sandbox_is_reported(monkeypatch, tmp_path):
    fake = tmp_path / "bwrap"
    fake.write_text("#!/bin/sh\necho 'No permissions to create new namespace' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setattr(probe, "bwrap_executable", lambda: str(fake))
    assert "No permissions to create new namespace" in probe.sandbox_problem.__wrapped__()
