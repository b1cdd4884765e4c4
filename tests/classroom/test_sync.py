import pytest
from openpyxl import load_workbook

from logicrm_edu.classroom.accounts import check_login, load_accounts
from logicrm_edu.classroom.paths import classroom_paths
from logicrm_edu.classroom.sync import reset_password, sync_hub_users
from logicrm_edu.classroom.users import is_student_user, remove_student_user
from logicrm_edu.course.roster import import_roster

from .conftest import needs_root, write_roster

pytestmark = needs_root


def _handout(course):
    rows = list(load_workbook(course / "classroom_passwords.xlsx").active.iter_rows(values_only=True))
    return rows[0], {row[0]: row for row in rows[1:]}


def test_no_classroom_yet_nothing_happens(course):
    course_dir, ids = course
    assert sync_hub_users(course_dir) is None
    assert not classroom_paths(course_dir).state.exists()
    assert not any(is_student_user(sid) for sid in ids)


def test_students_and_teacher_get_accounts_and_a_handout(course):
    course_dir, ids = course
    synced = sync_hub_users(course_dir, create=True)
    assert synced.added == ids and synced.skipped == [] and synced.closed == []
    assert list(synced.new_teachers) == ["wanglaoshi"]
    accounts = classroom_paths(course_dir).accounts
    assert check_login(accounts, "wanglaoshi", synced.new_teachers["wanglaoshi"])
    header, rows = _handout(course_dir)
    assert header == ("学号（登录名）", "姓名", "班级", "初始密码")
    assert set(rows) == set(ids) and rows[ids[0]][1:3] == ("张三", "物流2301")
    for sid in ids:
        assert is_student_user(sid)
        assert check_login(accounts, sid, rows[sid][3])
    again = sync_hub_users(course_dir)
    assert again.added == [] and again.new_teachers == {}  # passwords stay
    assert _handout(course_dir)[1] == rows


def test_leaving_the_roster_closes_the_account_and_coming_back_reopens_it(course, open_dir):
    course_dir, ids = course
    sync_hub_users(course_dir, create=True)
    _, rows = _handout(course_dir)
    accounts = classroom_paths(course_dir).accounts
    import_roster(course_dir, write_roster(open_dir / "one.csv", [(ids[0], "张三")]))
    synced = sync_hub_users(course_dir)
    assert synced.closed == [ids[1]]
    assert not check_login(accounts, ids[1], rows[ids[1]][3])
    assert is_student_user(ids[1])  # the work stays
    assert set(_handout(course_dir)[1]) == {ids[0]}
    import_roster(course_dir, write_roster(open_dir / "two.csv", [(ids[0], "张三"), (ids[1], "李四")]))
    synced = sync_hub_users(course_dir)
    assert synced.returned == [ids[1]]
    assert check_login(accounts, ids[1], rows[ids[1]][3])


def test_ids_that_cannot_be_login_names_are_skipped(course, open_dir):
    course_dir, ids = course
    import_roster(course_dir, write_roster(open_dir / "odd.csv",
                                           [(ids[0], "张三"), ("Wl-2301", "王五"), ("wanglaoshi", "王老师")]))
    try:
        synced = sync_hub_users(course_dir, create=True)
        assert synced.skipped == [("Wl-2301", "classroom.skip.bad_id"),
                                  ("wanglaoshi", "classroom.skip.teacher_name")]
        assert set(load_accounts(classroom_paths(course_dir).accounts)) == {ids[0], "wanglaoshi"}
        assert load_accounts(classroom_paths(course_dir).accounts)["wanglaoshi"].role == "teacher"
    finally:
        remove_student_user("wanglaoshi")


def test_reset_password_gives_a_known_password(course):
    course_dir, ids = course
    sync_hub_users(course_dir, create=True)
    assert reset_password(course_dir, ids[0], "known234") == "known234"
    assert check_login(classroom_paths(course_dir).accounts, ids[0], "known234")
    assert _handout(course_dir)[1][ids[0]][3] == "known234"
    with pytest.raises(Exception, match="nobody"):
        reset_password(course_dir, "nobody")
