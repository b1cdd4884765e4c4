"""The ABC tiering lesson notebook runs top to bottom, draws Chinese text, shows the explorer."""
from lessons import images, run_lesson, widgets


def test_lesson_notebook_runs_and_renders_chinese(tmp_path):
    _, outputs = run_lesson("abc_tiering_lesson", tmp_path)
    # the tier chart and the Pareto chart (the explorer draws into widget state)
    assert len(images(outputs)) == 2
    assert widgets(outputs), "the explorer widget is displayed"
