import pandas as pd
import pytest
from click.testing import CliRunner
from openpyxl import Workbook

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


def _teacher_file(path, *, total=True):
    book = Workbook()
    ws = book.active
    ws.title = "2025年"
    ws.append(["2024级物流1班 客户数据"])
    ws.merge_cells("A1:B1")
    ws.append(["客户", "营业收入"])
    for row in ([1, 500], [2, 300], [3, 150], [4, 50]):
        ws.append(row)
    if total:
        ws.append(["合计", 1000])
    book.create_sheet("说明")
    book.save(path)
    return path


def test_total_row_left_out_and_said(tmp_path):
    # before: 合计 became customer #1 (class A) and every share was halved
    out = tmp_path / "r"
    result = CliRunner().invoke(main, ["tier", str(_teacher_file(tmp_path / "a.xlsx")),
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert "a.xlsx" in first and "2025年" in first and "第 7 行" in first and "合计" in first
    table = pd.read_excel(out / "table_3_8.xlsx", sheet_name="表3-8")
    assert table["客户"].tolist() == [1, 2, 3, 4]
    assert table["比重(%)"].tolist() == [50, 30, 15, 5]


@pytest.mark.parametrize("sheet", ["2025年", "1"])  # a number counts the tabs from 1
def test_sheet_by_name_or_number(tmp_path, sheet):
    result = CliRunner().invoke(main, ["tier", str(_teacher_file(tmp_path / "a.xlsx", total=False)),
                                       "--sheet", sheet, "--out", str(tmp_path / "r")])
    assert result.exit_code == 0, result.output


def test_fraction_cuts(tmp_path):
    # before: --cuts 0.8 0.95 put every customer in class C
    out = tmp_path / "r"
    result = CliRunner().invoke(main, ["tier", str(_teacher_file(tmp_path / "a.xlsx", total=False)),
                                       "--cuts", "0.8", "0.95", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "分界点 80/95" in result.output and "按比例理解为 80, 95" in result.output
    table = pd.read_excel(out / "table_3_8.xlsx", sheet_name="表3-8")
    # cumulative 50, 80, 95, 100 → A, A, B, C
    assert "".join(table["类别"]) == "AABC"


@pytest.mark.parametrize("cuts,words", [(["95", "80"], "从小到大"), (["80", "120"], "不超过 100"),
                                        (["0.95", "0.8"], "从小到大")])
def test_wrong_cuts_are_one_message(tmp_path, cuts, words):
    out = tmp_path / "r"
    result = CliRunner().invoke(main, ["tier", str(_teacher_file(tmp_path / "a.xlsx")),
                                       "--cuts", *cuts, "--out", str(out)])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)  # no traceback
    assert "Traceback" not in result.output and words in result.output
    assert not out.exists()


@pytest.mark.parametrize("cuts,quoted,words", [(["0.8", "95"], "0.8, 95", "混用"),
                                               (["1", "0.5"], "1, 0.5", "从小到大")])
def test_cuts_are_quoted_as_typed(tmp_path, cuts, quoted, words):
    # before: 0.8 95 left class A empty without a word; 1 0.5 was reported as [100, 50]
    out = tmp_path / "r"
    result = CliRunner().invoke(main, ["tier", str(_teacher_file(tmp_path / "a.xlsx")),
                                       "--cuts", *cuts, "--out", str(out)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert quoted in result.output and words in result.output and "100" not in result.output
    assert not out.exists()


def test_pdf_renamed_to_xlsx(tmp_path):
    source = tmp_path / "客户.xlsx"
    source.write_bytes(b"%PDF-1.4 ...")
    result = CliRunner().invoke(main, ["tier", str(source), "--out", str(tmp_path / "r")])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert "PDF" in result.output and "客户.xlsx" in result.output
