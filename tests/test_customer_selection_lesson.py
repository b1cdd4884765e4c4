"""The customer-selection lesson notebook runs headless, renders Chinese, and its weight
explorer changes the ranking (checked on the plain function the sliders call)."""
from pathlib import Path

import nbformat
from nbclient import NotebookClient

LESSON = Path(__file__).parents[1] / "notebooks" / "customer_selection_lesson.ipynb"


def test_lesson_runs_renders_chinese_and_weights_change_the_ranking(tmp_path):
    nb = nbformat.read(LESSON, as_version=4)
    NotebookClient(nb, timeout=60, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    stderr = "".join(o.get("text", "") for o in outputs if o.get("name") == "stderr")
    assert "Glyph" not in stderr and "missing from font" not in stderr
    widgets = [o for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert widgets, "the weight explorer is displayed"
    printed = "".join(o.get("text", "") for o in outputs if o.get("name") == "stdout")
    # by parcels alone the order is the parcel column's: P01 5200, P12 4900, P10 = P11 2200
    assert "只看件量： ['P01', 'P12', 'P10', 'P11'," in printed
    # with credit at 35 % the 差-rated P12 (second by volume) leaves the top 8
    near = next(line for line in printed.splitlines() if line.startswith("重视距离和信用"))
    assert "P12" not in near
