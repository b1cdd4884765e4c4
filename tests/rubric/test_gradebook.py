from logicrm_edu.rubric import assignment_scores

def test_scores_from_a_real_gradebook(tmp_path, gradebook):
    gradebook(tmp_path)
    table, notes = assignment_scores(tmp_path, ["a1", "a2", "a3", "a4"])
    assert notes == []
    rows = {(r.student, r.assignment): (r.score, r.max_score, r.note) for r in table.itertuples()}
    assert rows[("a1", "abc")] == (8.0, 10.0, "")
    assert rows[("a1", "regions")] == (5.0, 5.0, "")
    assert rows[("a2", "abc")] == (0.0, 10.0, "rubric.note.no_submission")
    assert rows[("a3", "abc")] == (3.0, 10.0, "rubric.note.needs_manual_grade")
    assert rows[("a4", "regions")] == (0.0, 5.0, "rubric.note.no_submission")  # not even a student there
    assert len(table) == 8


def test_reading_adds_nothing_to_the_gradebook(tmp_path, gradebook):
    path = gradebook(tmp_path)
    before = path.read_bytes()
    assignment_scores(tmp_path, ["a1", "zz"])
    assert path.read_bytes() == before


def test_missing_gradebook_is_a_note_not_an_error(tmp_path):
    table, notes = assignment_scores(tmp_path, ["a1"])
    assert table.empty and [key for key, _ in notes] == ["rubric.note.no_gradebook"]
    assert not (tmp_path / "gradebook.db").exists()
