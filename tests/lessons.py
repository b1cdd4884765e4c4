"""Running an ungraded lesson notebook as a student's JupyterLab would, for the lesson tests."""
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).parents[1] / "notebooks"
WIDGET = "application/vnd.jupyter.widget-view+json"


def run_lesson(name: str, folder, *, extra_cells=(), timeout: int = 60):
    """Execute ``notebooks/<name>.ipynb`` (with ``extra_cells`` appended) in ``folder``;
    assert that no cell fails and that no Chinese glyph is missing from the font.
    Returns (notebook, outputs of every code cell)."""
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    nb.cells += [nbformat.v4.new_code_cell(source) for source in extra_cells]
    NotebookClient(nb, timeout=timeout, kernel_name="python3",
                   resources={"metadata": {"path": str(folder)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    stderr = "".join(o.get("text", "") for o in outputs if o.get("name") == "stderr")
    assert "Glyph" not in stderr and "missing from font" not in stderr
    return nb, outputs


def images(outputs) -> list:
    return [o for o in outputs if "image/png" in o.get("data", {})]


def widgets(outputs) -> list:
    return [o for o in outputs if WIDGET in o.get("data", {})]
