"""The customer-selection lesson notebook runs headless, renders Chinese, and its weight
explorer changes the ranking (checked on the plain function the sliders call)."""
from lessons import run_lesson, widgets


def test_lesson_runs_renders_chinese_and_weights_change_the_ranking(tmp_path):
    _, outputs = run_lesson("customer_selection_lesson", tmp_path)
    assert widgets(outputs), "the weight explorer is displayed"
    printed = "".join(o.get("text", "") for o in outputs if o.get("name") == "stdout")
    # by parcels alone the order is the parcel column's: P01 5200, P12 4900, P10 = P11 2200
    assert "只看件量： ['P01', 'P12', 'P10', 'P11'," in printed
    # with credit at 35 % the 差-rated P12 (second by volume) leaves the top 8
    near = next(line for line in printed.splitlines() if line.startswith("重视距离和信用"))
    assert "P12" not in near
