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
