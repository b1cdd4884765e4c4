"""course/safe_files.py: a course file is the old one or the new one, never half of each;
a replaced folder is kept aside, never deleted (unless it is regenerated)."""
import os

import pytest

from logicrm_edu.course.safe_files import (keep_aside, staging_dir, swap_in, write_bytes,
                                           write_text, write_with)


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_write_makes_folders_and_a_normal_file(tmp_path, umask_022):
    path = write_text(tmp_path / "export" / "grades.csv", "学号\n2301\n", encoding="utf-8-sig")
    assert path.read_bytes() == "\ufeff学号\n2301\n".encode("utf-8")
    assert path.stat().st_mode & 0o777 == 0o644  # 0666 less the umask, as any new file
    assert _leftovers(path.parent) == []


def test_a_secret_keeps_its_own_mode(tmp_path, umask_022):
    assert write_bytes(tmp_path / "course.toml", b"seed = 1\n", mode=0o600).stat().st_mode & 0o777 == 0o600


def test_a_failing_writer_leaves_the_old_file_and_no_temporary(tmp_path):
    path = write_bytes(tmp_path / "grades.xlsx", b"old")

    def broken(tmp):
        tmp.write_bytes(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_with(path, broken)
    assert path.read_bytes() == b"old" and _leftovers(tmp_path) == []


def test_ctrl_c_while_writing_leaves_the_old_file(tmp_path):
    path = write_bytes(tmp_path / "a.txt", b"old")

    def interrupted(tmp):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_with(path, interrupted)
    assert path.read_bytes() == b"old" and _leftovers(tmp_path) == []


def test_swap_in_keeps_the_replaced_folder_aside(tmp_path):
    dest = tmp_path / "submitted" / "2301"
    dest.mkdir(parents=True)
    (dest / "work.ipynb").write_text("first", encoding="utf-8")
    staged = staging_dir(dest)
    (staged / "work.ipynb").write_text("second", encoding="utf-8")
    old = swap_in(staged, dest, tmp_path / "replaced")
    assert (dest / "work.ipynb").read_text(encoding="utf-8") == "second"
    assert old.parent.parent == tmp_path / "replaced" and old.name == "2301"
    assert (old / "work.ipynb").read_text(encoding="utf-8") == "first"
    assert _leftovers(dest.parent) == []  # the staging folder became dest


def test_swap_in_without_an_archive_replaces_a_regenerated_folder(tmp_path):
    dest = tmp_path / "handout"
    dest.mkdir()
    (dest / "old.txt").write_text("x", encoding="utf-8")
    staged = staging_dir(dest)
    (staged / "new.txt").write_text("y", encoding="utf-8")
    assert swap_in(staged, dest) is None
    assert sorted(p.name for p in dest.iterdir()) == ["new.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["handout"]


def test_keep_aside_twice_keeps_both(tmp_path):
    for text in ("one", "two"):
        folder = tmp_path / "work"
        folder.mkdir()
        (folder / "a.txt").write_text(text, encoding="utf-8")
        keep_aside(folder, tmp_path / "aside")
    kept = sorted((p / "work" / "a.txt").read_text(encoding="utf-8")
                  for p in (tmp_path / "aside").iterdir())
    assert kept == ["one", "two"] and not (tmp_path / "work").exists()
