"""grading.answers: student answers as bounded JSON in the kernel, plain objects in the grader.

Expected trees are written out by hand from the textbook (tests/textbook.py) and the
format in the module docstring.
"""
import json
import math
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from logicrm_edu.grading import answers
from logicrm_edu.grading.answers import (MAX_BYTES, MAX_COLUMNS, MAX_ROWS, MAX_TEXT, Other,
                                         TooBig, Unreadable, describe, from_json, rebuild,
                                         roundtrip, to_json)
from textbook import TABLE_3_8

HEADINGS = ["营业收入（万元）", "占营业收入总额比重（%）", "累计营业收入（万元）",
            "累计占营业收入总额比重（%）"]
MALFORMED = Unreadable("JSON", "malformed")


def table_3_8() -> pd.DataFrame:
    """Textbook table 3-8 with its own headings, the customer as index."""
    return pd.DataFrame([row[1:] for row in TABLE_3_8], columns=HEADINGS,
                        index=pd.Index([row[0] for row in TABLE_3_8], name="客户"))


def through_json(value):
    """What the grader rebuilds from the text the kernel sends."""
    return rebuild(json.loads(json.dumps(describe(value))))


class Bad:
    """A student object whose __str__ raises."""

    def __str__(self):
        raise RuntimeError("no text")


# -- tables --------------------------------------------------------------------------

def test_textbook_table_as_data():
    tree = describe(table_3_8())
    assert tree["kind"] == "table" and tree["type"] == "DataFrame" and tree["rows"] == 14
    assert tree["index"] == {"levels": [{"name": "客户", "dtype": "int64", "values": [
        4, 1, 2, 5, 3, 6, 7, 8, 10, 12, 9, 14, 11, 13]}]}
    assert [c["name"] for c in tree["columns"]] == HEADINGS
    assert [c["position"] for c in tree["columns"]] == [0, 1, 2, 3]
    assert [c["dtype"] for c in tree["columns"]] == ["int64", "float64", "int64", "float64"]
    assert tree["columns"][0]["values"] == [740, 590, 140, 120, 100, 68, 50, 50, 40, 40, 20, 20,
                                            12, 10]
    assert tree["columns"][3]["values"][-1] == 100.0
    assert to_json(tree).isascii()


def test_textbook_table_round_trip_is_exact():
    table = table_3_8()
    for rebuilt in (roundtrip(table), through_json(table)):
        pd.testing.assert_frame_equal(rebuilt, table)
    assert roundtrip(table.reset_index()).index.equals(pd.RangeIndex(14))


def test_blanks_and_numbers_in_cells():
    frame = pd.DataFrame({
        "营业收入": [740.0, np.nan, 140.0],
        "备注": pd.Series(["大客户", None, pd.NA], dtype=object),
        "数量": pd.array([1, None, 3], dtype="Int64"),
        "x": [1.5, np.inf, -np.inf],
    })
    columns = {c["name"]: c["values"] for c in describe(frame)["columns"]}
    assert columns == {"营业收入": [740.0, None, 140.0], "备注": ["大客户", None, None],
                       "数量": [1, None, 3],
                       "x": [1.5, {"kind": "float", "value": "inf"},
                             {"kind": "float", "value": "-inf"}]}
    rebuilt = through_json(frame)
    assert rebuilt["营业收入"].dtype == np.float64 and math.isnan(rebuilt["营业收入"][1])
    assert rebuilt["备注"].dtype == object and rebuilt["备注"].tolist() == ["大客户", None, None]
    assert rebuilt["数量"].dtype == np.float64 and rebuilt["数量"][2] == 3.0
    assert rebuilt["x"].tolist() == [1.5, math.inf, -math.inf]


def test_other_cells_become_tagged_text():
    cells = [1, "2", 3.5, True, Decimal("2.5"), pd.Timestamp("2024-03-01"), [1, 2], Bad(),
             "长" * (MAX_TEXT + 1)]
    tree = describe(pd.DataFrame({"c": pd.Series(cells, dtype=object)}))
    assert tree["columns"][0]["values"] == [
        1, "2", 3.5, True, 2.5,
        {"kind": "text", "type": "Timestamp", "value": "2024-03-01 00:00:00", "length": 19},
        {"kind": "text", "type": "list", "value": "[1, 2]", "length": 6},
        {"kind": "other", "type": "Bad"},
        {"kind": "text", "type": "str", "value": "长" * MAX_TEXT, "length": MAX_TEXT + 1},
    ]
    rebuilt = through_json(pd.DataFrame({"c": pd.Series(cells, dtype=object)}))["c"].tolist()
    assert rebuilt[:5] == [1, "2", 3.5, True, 2.5]
    assert rebuilt[5:] == [Other("Timestamp", "2024-03-01 00:00:00"), Other("list", "[1, 2]"),
                           Other("Bad"), Other("str", "长" * MAX_TEXT + "…")]
    assert str(rebuilt[5]) == "2024-03-01 00:00:00" and str(rebuilt[7]) == "<Bad>"


def test_multiindex_columns_and_index():
    frame = pd.DataFrame([[740, 37.0], [590, 29.5]],
                         columns=pd.MultiIndex.from_tuples([("营业收入", "万元"), ("比重", "%")]),
                         index=pd.MultiIndex.from_tuples([("华东", 4), ("华北", 1)],
                                                         names=["区域", "客户"]))
    tree = describe(frame)
    assert [(c["name"], c["levels"]) for c in tree["columns"]] == [
        ("营业收入 万元", ["营业收入", "万元"]), ("比重 %", ["比重", "%"])]
    assert [(lv["name"], lv["values"]) for lv in tree["index"]["levels"]] == [
        ("区域", ["华东", "华北"]), ("客户", [4, 1])]
    rebuilt = through_json(frame)
    assert list(rebuilt.columns) == ["营业收入 万元", "比重 %"]
    assert list(rebuilt.index) == [("华东", 4), ("华北", 1)]
    assert list(rebuilt.index.names) == ["区域", "客户"]


def test_styler_series_and_subclass():
    table = table_3_8()
    tree = describe(table.style)
    assert tree["kind"] == "table" and tree["type"] == "Styler"
    pd.testing.assert_frame_equal(through_json(table.style), table)

    classes = pd.Series(["A", "A", "B"], index=pd.Index([4, 1, 2], name="客户"), name="类别",
                        dtype="category")
    tree = describe(classes)
    assert (tree["kind"], tree["name"], tree["dtype"], tree["values"]) == (
        "series", "类别", "category", ["A", "A", "B"])
    rebuilt = through_json(classes)
    assert rebuilt.name == "类别" and rebuilt.tolist() == ["A", "A", "B"]
    assert rebuilt.index.name == "客户" and rebuilt.index.tolist() == [4, 1, 2]

    class StudentFrame(pd.DataFrame):
        pass

    assert describe(StudentFrame(table))["type"] == "StudentFrame"
    assert type(through_json(StudentFrame(table))) is pd.DataFrame


# -- scalars, containers, arrays ------------------------------------------------------

def test_scalars():
    assert describe(None) == {"kind": "none"}
    assert describe(np.int64(14)) == {"kind": "int", "value": 14}
    assert type(roundtrip(np.int64(14))) is int
    assert describe(np.float32(0.5)) == {"kind": "float", "value": 0.5}
    assert describe(np.bool_(True)) == {"kind": "bool", "value": True}
    assert describe(np.uint64(2**64 - 1)) == {"kind": "float", "value": 18446744073709551615.0}
    assert describe(10**400) == {"kind": "float", "value": "inf"}
    assert describe(Decimal("2000.0")) == {"kind": "decimal", "value": "2000.0"}
    assert roundtrip(Decimal("2000.0")) == Decimal("2000.0")
    assert describe("A类") == {"kind": "text", "value": "A类"}
    assert describe(float("nan")) == {"kind": "float", "value": "nan"}
    assert to_json(describe(float("-inf"))) == '{"kind":"float","value":"-inf"}'
    assert math.isnan(roundtrip(float("nan")))


def test_containers_and_arrays():
    answer = {"客户数": 14, 4: "A", (1, 2): [None, 2.5]}
    assert roundtrip(answer) == answer
    assert roundtrip((14, 2000.0, 0)) == (14, 2000.0, 0)
    assert describe([1, "A"]) == {"kind": "list", "items": [{"kind": "int", "value": 1},
                                                             {"kind": "text", "value": "A"}]}
    assert describe(np.array([[1, 2], [3, 4]])) == {
        "kind": "array", "dtype": "int64", "shape": [2, 2], "values": [1, 2, 3, 4]}
    rebuilt = through_json(np.array([1.0, np.nan]))
    assert rebuilt.dtype == np.float64 and rebuilt[0] == 1.0 and math.isnan(rebuilt[1])
    np.testing.assert_array_equal(through_json(np.array([[1, 2], [3, 4]])), [[1, 2], [3, 4]])


def test_things_that_are_not_data():
    assert describe(len) == {"kind": "other", "type": "builtin_function_or_method"}
    assert roundtrip({1, 2}) == Other("set")
    assert roundtrip(Bad()) == Other("Bad")
    assert roundtrip(sys) == Other("module")


# -- limits ---------------------------------------------------------------------------

def test_too_big_is_said_not_cut():
    assert describe(pd.DataFrame({"a": np.zeros(MAX_ROWS + 1)})) == {
        "kind": "too_big", "type": "DataFrame", "limit": "rows", "size": 10_001, "max": 10_000}
    assert roundtrip(pd.DataFrame(np.zeros((1, MAX_COLUMNS + 1)))) == TooBig(
        "DataFrame", "columns", 201, 200)
    assert roundtrip(pd.Series(np.zeros(MAX_ROWS + 1))) == TooBig("Series", "rows", 10_001,
                                                                  10_000)
    assert roundtrip("x" * 1_001) == TooBig("str", "text", 1_001, 1_000)
    assert roundtrip(list(range(10_001))) == TooBig("list", "items", 10_001, 10_000)
    assert roundtrip(np.arange(10_001)) == TooBig("ndarray", "items", 10_001, 10_000)


def test_nesting_depth():
    six = [[[[[[1]]]]]]
    assert roundtrip(six) == six
    seven = [six]
    assert roundtrip(seven) == [[[[[[TooBig("list", "depth", 7, 6)]]]]]]


def test_total_size_stops_early():
    start = time.perf_counter()
    big = roundtrip(["汉" * 1_000] * 2_000)  # 2 000 × 6 000 bytes of \\u escapes
    assert isinstance(big, TooBig) and (big.type_name, big.limit, big.maximum) == (
        "list", "bytes", MAX_BYTES)
    assert big.size > MAX_BYTES
    assert time.perf_counter() - start < 5
    assert len(to_json(describe(["汉" * 1_000] * 1_000))) < MAX_BYTES  # 6 MB: still sent


# -- student objects that fight back -------------------------------------------------

def test_self_reference():
    loop = [1]
    loop.append(loop)
    assert describe(loop) == {"kind": "list", "items": [
        {"kind": "int", "value": 1}, {"kind": "unreadable", "type": "list", "reason": "cycle"}]}
    mapping = {"self": None}
    mapping["self"] = mapping
    assert roundtrip(mapping) == {"self": Unreadable("dict", "cycle")}
    shared = [1]
    assert roundtrip([shared, shared]) == [[1], [1]]


def test_hostile_objects_never_raise():
    class Sneaky(list):
        def __iter__(self):
            raise RuntimeError("no")

        def __len__(self):
            raise RuntimeError("no")

    class BrokenFrame(pd.DataFrame):
        @property
        def shape(self):
            raise RuntimeError("broken")

    class BadName(type):
        @property
        def __name__(cls):
            raise RuntimeError("no name")

    assert roundtrip(Sneaky([1, 2])) == [1, 2]  # read with list's own methods
    assert roundtrip(BrokenFrame({"a": [1]})) == Unreadable("BrokenFrame", "error")
    assert roundtrip([BrokenFrame({"a": [1]}), 3]) == [Unreadable("BrokenFrame", "error"), 3]
    assert roundtrip(BadName("Odd", (), {})()) == Other("Odd")


# -- the grader's side: hostile trees -------------------------------------------------

def _deep(levels: int) -> dict:
    node = {"kind": "none"}
    for _ in range(levels):
        node = {"kind": "list", "items": [node]}
    return node


def _table(**changes) -> dict:
    node = {"kind": "table", "type": "DataFrame", "rows": 2,
            "index": {"range": [0, 2, 1], "name": None},
            "columns": [{"name": "营业收入", "levels": None, "position": 0, "dtype": "int64",
                         "values": [740, 590]}]}
    return {**node, **changes}


@pytest.mark.parametrize("tree", [
    [], "x", 5, None, {"kind": "pickle", "data": "gASV"}, {"kind": "other"},
    {"kind": "none", "extra": 1}, {"kind": "int", "value": "14"}, {"kind": "int", "value": True},
    {"kind": "int", "value": 2**70}, {"kind": "bool", "value": 1},
    {"kind": "float", "value": float("nan")}, {"kind": "float", "value": "NaN"},
    {"kind": "text", "value": "x" * (MAX_TEXT + 1)}, {"kind": "decimal", "value": "abc"},
    {"kind": "unreadable", "type": "x", "reason": "because"},
    {"kind": "too_big", "type": "x", "limit": "patience", "size": 1, "max": 1},
    {"kind": "dict", "items": [[{"kind": "list", "items": []}, {"kind": "none"}]]},
    {"kind": "array", "dtype": "int64", "shape": [10**6, 10**6], "values": []},
    _deep(7), _table(rows=3), _table(rows=MAX_ROWS + 1),
    _table(index={"range": [0, 5, 1], "name": None}),
    _table(index={"range": [0, 2, 0], "name": None}),
    _table(columns=[{"name": "a", "levels": None, "position": 1, "dtype": "int64",
                     "values": [1, 2]}]),
    _table(columns=[{"name": "a", "levels": None, "position": 0, "dtype": "int64",
                     "values": [[1], 2]}]),
    _table(columns=[{"name": "a", "levels": None, "position": 0, "dtype": "int64",
                     "values": [{"kind": "list", "items": []}, 2]}]),
], ids=lambda tree: str(tree)[:40])
def test_malformed_trees(tree):
    assert rebuild(tree) == MALFORMED


def test_depth_is_bounded_and_valid_trees_pass():
    assert rebuild(_deep(6)) == [[[[[[None]]]]]]
    assert rebuild(_table()).equals(pd.DataFrame({"营业收入": [740, 590]}))


def test_shared_subtrees_cannot_multiply_work():
    node = {"kind": "none"}
    for _ in range(6):  # 10 000 ** 6 nodes if every reference were followed
        node = {"kind": "list", "items": [node] * 10_000}
    start = time.perf_counter()
    assert rebuild(node) == MALFORMED
    assert time.perf_counter() - start < 5


def test_json_text_limits():
    assert from_json(to_json(describe("A类")).encode()) == {"kind": "text", "value": "A类"}
    assert rebuild(from_json(b"\xff\xfe")) == MALFORMED
    assert rebuild(from_json(123)) == MALFORMED
    assert rebuild(from_json("[" * 100_000)) == MALFORMED
    assert rebuild(from_json("x" * (MAX_BYTES + 1))) == TooBig("JSON", "bytes", MAX_BYTES + 1,
                                                               MAX_BYTES)  # not parsed
    for text in ('{"kind":"float","value":NaN}', '{"kind":"float","value":Infinity}',
                 '{"kind":"float","value":1e400}', '{"kind":"int","value":' + "9" * 5000 + "}"):
        assert rebuild(from_json(text)) == MALFORMED, text


def test_describe_needs_neither_matplotlib_nor_the_package():
    """In a fresh kernel: only these modules, numpy and pandas are imported."""
    src = Path(answers.__file__).parents[2]
    code = (
        "import sys, types\n"
        "package = types.ModuleType('logicrm_edu')\n"
        f"package.__path__ = [{str(src / 'logicrm_edu')!r}]\n"
        "sys.modules['logicrm_edu'] = package\n"
        "from logicrm_edu.grading.answers import describe, to_json\n"
        "import pandas as pd\n"
        "to_json(describe({'t': pd.DataFrame({'客户': [4, 1]}), 'n': [14, 2000.0]}))\n"
        "print('matplotlib' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
