import pandas as pd

from logicrm_edu import load_dataset
from logicrm_edu.tier_report import write_tier_report


def test_textbook_report_files_and_printout(tmp_path):
    lines = []
    paths = write_tier_report(load_dataset("changhai"), tmp_path, cuts=(80, 95), echo=lines.append)
    out = "\n".join(lines)
    assert "累计比重(%)" in out and "客户 10、12" in out  # the straddling tie is explained
    xlsx = pd.read_excel(paths["xlsx"], sheet_name=None)
    table = xlsx["表3-8"]
    assert table["客户"].tolist()[:5] == [4, 1, 2, 5, 3]
    assert table["累计比重(%)"].tolist()[3] == 79.5
    assert xlsx["分层汇总"]["客户数"].tolist() == [4, 6, 4]
    csv = pd.read_csv(paths["csv"], encoding="utf-8-sig")
    pd.testing.assert_frame_equal(csv, table, check_dtype=False)
    assert paths["csv"].read_bytes()[:3] == b"\xef\xbb\xbf"
    for key in ("pareto", "tiers"):
        assert paths[key].read_bytes()[:4] == b"\x89PNG"


def test_english_report_with_another_scheme(tmp_path):
    lines = []
    paths = write_tier_report(load_dataset("changhai", lang="en"), tmp_path, lang="en",
                              cuts=(70, 90), boundary="cross", echo=lines.append)
    table = pd.read_excel(paths["xlsx"], sheet_name="table 3-8")
    # cross, 70/90: 2 crosses 70 → A; 7 crosses 90 → B and 8 (tied with 7) joins it
    assert "".join(table["class"]) == "AAABBBBBCCCCCC"
    notes = [line for line in lines if line.startswith("Note")]
    assert len(notes) == 1 and "7、8" in notes[0]  # strict order would split them B/C


def test_backend_of_a_running_notebook_is_left_alone(tmp_path):
    # before: write_tier_report called matplotlib.use("Agg"), switching a notebook's backend
    import matplotlib
    import matplotlib.pyplot as plt

    before = matplotlib.get_backend()
    matplotlib.use("pdf")
    try:
        write_tier_report(load_dataset("changhai"), tmp_path, echo=lambda line: None)
        assert matplotlib.get_backend() == "pdf"
        assert plt.get_fignums() == []  # the charts leave no open pyplot figure behind
    finally:
        matplotlib.use(before)
    assert (tmp_path / "pareto_chart.png").read_bytes()[:4] == b"\x89PNG"


def test_fraction_cuts_said_in_the_report(tmp_path):
    lines = []
    paths = write_tier_report(load_dataset("changhai"), tmp_path, cuts=(0.8, 0.95),
                              echo=lines.append)
    assert lines[0] == "客户ABC分层（表 3-8，分界点 80/95）"
    assert "按比例理解为 80, 95" in lines[1]
    table = pd.read_excel(paths["xlsx"], sheet_name="表3-8")
    assert "".join(table["类别"]) == "AAAABBBBBBCCCC"


def test_nothing_written_for_a_wrong_scheme(tmp_path):
    from logicrm_edu import SchemeError
    import pytest

    with pytest.raises(SchemeError):
        write_tier_report(load_dataset("changhai"), tmp_path / "out", cuts=(95, 80))
    assert not (tmp_path / "out").exists()
