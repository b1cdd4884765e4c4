"""``logicrm release`` stops with one message when the teacher's own notebook is wrong."""
import json

from .conftest import ASSIGNMENT, invoke


def test_a_broken_settings_cell_is_one_message(tmp_path):
    course = tmp_path / "course"
    invoke("init", course)
    notebook = course / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    content = json.loads(notebook.read_text(encoding="utf-8"))
    for cell in content["cells"]:
        if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == "teacher_settings":
            cell["source"] = "task = Colour()\n"
    notebook.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    result = invoke("release", ASSIGNMENT, "--course", course, ok=False)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "无法发布" in result.output and "Colour" in result.output
    assert "不是已知的作业类型" in result.output
