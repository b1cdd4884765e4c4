"""A student's answer as bounded JSON data, and plain objects rebuilt from that data.

:func:`describe` runs inside the student's kernel and never raises: whatever the
student's code made becomes a tree of tagged JSON nodes, within the limits
below (past a limit the node says "too big" instead of dropping data).
:func:`rebuild` runs in the trusted grader: it checks a JSON-decoded tree
strictly and returns plain objects — DataFrame, Series, ndarray, dict, list,
tuple, scalars, a :class:`~.chart_description.ChartDescription` — or a marker
(:class:`Other`, :class:`Unreadable`, :class:`TooBig`).  It never imports or
calls anything the data names.  :func:`roundtrip` is both, with JSON text in
between, so a self-check sees exactly what the grader sees.

The nodes, each a JSON object with a ``kind``::

    {"kind": "none"}                      {"kind": "bool", "value": true}
    {"kind": "int", "value": 14}          {"kind": "float", "value": 1.5 | "nan" | "inf" | "-inf"}
    {"kind": "text", "value": "A类"}      {"kind": "decimal", "value": "2000.0"}
    {"kind": "list" | "tuple", "items": [node, ...]}
    {"kind": "dict", "items": [[key node, value node], ...]}
    {"kind": "array", "dtype": "int64", "shape": [2, 3], "values": [cell, ...]}
    {"kind": "table", "type": "DataFrame", "rows": 14, "index": INDEX, "columns": [
        {"name": "营业收入", "levels": null, "position": 0, "dtype": "int64",
         "values": [cell, ...]}, ...]}
    {"kind": "series", "type": "Series", "name": cell, "dtype": "float64", "rows": 14,
     "index": INDEX, "values": [cell, ...]}
    {"kind": "chart", ...}                (see :mod:`.chart_description`)
    {"kind": "other", "type": "function"}
    {"kind": "unreadable", "type": "Foo", "reason": "error" | "cycle" | "malformed"}
    {"kind": "too_big", "type": "DataFrame", "limit": "rows", "size": 20000, "max": 10000}

INDEX is ``{"range": [start, stop, step], "name": cell}`` or ``{"levels": [{"name":
cell, "dtype": "int64", "values": [cell, ...]}, ...]}``.  Column names are text
(MultiIndex columns joined with spaces, their parts kept in ``levels``).  A cell
is null (None, NaN, NA, NaT), true/false, a number, a text of at most
:data:`MAX_TEXT` characters, or a node: ``{"kind": "float", "value": "inf"}``;
``{"kind": "text", "type": "Timestamp", "value": str(cell)[:MAX_TEXT], "length":
len(str(cell))}`` for any other value (and for a longer text); ``{"kind":
"other", "type": ...}`` when even its text cannot be had.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

import numpy as np
import pandas as pd

from .chart_description import (ChartDescription, Malformed, describe_chart, expect_count,
                                expect_list, expect_object, expect_text, float_from_json,
                                float_json, is_chart)

MAX_ROWS = 10_000
MAX_COLUMNS = 200
"""columns of a table, and levels of an index"""
MAX_TEXT = 1_000
"""characters of a text, a cell or a column name"""
MAX_DEPTH = 6
"""lists, tuples and dicts inside one another"""
MAX_ITEMS = 10_000
"""items of a list, tuple or dict, values of an array"""
MAX_BYTES = 8_000_000
"""of JSON text; :func:`to_json` writes ASCII only, so characters are bytes"""
LIMITS = ("rows", "columns", "text", "depth", "items", "bytes")
REASONS = ("error", "cycle", "malformed")
_MAX_NAME = 100  # characters of a type or dtype name, a decimal
_NODE_BYTES = len('{"kind":"none"}')  # the smallest node; a cell takes at least a byte
_INT64 = 2**63


@dataclass(frozen=True)
class NotReadable:
    """An answer, or part of one, that the grader gets no data for."""

    type_name: str
    """the type of the student's object (``"function"``, ``"DataFrame"``, ...)"""


@dataclass(frozen=True)
class Other(NotReadable):
    """A value that is not data the checks read: a function, a set, a date in a cell..."""

    text: str | None = None
    """in a table cell: what ``str()`` gave in the kernel (cut to MAX_TEXT, then "…")"""

    def __str__(self) -> str:
        return self.text if self.text is not None else f"<{self.type_name}>"


@dataclass(frozen=True)
class Unreadable(NotReadable):
    """Reading failed: the student's object raised or contains itself, or the data was
    not in the format."""

    reason: str
    """"error", "cycle" or "malformed" """


@dataclass(frozen=True)
class TooBig(NotReadable):
    """Over one of the limits; nothing of it was sent."""

    limit: str
    """which limit: see :data:`LIMITS`"""
    size: int
    """how big it is (for "bytes": at least this many)"""
    maximum: int


def to_json(tree: dict) -> str:
    """A described tree as compact ASCII JSON text."""
    return json.dumps(tree, ensure_ascii=True, allow_nan=False, separators=(",", ":"))


def from_json(text: str | bytes) -> Any:
    """The tree in JSON text; a ``too_big`` node for text over :data:`MAX_BYTES` (not
    parsed) and an ``unreadable`` node for text that is not JSON.  Never raises."""
    if not isinstance(text, (str, bytes, bytearray)):
        return _node_unreadable("JSON", "malformed")
    if len(text) > MAX_BYTES:
        return _node_too_big_named("JSON", "bytes", len(text), MAX_BYTES)
    try:
        return json.loads(text, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        return _node_unreadable("JSON", "malformed")


def _no_constant(name: str):
    raise ValueError(f"{name} is not allowed")  # NaN / Infinity are written as text


def roundtrip(value) -> Any:
    """``value`` as the grader will see it: described, sent as JSON, rebuilt.  What only a
    rebuild makes (a ChartDescription, a marker) is already that and comes back as it is."""
    if isinstance(value, (ChartDescription, NotReadable)):
        return value
    return rebuild(from_json(to_json(describe(value))))


# -- in the student's kernel --------------------------------------------------------

def describe(value) -> dict:
    """``value`` as a tree of JSON-able nodes, within the limits.  Never raises."""
    try:
        tree = _Describer().node(value, 0)
        size = len(to_json(tree))
    except _OverBudget as over:
        return _node_too_big(value, "bytes", over.spent, MAX_BYTES)
    except Exception:  # noqa: BLE001 - failure is data
        return _node_unreadable(_type_name(value), "error")
    if size > MAX_BYTES:
        return _node_too_big(value, "bytes", size, MAX_BYTES)
    return tree


class _OverBudget(Exception):
    def __init__(self, spent: int):
        super().__init__(spent)
        self.spent = spent


class _Describer:
    """One description: the bytes spent so far and the containers being described."""

    def __init__(self):
        self.spent = 0
        self.open: set[int] = set()

    def spend(self, size: int) -> None:
        """Stop before memory grows far past what could be sent."""
        self.spent += size
        if self.spent > MAX_BYTES:
            raise _OverBudget(self.spent)

    def node(self, value, depth: int) -> dict:
        try:
            return self._node(value, depth)
        except _OverBudget:
            raise
        except Exception:  # noqa: BLE001 - a student object whose methods raise
            return _node_unreadable(_type_name(value), "error")

    def _node(self, value, depth: int) -> dict:
        self.spend(32)
        if value is None:
            return {"kind": "none"}
        if isinstance(value, (bool, np.bool_)):
            return {"kind": "bool", "value": bool(value)}
        if isinstance(value, (int, np.integer)):
            return _number_node(int(value))
        if isinstance(value, (float, np.floating)):
            return {"kind": "float", "value": float_json(value)}
        if isinstance(value, str):
            if len(value) > MAX_TEXT:
                return _node_too_big(value, "text", len(value), MAX_TEXT)
            self.spend(6 * len(value))
            return {"kind": "text", "value": str(value)}
        if isinstance(value, Decimal):
            text = str(value)
            if len(text) > _MAX_NAME:
                return {"kind": "float", "value": float_json(value)}
            return {"kind": "decimal", "value": text}
        if isinstance(value, pd.DataFrame):
            return self.table(value, _type_name(value))
        if _is_styler(value):
            return self.table(value.data, "Styler")
        if isinstance(value, pd.Series):
            return self.series(value)
        if is_chart(value):
            chart = describe_chart(value)
            self.spend(len(to_json(chart)))
            return chart
        if isinstance(value, np.ndarray):
            return self.array(value)
        if isinstance(value, (dict, list, tuple)):
            return self.container(value, depth)
        return {"kind": "other", "type": _type_name(value)}

    def container(self, value, depth: int) -> dict:
        base = dict if isinstance(value, dict) else tuple if isinstance(value, tuple) else list
        size = base.__len__(value)  # the built-in's, not a subclass' override
        if size > MAX_ITEMS:
            return _node_too_big(value, "items", size, MAX_ITEMS)
        if depth >= MAX_DEPTH:
            return _node_too_big(value, "depth", depth + 1, MAX_DEPTH)
        if id(value) in self.open:
            return _node_unreadable(_type_name(value), "cycle")
        self.open.add(id(value))
        try:
            if base is dict:
                return {"kind": "dict", "items": [[self.node(k, depth + 1), self.node(v, depth + 1)]
                                                  for k, v in dict.items(value)]}
            return {"kind": base.__name__,
                    "items": [self.node(item, depth + 1) for item in base.__iter__(value)]}
        finally:
            self.open.discard(id(value))

    def table(self, frame: pd.DataFrame, type_name: str) -> dict:
        rows, width = frame.shape
        too_big = self._too_big_table(frame, type_name, rows, width)
        if too_big:
            return too_big
        multi = isinstance(frame.columns, pd.MultiIndex)
        columns = []
        for position in range(width):
            label = frame.columns[position]
            levels = [str(part) for part in label] if multi else None
            name = " ".join(levels).strip() if multi else str(label)
            longest = max([len(name)] + [len(part) for part in levels or ()])
            if longest > MAX_TEXT:
                return _node_too_big_named(type_name, "text", longest, MAX_TEXT)
            column = frame.iloc[:, position]
            columns.append({"name": name, "levels": levels, "position": position,
                            "dtype": _dtype_name(column.dtype), "values": self.cells(column)})
        return {"kind": "table", "type": type_name, "rows": rows, "index": self.index(frame.index),
                "columns": columns}

    def series(self, series: pd.Series) -> dict:
        type_name = _type_name(series)
        too_big = self._too_big_table(series, type_name, len(series), 1)
        if too_big:
            return too_big
        return {"kind": "series", "type": type_name, "name": _cell(series.name),
                "dtype": _dtype_name(series.dtype), "rows": len(series),
                "index": self.index(series.index), "values": self.cells(series)}

    @staticmethod
    def _too_big_table(table, type_name: str, rows: int, width: int) -> dict | None:
        if rows > MAX_ROWS:
            return _node_too_big_named(type_name, "rows", rows, MAX_ROWS)
        if max(width, table.index.nlevels) > MAX_COLUMNS:
            return _node_too_big_named(type_name, "columns", max(width, table.index.nlevels),
                                       MAX_COLUMNS)
        return None

    def index(self, index: pd.Index) -> dict:
        if isinstance(index, pd.RangeIndex):
            return {"range": [index.start, index.stop, index.step], "name": _cell(index.name)}
        levels = ([index.get_level_values(i) for i in range(index.nlevels)]
                  if isinstance(index, pd.MultiIndex) else [index])
        return {"levels": [{"name": _cell(level.name), "dtype": _dtype_name(level.dtype),
                            "values": self.cells(level)} for level in levels]}

    def array(self, array: np.ndarray) -> dict:
        if array.size > MAX_ITEMS:
            return _node_too_big(array, "items", array.size, MAX_ITEMS)
        if array.ndim > MAX_DEPTH:
            return _node_too_big(array, "depth", array.ndim, MAX_DEPTH)
        return {"kind": "array", "dtype": _dtype_name(array.dtype), "shape": list(array.shape),
                "values": self.cells(array.ravel())}

    def cells(self, values) -> list:
        """The cells of a column, an index level or a flat array, numbers kept numbers."""
        if isinstance(values, np.ndarray):
            array = values
        elif isinstance(values.dtype, np.dtype) and values.dtype.kind in "biuf":
            array = values.to_numpy()
        else:
            array = None
        if array is not None and array.dtype.kind in "biuf":
            out = _numeric_cells(array)
        else:  # pandas gives Python objects (Timestamps, NA); numpy its own scalars
            out = [_cell(x) for x in (values.tolist() if array is None else array)]
        self.spend(len(to_json(out)))
        return out


def _numeric_cells(array: np.ndarray) -> list:
    if array.dtype.kind in "bi":
        return array.tolist()
    if array.dtype.kind == "u":  # uint64 may be past what an int node holds
        return [_cell(x) for x in array.tolist()]
    floats = array.astype(np.float64)
    out = floats.tolist()
    for i in np.flatnonzero(~np.isfinite(floats)):
        out[i] = _cell(out[i])
    return out


def _cell(x):
    """One cell as JSON (see the module docstring)."""
    if x is None or x is pd.NA or x is pd.NaT:
        return None
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        number = _number_node(int(x))
        return number["value"] if number["kind"] == "int" else _float_cell(number["value"])
    if isinstance(x, (float, np.floating, Decimal)):
        return _float_cell(float_json(x))
    if isinstance(x, str) and len(x) <= MAX_TEXT:
        return str(x)
    try:
        text = x if isinstance(x, str) else str(x)
        if not isinstance(text, str):
            raise TypeError("__str__ returned a non-string")
    except Exception:  # noqa: BLE001 - a student object whose __str__ raises
        return {"kind": "other", "type": _type_name(x)}
    return {"kind": "text", "type": _type_name(x), "value": str(text[:MAX_TEXT]),
            "length": len(text)}


def _float_cell(value):
    if value == "nan":
        return None
    return {"kind": "float", "value": value} if isinstance(value, str) else value


def _number_node(x: int) -> dict:
    """An int node, or a float node for ints past 64 bits (JSON readers cap integers)."""
    if -_INT64 <= x < _INT64:
        return {"kind": "int", "value": x}
    try:
        return {"kind": "float", "value": float_json(float(x))}
    except OverflowError:
        return {"kind": "float", "value": "inf" if x > 0 else "-inf"}


def _is_styler(value) -> bool:
    """A pandas Styler (checked by name: importing its module needs jinja2)."""
    return (_type_name(value) == "Styler" and type(value).__module__.startswith("pandas")
            and isinstance(getattr(value, "data", None), pd.DataFrame))


def _type_name(value) -> str:
    """The name of the value's type, read past any metaclass property of the student's."""
    return _NAME_OF_TYPE.__get__(type(value))[:_MAX_NAME]


_NAME_OF_TYPE = type.__dict__["__name__"]


def _dtype_name(dtype) -> str:
    return str(dtype)[:_MAX_NAME]


def _node_too_big(value, limit: str, size: int, maximum: int) -> dict:
    return _node_too_big_named(_type_name(value), limit, size, maximum)


def _node_too_big_named(type_name: str, limit: str, size: int, maximum: int) -> dict:
    return {"kind": "too_big", "type": type_name, "limit": limit, "size": int(size),
            "max": maximum}


def _node_unreadable(type_name: str, reason: str) -> dict:
    return {"kind": "unreadable", "type": type_name, "reason": reason}


# -- in the grader -------------------------------------------------------------------

def rebuild(tree) -> Any:
    """Plain objects from a JSON-decoded tree; :class:`Unreadable` ("malformed") for a
    tree that is not in the format in every detail.  Never raises."""
    try:
        return _Builder().node(tree, 0)
    except Exception:  # noqa: BLE001 - a hostile tree must not crash the grader
        return Unreadable("JSON", "malformed")


class _Builder:
    """One rebuild, with a bound on the work a tree can ask for: no more nodes and cells
    than MAX_BYTES of JSON can hold (a tree that was never JSON could share sub-trees)."""

    def __init__(self):
        self.left = MAX_BYTES

    def spend(self, units: int) -> None:
        self.left -= units
        if self.left < 0:
            raise Malformed("more data than a description holds")

    def node(self, node, depth: int):
        if depth > MAX_DEPTH:
            raise Malformed("nested too deeply")
        kind = node.get("kind") if type(node) is dict else None
        build = _BUILDERS.get(kind) if type(kind) is str else None
        if build is None:
            raise Malformed("not a node")
        self.spend(_NODE_BYTES)
        return build(self, node, depth)

    def none(self, node, depth):
        expect_object(node, {"kind"})
        return None

    def boolean(self, node, depth):
        expect_object(node, {"kind", "value"})
        if type(node["value"]) is not bool:
            raise Malformed("bool node without true/false")
        return node["value"]

    def integer(self, node, depth):
        expect_object(node, {"kind", "value"})
        return _int(node["value"])

    def real(self, node, depth):
        expect_object(node, {"kind", "value"})
        return float_from_json(node["value"])

    def text(self, node, depth):
        if node.keys() == {"kind", "value"}:
            return expect_text(node["value"], MAX_TEXT)
        expect_object(node, {"kind", "type", "value", "length"})
        text, length = expect_text(node["value"], MAX_TEXT), node["length"]
        if type(length) is not int or length < len(text) or (
                length > len(text) != MAX_TEXT):
            raise Malformed("text length does not fit its text")
        return Other(_name(node["type"]), text + ("…" if length > len(text) else ""))

    def decimal(self, node, depth):
        expect_object(node, {"kind", "value"})
        try:
            return Decimal(expect_text(node["value"], _MAX_NAME))
        except InvalidOperation:
            raise Malformed("not a decimal number") from None

    def sequence(self, node, depth):
        expect_object(node, {"kind", "items"})
        items = [self.node(item, depth + 1) for item in expect_list(node["items"], MAX_ITEMS)]
        return tuple(items) if node["kind"] == "tuple" else items

    def mapping(self, node, depth):
        expect_object(node, {"kind", "items"})
        out = {}
        for pair in expect_list(node["items"], MAX_ITEMS):
            key, value = expect_list(pair, 2, exactly=2)
            key = self.node(key, depth + 1)
            hash(key)  # TypeError for a list or table as a key: malformed
            out[key] = self.node(value, depth + 1)
        return out

    def array(self, node, depth):
        expect_object(node, {"kind", "dtype", "shape", "values"})
        dtype = _name(node["dtype"])
        shape = [expect_count(n, MAX_ITEMS) for n in expect_list(node["shape"], MAX_DEPTH)]
        if math.prod(shape) > MAX_ITEMS:
            raise Malformed("more values than an array holds")
        cells = self.cells(node["values"], math.prod(shape))
        return _column(cells, dtype).reshape(shape)

    def table(self, node, depth):
        expect_object(node, {"kind", "type", "rows", "index", "columns"})
        _name(node["type"])
        rows = expect_count(node["rows"], MAX_ROWS)
        index = self.index(node["index"], rows)
        names, data = [], {}
        for position, column in enumerate(expect_list(node["columns"], MAX_COLUMNS)):
            expect_object(column, {"name", "levels", "position", "dtype", "values"})
            names.append(expect_text(column["name"], MAX_TEXT))
            if column["levels"] is not None:
                for part in expect_list(column["levels"], MAX_COLUMNS):
                    expect_text(part, MAX_TEXT)
            if type(column["position"]) is not int or column["position"] != position:
                raise Malformed("columns out of order")
            values = _column(self.cells(column["values"], rows), _name(column["dtype"]))
            data[position] = pd.Series(values, index=index, dtype=values.dtype, copy=False)
        frame = pd.DataFrame(data, index=index)
        frame.columns = names
        return frame

    def series(self, node, depth):
        expect_object(node, {"kind", "type", "name", "dtype", "rows", "index", "values"})
        _name(node["type"])
        rows = expect_count(node["rows"], MAX_ROWS)
        values = _column(self.cells(node["values"], rows), _name(node["dtype"]))
        return pd.Series(values, index=self.index(node["index"], rows), dtype=values.dtype,
                         name=self.cell(node["name"]))

    def index(self, node, rows: int) -> pd.Index:
        if type(node) is dict and node.keys() == {"range", "name"}:
            start, stop, step = (_int(v) for v in expect_list(node["range"], 3, exactly=3))
            if step == 0 or len(range(start, stop, step)) != rows:
                raise Malformed("range index does not fit the rows")
            return pd.RangeIndex(start, stop, step, name=self.cell(node["name"]))
        expect_object(node, {"levels"})
        levels = []
        for level in expect_list(node["levels"], MAX_COLUMNS):
            expect_object(level, {"name", "dtype", "values"})
            values = _column(self.cells(level["values"], rows), _name(level["dtype"]))
            levels.append(pd.Index(values, dtype=values.dtype, name=self.cell(level["name"])))
        if len(levels) == 1:
            return levels[0]
        if not levels:
            raise Malformed("an index needs a level")
        return pd.MultiIndex.from_arrays(levels)

    def chart(self, node, depth):
        return ChartDescription.from_dict(node)

    def other(self, node, depth):
        expect_object(node, {"kind", "type"})
        return Other(_name(node["type"]))

    def unreadable(self, node, depth):
        expect_object(node, {"kind", "type", "reason"})
        if node["reason"] not in REASONS:
            raise Malformed("unknown reason")
        return Unreadable(_name(node["type"]), node["reason"])

    def too_big(self, node, depth):
        expect_object(node, {"kind", "type", "limit", "size", "max"})
        if node["limit"] not in LIMITS:
            raise Malformed("unknown limit")
        return TooBig(_name(node["type"]), node["limit"], expect_count(node["size"], _INT64),
                      expect_count(node["max"], _INT64))

    def cells(self, values, count: int) -> list:
        expect_list(values, count, exactly=count)
        self.spend(count)
        return [self.cell(v) for v in values]

    def cell(self, value):
        kind = type(value)
        if value is None or kind is bool:
            return value
        if kind is int:
            return _int(value)
        if kind is float:
            return float_from_json(value)
        if kind is str:
            return expect_text(value, MAX_TEXT)
        if kind is dict and value.get("kind") in ("float", "text", "other"):
            return self.node(value, MAX_DEPTH)
        raise Malformed("not a cell")


_BUILDERS = {
    "none": _Builder.none, "bool": _Builder.boolean, "int": _Builder.integer,
    "float": _Builder.real, "text": _Builder.text, "decimal": _Builder.decimal,
    "list": _Builder.sequence, "tuple": _Builder.sequence, "dict": _Builder.mapping,
    "array": _Builder.array, "table": _Builder.table, "series": _Builder.series,
    "chart": _Builder.chart, "other": _Builder.other, "unreadable": _Builder.unreadable,
    "too_big": _Builder.too_big,
}


def _column(cells: list, dtype: str) -> np.ndarray:
    """Cells as an array: bool, int64 or float64 (blanks → NaN) when every cell is such a
    number, else object (blanks → None); a blank column keeps its numeric dtype."""
    kinds = {type(c) for c in cells}
    filled = kinds - {type(None)}
    if not filled and dtype.lower().startswith(("float", "int", "uint")):
        if not cells and dtype.lower().startswith(("int", "uint")):
            return np.empty(0, dtype=np.int64)
        return np.full(len(cells), np.nan)
    if kinds == {bool}:
        return np.array(cells, dtype=bool)
    if kinds == {int}:
        return np.array(cells, dtype=np.int64)
    if filled and filled <= {int, float}:
        return np.array([np.nan if c is None else c for c in cells], dtype=np.float64)
    out = np.empty(len(cells), dtype=object)
    out[:] = cells
    return out


def _name(value) -> str:
    """A type or dtype name."""
    return expect_text(value, _MAX_NAME)


def _int(value) -> int:
    if type(value) is not int or not -_INT64 <= value < _INT64:
        raise Malformed("expected a 64-bit integer")
    return value
