from pathlib import Path

import nbformat
from nbclient import NotebookClient

LESSON = Path(__file__).parents[1] / "notebooks" / "abc_tiering_lesson.ipynb"


def test_lesson_notebook_runs_and_renders_chinese(tmp_path):
    nb = nbformat.read(LESSON, as_version=4)
    NotebookClient(nb, timeout=60, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    stderr = "".join(o.get("text", "") for o in outputs if o.get("name") == "stderr")
    assert "Glyph" not in stderr and "missing from font" not in stderr
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == 2  # tier chart and Pareto chart (the explorer draws into widget state)
    widgets = [o for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert widgets, "the explorer widget is displayed"
