import pandas as pd

from logicrm_edu import demo


def test_demo_writes_table_and_charts(tmp_path, capsys):
    paths = demo.run(tmp_path)
    out = capsys.readouterr().out
    assert "累计比重(%)" in out and "客户 10、12" in out
    xlsx = pd.read_excel(paths["xlsx"], sheet_name=None)
    table = xlsx["表3-8"]
    assert table["客户"].tolist()[:4] == [4, 1, 2, 5]
    assert table["累计比重(%)"].tolist()[3] == 79.5
    csv = pd.read_csv(paths["csv"], encoding="utf-8-sig")
    pd.testing.assert_frame_equal(csv, table, check_dtype=False)
    assert paths["csv"].read_bytes()[:3] == b"\xef\xbb\xbf"
    for key in ("pareto", "tiers"):
        assert paths[key].read_bytes()[:4] == b"\x89PNG"
