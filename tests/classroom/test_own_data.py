"""Each student's own data file placed in their home by root, never through a link."""
import os

from logicrm_edu.classroom.own_data import OWN_DATA, _place


def test_the_files_land_in_the_students_own_folder(tmp_path):
    data = tmp_path / "customers.xlsx"
    data.write_bytes(b"PK data")
    home = tmp_path / "home"
    home.mkdir()
    assert _place([data], home, "abc_tiering", os.getuid(), os.getgid()) == 1
    placed = home / OWN_DATA / "abc_tiering" / "customers.xlsx"
    assert placed.read_bytes() == b"PK data" and placed.stat().st_mode & 0o777 == 0o600
    assert (home / OWN_DATA / "abc_tiering").stat().st_mode & 0o777 == 0o700
    data.write_bytes(b"PK newer")  # a second release replaces the file
    assert _place([data], home, "abc_tiering", os.getuid(), os.getgid()) == 1
    assert placed.read_bytes() == b"PK newer"


def test_a_link_planted_by_the_student_is_never_followed(tmp_path):
    data = tmp_path / "customers.xlsx"
    data.write_bytes(b"PK data")
    elsewhere = tmp_path / "etc"
    elsewhere.mkdir()
    for planted in (".logicrm", "own-data", "file"):
        home = tmp_path / f"home-{planted}"
        (home / ".logicrm" / "own-data" / "abc_tiering").mkdir(parents=True)
        if planted == ".logicrm":
            os.rename(home / ".logicrm", tmp_path / f"moved-{planted}")
            os.symlink(elsewhere, home / ".logicrm")
        elif planted == "own-data":
            os.rename(home / ".logicrm" / "own-data", tmp_path / f"moved-{planted}")
            os.symlink(elsewhere, home / ".logicrm" / "own-data")
        else:
            os.symlink(elsewhere / "passwd", home / ".logicrm" / "own-data" / "abc_tiering" /
                       "customers.xlsx")
        placed = _place([data], home, "abc_tiering", os.getuid(), os.getgid())
        assert list(elsewhere.iterdir()) == [], planted
        if planted == "file":  # the link itself is replaced by the real file
            target = home / ".logicrm" / "own-data" / "abc_tiering" / "customers.xlsx"
            assert placed == 1 and not target.is_symlink() and target.read_bytes() == b"PK data"
        else:
            assert placed == 0
