from logicrm_edu.rubric import TeacherForm
from logicrm_edu.rubric.store import audit_trail, load_scores


def test_teacher_scores_a_group_live(course):
    form = TeacherForm(course)
    assert list(form.group.options) == ["G1", "G2", "G3"]
    assert [s.max for s in form.sliders.values()] == [25, 20, 20, 20, 15]
    form.group.value = "G2"
    for slider, value in zip(form.sliders.values(), [20, 15, 15.5, 12, 10]):
        slider.value = value
    form.button.click()
    scores = load_scores(form.course.engine)
    assert scores[["rater_kind", "subject", "points"]].values.tolist() == [
        ["teacher", "G2", p] for p in [20, 15, 15.5, 12, 10]]
    assert audit_trail(form.course.engine)["source"].tolist() == ["notebook"]
    assert "72.5 / 100" in form.status.value


def test_switching_groups_shows_stored_scores_and_saves_only_that_group(course):
    form = TeacherForm(course, lang="en")
    for group, value in (("G1", 10), ("G3", 5)):
        form.group.value = group
        for slider in form.sliders.values():
            slider.value = value
        form.save()
    form.group.value = "G1"
    assert [s.value for s in form.sliders.values()] == [10] * 5
    form.group.value = "G2"
    assert [s.value for s in form.sliders.values()] == [0] * 5
    totals = load_scores(form.course.engine).groupby("subject")["points"].sum().to_dict()
    assert totals == {"G1": 50, "G3": 25}
    assert form.group.description == "Group"
