import pytest

from logicrm_edu.rubric import RubricError, find_rubric, load_rubric
from logicrm_edu.rubric.rubric_files import SHIPPED_DIR

GOOD = """
title = { zh = "测试", en = "Test" }
subject = "group"
raters = ["teacher", "group"]
[[criteria]]
id = "overall"
name = "总体"
max = 70
[[criteria.levels]]
min = 60
max = 70
descriptor = "好"
[[criteria.levels]]
min = 50
max = 59
descriptor = "中"
"""


def write(tmp_path, text, name="bad.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_textbook_group_evaluation_bands():
    rubric = load_rubric(SHIPPED_DIR / "group_textbook.toml")
    assert (rubric.subject, rubric.raters) == ("group", ("teacher", "group"))
    [criterion] = rubric.criteria
    assert [(lv.low, lv.high) for lv in criterion.levels] == [(60, 70), (50, 59), (40, 49)]
    assert "角色扮演合理" in criterion.levels[0].descriptor["zh"]
    assert "teacher or other groups" in criterion.levels[2].descriptor["en"]


def test_member_evaluation_points():
    rubric = load_rubric(SHIPPED_DIR / "member_evaluation.toml")
    assert [(c.id, c.max_points) for c in rubric.criteria] == [
        ("attitude", 5), ("cooperation", 10), ("listening", 5), ("presentation", 10)]
    assert rubric.max_total == 30 and rubric.raters == ("member",)


def test_abc_presentation_covers_the_task():
    rubric = load_rubric(SHIPPED_DIR / "abc_presentation.toml")
    assert [c.id for c in rubric.criteria] == ["table", "chart", "interpretation", "strategies", "delivery"]
    assert rubric.max_total == 100
    for criterion in rubric.criteria:  # bands cover 0..max without gaps between whole points
        bands = sorted((lv.low, lv.high) for lv in criterion.levels)
        assert bands[0][0] == 0 and bands[-1][1] == criterion.max_points
        assert all(b[0] == a[1] + 1 for a, b in zip(bands, bands[1:])), criterion.id


def test_plain_text_counts_for_both_languages(tmp_path):
    rubric = load_rubric(write(tmp_path, GOOD, "mine.toml"))
    assert rubric.id == "mine"
    assert rubric.criteria[0].name == {"zh": "总体", "en": "总体"}


@pytest.mark.parametrize("change, key, toml_key", [
    (("min = 50\nmax = 59", "min = 50\nmax = 60"), "rubric.file.levels_overlap", "criteria.overall.levels[2]"),
    (("max = 70\n[[criteria.levels]]", "max = 65\n[[criteria.levels]]"), "rubric.file.level_above_max",
     "criteria.overall.levels[1].max"),
    (('raters = ["teacher", "group"]', 'raters = ["teacher", "parent"]'), "rubric.file.bad_rater", "raters[2]"),
    (('raters = ["teacher", "group"]', 'raters = ["member"]'), "rubric.file.bad_rater", "raters[1]"),
    (('subject = "group"', 'subject = "class"'), "rubric.file.bad_choice", "subject"),
    (('name = "总体"', 'name = "总体"\nmaximum = 3'), "rubric.file.unknown_key", "criteria.overall.maximum"),
    (('id = "overall"', 'id = "总体"'), "rubric.file.bad_id", "criteria[1].id"),
    (("max = 70\n[[criteria.levels]]", 'max = "70"\n[[criteria.levels]]'), "rubric.file.not_number",
     "criteria.overall.max"),
    (('descriptor = "好"', 'descriptor = ""'), "rubric.file.bad_text", "criteria.overall.levels[1].descriptor"),
    (("min = 60\nmax = 70", "min = 70\nmax = 60"), "rubric.file.level_reversed", "criteria.overall.levels[1]"),
    (('title = { zh = "测试", en = "Test" }\n', ""), "rubric.file.missing_key", "title"),
])
def test_malformed_rubric_names_file_and_key(tmp_path, change, key, toml_key):
    old, new = change
    assert old in GOOD
    with pytest.raises(RubricError) as caught:
        load_rubric(write(tmp_path, GOOD.replace(old, new, 1)))
    problem = caught.value.problems[0]
    assert (problem.key, problem.file, problem.toml_key) == (key, "bad.toml", toml_key)
    message = str(caught.value)
    assert "bad.toml" in message and toml_key in message and "键" in message and "key" in message


def test_duplicate_criterion_id(tmp_path):
    text = GOOD + '[[criteria]]\nid = "overall"\nname = "再来"\nmax = 5\n'
    with pytest.raises(RubricError) as caught:
        load_rubric(write(tmp_path, text))
    assert caught.value.problems[0].toml_key == "criteria.overall.id"


def test_toml_syntax_error(tmp_path):
    with pytest.raises(RubricError) as caught:
        load_rubric(write(tmp_path, "title = \n"))
    assert caught.value.key == "rubric.file.syntax" and "bad.toml" in str(caught.value)


def test_find_rubric_prefers_the_course_folder(tmp_path):
    write(tmp_path, GOOD, "member_evaluation.toml")
    assert find_rubric("member_evaluation", [tmp_path, SHIPPED_DIR]).subject == "group"
    assert find_rubric("member_evaluation", [tmp_path / "none", SHIPPED_DIR]).subject == "member"
    with pytest.raises(RubricError) as caught:
        find_rubric("nope", [tmp_path])
    assert caught.value.key == "rubric.file.unknown_rubric"
