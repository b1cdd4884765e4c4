import pwd
import stat

import pytest

from logicrm_edu.classroom.users import (MARK, ForeignUser, ensure_student_user, is_student_user,
                                         remove_student_user)

from .conftest import needs_root, unique_ids

pytestmark = needs_root


def test_student_user_with_private_home_and_no_login(open_dir):
    (sid,) = unique_ids(1)
    try:
        home = ensure_student_user(sid, open_dir / "homes")
        entry = pwd.getpwnam(sid)
        assert home == open_dir / "homes" / sid and entry.pw_dir == str(home)
        assert stat.S_IMODE(home.stat().st_mode) == 0o700
        assert home.stat().st_uid == entry.pw_uid
        assert entry.pw_shell == "/usr/sbin/nologin" and entry.pw_gecos == MARK
        assert ensure_student_user(sid, open_dir / "elsewhere") == home  # made once
    finally:
        remove_student_user(sid)
    assert not is_student_user(sid)


def test_a_user_the_classroom_did_not_make_is_never_used(open_dir):
    with pytest.raises(ForeignUser):
        ensure_student_user("root", open_dir)
    remove_student_user("root")  # refuses silently
    assert pwd.getpwnam("root").pw_uid == 0
