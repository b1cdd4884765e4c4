import pytest

from logicrm_edu.rubric import RubricError, load_settings
from logicrm_edu.rubric.settings import GradeSettings, RubricSettings


def test_defaults_without_a_file(tmp_path):
    settings = load_settings(tmp_path)
    assert settings.rubric == RubricSettings()
    assert (settings.rubric.group_rubric, settings.rubric.member_rubric) == ("abc_presentation",
                                                                           "member_evaluation")
    assert settings.rubric.self_rating is False
    assert settings.grades == GradeSettings()


def test_values_are_read_and_other_sections_left_alone(tmp_path):
    (tmp_path / "course.toml").write_text("""
[nbgrader]
anything = "is ignored here"
[rubric]
teacher_weight = 0.7
peer_trim = 1
self_rating = true
method = "equal"
non_submitter_penalty = 5
penalty_kind = "points"
[grades]
assignment_weight = 70
presentation_weight = 30
[grades.assignments]
abc-tiering = 2
regions = 1
""", encoding="utf-8")
    settings = load_settings(tmp_path)
    assert (settings.rubric.teacher_weight, settings.rubric.peer_trim, settings.rubric.self_rating) == (0.7, 1, True)
    assert (settings.rubric.method, settings.rubric.penalty_kind) == ("equal", "points")
    assert settings.grades.assignments == {"abc-tiering": 2.0, "regions": 1.0}
    assert settings.grades.presentation_weight == 30


@pytest.mark.parametrize("text, key, toml_key", [
    ("[rubric]\nteacher_weight = 60", "rubric.settings.fraction", "rubric.teacher_weight"),
    ("[rubric]\nwebpa_weighting = -0.5", "rubric.settings.negative", "rubric.webpa_weighting"),
    ("[rubric]\nself_rating = 1", "rubric.settings.not_bool", "rubric.self_rating"),
    ("[rubric]\npeer_trim = 1.5", "rubric.settings.not_whole", "rubric.peer_trim"),
    ("[rubric]\nmethod = \"spark\"", "rubric.file.bad_choice", "rubric.method"),
    ("[rubric]\npenalty_kind = \"pct\"", "rubric.file.bad_choice", "rubric.penalty_kind"),
    ("[rubric]\nnon_submitter_penalty = 150", "rubric.settings.percent", "rubric.non_submitter_penalty"),
    ("[rubric]\nself_rateing = true", "rubric.file.unknown_key", "rubric.self_rateing"),
    ("[grades]\nassignment_weight = 0\npresentation_weight = 0", "rubric.settings.zero_weights", "grades"),
    ("[grades]\nassignments = 3", "rubric.file.not_table", "grades.assignments"),
    ("[rubric]\ngroup_rubric = \"a\"\npresentations = [\"a\", \"b\"]",
     "rubric.settings.two_presentation_keys", "rubric.presentations"),
    ("[rubric]\npresentations = \"a\"", "rubric.settings.not_list", "rubric.presentations"),
    ("[rubric]\npresentations = []", "rubric.settings.not_list", "rubric.presentations"),
    ("[rubric]\npresentations = [\"a\", 3]", "rubric.file.bad_text", "rubric.presentations[1]"),
    ("[rubric]\npresentations = [\"a\"]\n[grades.presentations]\nb = 2",
     "rubric.settings.unknown_presentation", "grades.presentations.b"),
])
def test_bad_settings_name_the_key(tmp_path, text, key, toml_key):
    (tmp_path / "course.toml").write_text(text, encoding="utf-8")
    with pytest.raises(RubricError) as caught:
        load_settings(tmp_path)
    problem = caught.value.problems[0]
    assert (problem.key, problem.file, problem.toml_key) == (key, "course.toml", toml_key)


def test_the_terms_presentations_in_order_with_their_weights(tmp_path):
    (tmp_path / "course.toml").write_text("""
[rubric]
presentations = ["abc_presentation", "selection_talk"]
[grades.presentations]
selection_talk = 3
""", encoding="utf-8")
    settings = load_settings(tmp_path)
    assert settings.presentations == ("abc_presentation", "selection_talk")
    assert settings.grades.presentations == {"selection_talk": 3.0}


def test_one_presentation_is_the_group_rubric(tmp_path):
    (tmp_path / "course.toml").write_text('[rubric]\ngroup_rubric = "talk"\n', encoding="utf-8")
    assert load_settings(tmp_path).presentations == ("talk",)
    assert load_settings(tmp_path / "none").presentations == ("abc_presentation",)


def test_the_documented_weight_examples_name_real_assignments():
    """The commented examples under [grades.assignments] (course/rubrics/README.md, both
    languages, and this module's docstring) use an assignment's folder name."""
    import re
    from pathlib import Path

    import logicrm_edu.rubric.settings as module

    root = Path(__file__).parents[2]
    assignments = {p.name for p in (root / "course" / "source").iterdir() if p.is_dir()}
    texts = [(root / "course" / "rubrics" / "README.md").read_text(encoding="utf-8"), module.__doc__]
    examples = [name for text in texts
                for name in re.findall(r"\[grades\.assignments\][^\n]*\n\s*# ([\w-]+) = ", text)]
    assert len(examples) == 3 and set(examples) <= assignments, examples
