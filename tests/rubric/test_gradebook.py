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
    assert table["late_by"].isna().all() and (table["penalty"] == 0).all()  # no due dates set


def test_reading_adds_nothing_to_the_gradebook(tmp_path, gradebook):
    path = gradebook(tmp_path)
    before = path.read_bytes()
    assignment_scores(tmp_path, ["a1", "zz"])
    assert path.read_bytes() == before


def test_missing_gradebook_is_a_note_not_an_error(tmp_path):
    table, notes = assignment_scores(tmp_path, ["a1"])
    assert table.empty and [key for key, _ in notes] == ["rubric.note.no_gradebook"]
    assert not (tmp_path / "gradebook.db").exists()


def test_a_late_submission_counts_after_its_penalty(tmp_path, gradebook):
    gradebook(tmp_path)
    (tmp_path / "course.toml").write_text(
        "[late]\npenalty_per_day = 25\n[late.deadlines]\nregions = 2025-03-14T12:00:00Z\n", encoding="utf-8")
    stamp = tmp_path / "submitted" / "a2" / "regions" / "timestamp.txt"  # the gradebook has no time
    stamp.parent.mkdir(parents=True)
    stamp.write_text("2025-03-15 12:00:01.000000 UTC", encoding="utf-8")  # 1 day 1 s late: 2 days
    table, _ = assignment_scores(tmp_path, ["a1", "a2"])
    row = table.set_index(["student", "assignment"]).loc[("a2", "regions")]
    assert (row["before"], row["penalty"], row["score"]) == (2.0, 50.0, 1.0)
    assert row["late_by"].total_seconds() == 24 * 3600 + 1


def _moved_gradebook(course_dir, path) -> None:
    """The gradebook moved to ``course_dir/grades/marks.db``, as nbgrader_config.py says."""
    moved = course_dir / "grades" / "marks.db"
    moved.parent.mkdir()
    path.rename(moved)
    (course_dir / "nbgrader_config.py").write_text(
        "import os\nc = get_config()\nc.CourseDirectory.course_id = 'logistics-crm'\n"
        "c.CourseDirectory.db_url = 'sqlite:///' + os.path.join("
        "os.path.dirname(os.path.abspath(__file__)), 'grades', 'marks.db')\n", encoding="utf-8")


def test_the_gradebook_is_where_nbgrader_config_puts_it(tmp_path, gradebook):
    # before: DIR/gradebook.db was assumed, so a moved gradebook read as "no gradebook"
    _moved_gradebook(tmp_path, gradebook(tmp_path))
    table, notes = assignment_scores(tmp_path, ["a1"])
    assert notes == [] and len(table) == 2
    assert not (tmp_path / "gradebook.db").exists()


def test_a_gradebook_without_assignments_is_a_note_naming_it(tmp_path):
    from logicrm_edu.course.nbgrader_app import open_gradebook

    with open_gradebook(f"sqlite:///{tmp_path / 'gradebook.db'}"):
        pass  # made empty, as before the first release
    table, notes = assignment_scores(tmp_path, ["a1"])
    assert table.empty
    assert notes == [("rubric.note.no_assignments", {"path": str(tmp_path / "gradebook.db")})]
