"""The retention lesson notebook runs top to bottom, draws Chinese text, shows the explorer."""
import nbformat

from lessons import NOTEBOOKS, images, run_lesson, widgets

LESSON = NOTEBOOKS / "customer_retention_lesson.ipynb"


def test_lesson_notebook_runs_and_renders_chinese(tmp_path):
    _, outputs = run_lesson("customer_retention_lesson", tmp_path)
    assert len(images(outputs)) == 1  # the Pareto chart (the explorer draws into widget state)
    assert widgets(outputs), "the explorer widget is displayed"
    text = "".join(str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert "K099" in text and "K100" in text  # the customers on the thresholds are shown


def test_the_explorer_function_moves_with_its_settings():
    nb = nbformat.read(LESSON, as_version=4)
    namespace = {"display": lambda *a: None}
    for cell in nb.cells:
        if cell.cell_type == "code" and "interact(" not in cell.source:
            lines = [line for line in cell.source.splitlines()
                     if not line.startswith(("display(", "plt.show"))]
            exec("\n".join(lines), namespace)
    explore = next(c for c in nb.cells if "def explore" in c.source)
    exec(explore.source.split("\n\n\ninteract(")[0], namespace)
    shares, stages = namespace["explore"]()
    assert shares["客户数"].tolist() == [1, 4, 15, 80]        # 100 customers: ceil 1, 5, 20
    assert round(shares["营业收入比重(%)"].sum(), 9) == 100
    _, later = namespace["explore"](idle_days=240)
    assert later.get("衰退期", 0) < stages["衰退期"]
