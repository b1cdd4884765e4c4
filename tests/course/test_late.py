from datetime import datetime, timedelta, timezone

import pytest

from logicrm_edu.course.late import (LatePolicy, assess, duration_text, late_policy, late_text,
                                     penalized)
from logicrm_edu.errors import DataError

UTC = timezone.utc
DUE = datetime(2025, 3, 14, 15, 59, tzinfo=UTC)


def write_toml(course, text):
    (course / "course.toml").write_text(text, encoding="utf-8")


def test_defaults_flag_late_but_take_nothing_off(tmp_path):
    policy = late_policy(tmp_path)
    assert policy == LatePolicy()
    lateness = assess(policy, "abc", "s1", DUE + timedelta(minutes=1), DUE)
    assert lateness.late and lateness.late_by == timedelta(minutes=1) and lateness.penalty == 0
    assert late_text(lateness) == "是，迟交 1 分钟"
    assert penalized(12.0, lateness) == (0.0, 12.0)


def test_a_day_started_counts_and_the_maximum_holds(tmp_path):
    policy = LatePolicy(penalty_per_day=10, max_penalty=25)
    assert assess(policy, "abc", "s1", DUE, DUE).late is False  # at the deadline is on time
    one = assess(policy, "abc", "s1", DUE + timedelta(hours=3), DUE)
    two = assess(policy, "abc", "s1", DUE + timedelta(days=1, seconds=1), DUE)
    five = assess(policy, "abc", "s1", DUE + timedelta(days=4, hours=1), DUE)
    assert (one.penalty, two.penalty, five.penalty) == (10, 20, 25)
    assert penalized(18.0, two) == (3.6, 14.4)
    assert penalized(7.25, one) == (0.73, 6.52)  # 0.725 rounded half up, then 7.25 − 0.73


def test_grace_minutes(tmp_path):
    policy = LatePolicy(penalty_per_day=10, grace_minutes=5)
    assert not assess(policy, "abc", "s1", DUE + timedelta(minutes=5), DUE).late
    assert assess(policy, "abc", "s1", DUE + timedelta(minutes=6), DUE).penalty == 10


def test_deadlines_and_extensions_from_course_toml(tmp_path):
    write_toml(tmp_path, """
[late]
penalty_per_day = 5
[late.deadlines]
abc = 2025-03-20T23:59:00+08:00
regions = "2025-04-01 12:00"
[extensions.abc]
2303 = 2025-03-22
""")
    policy = late_policy(tmp_path)
    assert policy.deadlines["abc"] == datetime(2025, 3, 20, 15, 59, tzinfo=UTC)
    assert policy.deadlines["regions"] == datetime(2025, 4, 1, 12, 0).astimezone()  # local time
    assert policy.extensions["abc"]["2303"] == datetime(2025, 3, 22, 23, 59, 59).astimezone()
    # course.toml comes before the gradebook's due date; the extension before both
    on_time = assess(policy, "abc", "2301", DUE + timedelta(days=2), DUE)
    assert not on_time.late and on_time.deadline == policy.deadlines["abc"]
    extended = assess(policy, "abc", "2303", policy.deadlines["abc"] + timedelta(days=1), DUE)
    assert not extended.late


def test_the_gradebook_due_date_and_nbgrader_extension(tmp_path):
    policy = late_policy(tmp_path)
    when = DUE + timedelta(hours=2)
    assert assess(policy, "abc", "s1", when, DUE).late
    assert not assess(policy, "abc", "s1", when, DUE, timedelta(hours=2)).late
    unknown = assess(policy, "abc", "s1", when, None)
    assert not unknown.late and late_text(unknown) == "未设截止时间"


@pytest.mark.parametrize("text, key", [
    ("[late]\npenalty_per_day = \"ten\"\n", "grade_sheets.late.bad_number"),
    ("[late]\nmax_penalty = 150\n", "grade_sheets.late.bad_number"),
    ("[late]\npenalty = 10\n", "grade_sheets.late.unknown_key"),
    ("[late.deadlines]\nabc = \"next friday\"\n", "grade_sheets.late.bad_time"),
    ("[extensions]\nabc = 3\n", "course.file.not_table"),
])
def test_mistakes_name_the_key(tmp_path, text, key):
    write_toml(tmp_path, text)
    with pytest.raises(DataError) as caught:
        late_policy(tmp_path)
    assert caught.value.key == key and "course.toml" in str(caught.value)


def test_durations_in_both_languages():
    late_by = timedelta(days=1, hours=10, minutes=0, seconds=30)
    assert duration_text(late_by, "zh") == "1 天 10 小时 1 分钟"  # a minute started counts
    assert duration_text(late_by, "en") == "1 d 10 h 1 min"


def test_without_a_deadline_collects_verdict_still_flags(tmp_path):
    policy = LatePolicy(penalty_per_day=10)
    lateness = assess(policy, "abc", "s1", DUE, None, collected_late=True)
    assert lateness.late and lateness.penalty == 0 and lateness.late_by is None
    assert late_text(lateness).startswith("是（收作业时按 --deadline 判定")
    # a deadline known here is the one that counts
    assert not assess(policy, "abc", "s1", DUE, DUE, collected_late=True).late


def test_the_commented_defaults_of_course_toml_read_as_documented(tmp_path):
    """The lines `logicrm init` writes (uncommented) are valid and mean the defaults."""
    write_toml(tmp_path, """
[late]
penalty_per_day = 0       # 每迟交一天（不足一天按一天）扣得分的百分之几 / percent of the score off per day started
max_penalty = 100         # 最多扣得分的百分之几 / at most this percent in all
grace_minutes = 0         # 截止后几分钟内仍算按时 / minutes after the deadline still on time
[late.deadlines]          # 各作业的截止时间（本地时间）；不写则用成绩库中的截止时间 / per assignment (local time)
abc_tiering = 2025-03-14 23:59:00
[extensions.abc_tiering]  # 个别学生延期：学号 = 新的截止时间 / per student: id = new deadline
2301 = 2025-03-16 23:59:00
""")
    policy = late_policy(tmp_path)
    assert (policy.penalty_per_day, policy.max_penalty, policy.grace_minutes) == (0, 100, 0)
    assert policy.deadlines == {"abc_tiering": datetime(2025, 3, 14, 23, 59).astimezone()}
    assert policy.extensions == {"abc_tiering": {"2301": datetime(2025, 3, 16, 23, 59).astimezone()}}
