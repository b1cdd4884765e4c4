import pandas as pd
from click.testing import CliRunner

from logicrm_edu.cli import main


def test_tier_a_teachers_spreadsheet(tmp_path):
    source = tmp_path / "我的客户.xlsx"
    pd.DataFrame({"客户编号": ["K1", "K2", "K3", "K4"],
                  "营业收入（元）": [5_000_000, 3_000_000, 1_500_000, 500_000]}).to_excel(source, index=False)
    out = tmp_path / "report"
    result = CliRunner().invoke(main, ["tier", str(source), "--out", str(out), "--cuts", "50", "90"])
    assert result.exit_code == 0, result.output
    table = pd.read_excel(out / "table_3_8.xlsx", sheet_name="表3-8")
    # 元 → 万元: 500, 300, 150, 50 of 1000: cumulative 50, 80, 95, 100 → A, B, C, C
    assert table["营业收入"].tolist() == [500, 300, 150, 50]
    assert "".join(table["类别"]) == "ABCC"
    assert "pareto_chart.png" in result.output


def test_tier_bad_file_names_row_and_column(tmp_path):
    source = tmp_path / "bad.csv"
    source.write_text("客户,营业收入\n1,5\n2,abc\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["tier", str(source), "--out", str(tmp_path / "r")])
    assert result.exit_code == 1
    assert "第 3 行" in result.output and "营业收入" in result.output
    assert not (tmp_path / "r").exists()
