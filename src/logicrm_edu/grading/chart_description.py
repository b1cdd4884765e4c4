"""A matplotlib chart as data: what a grader needs to judge it, without the live objects.

In the student's kernel, :func:`describe_chart` reads the root figure of an Axes,
Figure, SubFigure, BarContainer or list/array of Axes into a JSON-able ``chart``
node.  In the grader, :meth:`ChartDescription.from_dict` checks such a node and
turns it into the frozen dataclasses below, or raises :class:`Malformed`.
matplotlib is imported only when a chart is described (a fresh kernel stays
light) and never for a description.

Read for every visible Axes of the root figure, in ``figure.axes`` order (twins
made by ``twinx``/``twiny`` included), then for their visible child axes
(``secondary_xaxis``/``secondary_yaxis``, insets): titles, axis labels, limits,
scales; bars (those of BarContainers, then loose Rectangle patches); lines, with
whether they are drawn in data or axes coordinates (``axhline``); the major
ticks within the axis limits, with the text shown; the major formatter's text for
:data:`FORMAT_SAMPLES`; visible texts and annotations; the legend; and, for a
secondary axis, its forward conversion sampled over the parent's limits.

Caps: :data:`MAX_AXES` axes, :data:`MAX_BARS` bars, :data:`MAX_LINES` lines,
:data:`MAX_CHART_POINTS` line points in all (shortest lines first; a line over
:data:`MAX_POINTS` points or the rest of that budget keeps everything but its
data), :data:`MAX_TEXTS` texts, :data:`MAX_TICKS` ticks per axis,
:data:`MAX_LEGENDS` figure legends, :data:`MAX_LEGEND_ENTRIES` entries per
legend, :data:`MAX_CHARS` characters per text.  Whatever a cap leaves out, and
every part that raised while read (a student's tick formatter), is counted in
``omitted``, so a check can tell.
"""
from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from typing import Mapping

import numpy as np

MAX_AXES = 20
MAX_BARS = 10_000
"""a bar per customer of the largest table the grader reads (``answers.MAX_ROWS``)"""
MAX_LINES = 200
MAX_POINTS = 10_001
"""a point per customer of the largest table, and the origin"""
MAX_CHART_POINTS = 100_000
MAX_TEXTS = 2_000
MAX_TICKS = 10_000
MAX_LEGENDS = 20
MAX_LEGEND_ENTRIES = 100
MAX_CHARS = 200
FORMAT_SAMPLES = (0.0, 0.5, 0.8, 1.0, 50.0, 80.0, 100.0)
"""values each axis formatter writes out (``PercentFormatter(1)``: 0.8 → "80%")"""
CONVERSION_SAMPLES = 11

ROLES = ("axes", "secondary_x", "secondary_y", "inset")
"""an Axes of the figure, or a child axes of one"""
COORDINATES = ("data", "axes", "figure", "offset", "other")
OMITTED = ("axes", "bars", "lines", "points", "texts", "ticks", "legends", "legend_entries",
           "chars", "errors")
"""what ``omitted`` counts: left out by a cap, ``points``: lines kept without their
data, ``chars``: texts cut to MAX_CHARS, ``errors``: parts that raised while read"""

_COUNT_MAX = 2**53


class Malformed(ValueError):
    """Data that does not follow the description format (the grader's side)."""


# -- JSON values, written in the kernel and checked in the grader (also by .answers) --

def float_json(x) -> float | str:
    """A number as JSON: a float when finite, else "nan", "inf" or "-inf"."""
    try:
        x = float(x)
    except (TypeError, ValueError, OverflowError):
        return "nan"
    if math.isfinite(x):
        return x
    return "nan" if math.isnan(x) else ("inf" if x > 0 else "-inf")


def float_from_json(value) -> float:
    """The number :func:`float_json` wrote; :class:`Malformed` for anything else."""
    if type(value) is float and math.isfinite(value):
        return value
    if type(value) is int:
        try:
            return float(value)
        except OverflowError:
            raise Malformed("number out of range") from None
    if type(value) is str and value in ("nan", "inf", "-inf"):
        return float(value)
    raise Malformed(f"not a number: {type(value).__name__}")


def expect_object(node, keys) -> dict:
    """``node`` when it is a JSON object with exactly ``keys``, else :class:`Malformed`."""
    if type(node) is not dict or node.keys() != keys:
        raise Malformed(f"expected an object with the keys {sorted(keys)}")
    return node


def expect_list(node, cap: int, *, exactly: int | None = None) -> list:
    if type(node) is not list or len(node) > cap or (exactly is not None and len(node) != exactly):
        raise Malformed(f"expected a list of at most {cap} items")
    return node


def expect_text(value, cap: int = MAX_CHARS, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if type(value) is not str or len(value) > cap:
        raise Malformed(f"expected a text of at most {cap} characters")
    return value


def expect_count(value, cap: int) -> int:
    if type(value) is not int or not 0 <= value <= cap:
        raise Malformed(f"expected a whole number from 0 to {cap}")
    return value


# -- in the student's kernel --------------------------------------------------------

def is_chart(obj) -> bool:
    """Whether :func:`describe_chart` reads ``obj`` (never, when matplotlib is not loaded)."""
    return "matplotlib" in sys.modules and _figure_of(obj) is not None


def describe_chart(obj) -> dict:
    """The ``chart`` node of an Axes, Figure, SubFigure, BarContainer or list/array of
    Axes: its whole root figure as JSON-able data (TypeError for anything else)."""
    figure = _figure_of(obj) if "matplotlib" in sys.modules else None
    if figure is None:
        raise TypeError(f"not a matplotlib chart: {type(obj).__name__}")
    return _ChartReader(figure).chart(type(obj).__name__)


def _figure_of(obj):
    from matplotlib.axes import Axes
    from matplotlib.container import BarContainer
    from matplotlib.figure import Figure, SubFigure

    if isinstance(obj, Axes):
        figure = obj.figure
    elif isinstance(obj, (Figure, SubFigure)):
        figure = obj
    elif isinstance(obj, BarContainer) and obj.patches and obj.patches[0].axes is not None:
        figure = obj.patches[0].axes.figure
    elif _is_sequence(obj):
        axes = _first_axes(obj, Axes, depth=2)
        figure = axes.figure if axes is not None else None
    else:
        return None
    while isinstance(figure, SubFigure):
        figure = figure.figure if figure.figure is not figure else figure._parent
    return figure


def _is_sequence(obj) -> bool:
    return isinstance(obj, (list, tuple)) or (isinstance(obj, np.ndarray) and obj.dtype == object)


def _first_axes(items, axes_type, depth: int):
    """The first Axes in a list, a tuple such as (fig, ax), or a grid of subplots."""
    if isinstance(items, np.ndarray):
        items = items.ravel()
    else:  # the built-in iterator: a student's list subclass may override __iter__
        items = list.__iter__(items) if isinstance(items, list) else tuple.__iter__(items)
    for item in items:
        if isinstance(item, axes_type):
            return item
        if depth > 1 and _is_sequence(item):
            found = _first_axes(item, axes_type, depth - 1)
            if found is not None:
                return found
    return None


class _ChartReader:
    """Reads one figure into data, counting what the caps leave out."""

    def __init__(self, figure):
        self.figure = figure
        self.omitted = dict.fromkeys(OMITTED, 0)
        self.bars_left = MAX_BARS
        self.texts_left = MAX_TEXTS
        shown = [ax for ax in figure.axes if ax.get_visible()]
        every = [(None, ax) for ax in shown] + [
            (i, child) for i, ax in enumerate(shown) for child in ax.child_axes
            if child.get_visible()]
        self.parents = [parent for parent, _ in every[:MAX_AXES]]
        self.kept = [ax for _, ax in every[:MAX_AXES]]
        self.omitted["axes"] = len(every) - len(self.kept)
        self.xy, self.with_data = self._plan_lines()

    def chart(self, source: str) -> dict:
        legends = [lg for lg in self.figure.legends if lg.get_visible()]
        self.omitted["legends"] = max(0, len(legends) - MAX_LEGENDS)
        return {
            "kind": "chart", "type": self.text(source),
            "suptitle": self.text(self.figure.get_suptitle()),
            "supxlabel": self.text(self.figure.get_supxlabel()),
            "supylabel": self.text(self.figure.get_supylabel()),
            "axes": [self.axes(ax, parent) for parent, ax in zip(self.parents, self.kept)],
            "legends": [self.legend(lg) for lg in legends[:MAX_LEGENDS]],
            "omitted": self.omitted,
        }

    def _plan_lines(self) -> tuple[dict, set]:
        """The data of the lines kept, and which keep it: shortest first, within the caps."""
        lines = [line for ax in self.kept for line in ax.get_lines()]
        self.omitted["lines"] = max(0, len(lines) - MAX_LINES)
        xy = {id(line): self._xydata(line) for line in lines[:MAX_LINES]}
        with_data = set()
        budget = MAX_CHART_POINTS
        for key, points in sorted(xy.items(), key=lambda item: len(item[1])):
            if len(points) <= min(MAX_POINTS, budget):
                with_data.add(key)
                budget -= len(points)
            else:
                self.omitted["points"] += 1
        return xy, with_data

    def _xydata(self, line) -> np.ndarray:
        try:
            xy = np.asarray(line.get_xydata(), dtype=np.float64)
            if xy.ndim == 2 and xy.shape[1] == 2:
                return xy
        except Exception:  # noqa: BLE001 - data the student gave that is not numbers
            pass
        self.omitted["errors"] += 1
        return np.empty((0, 2))

    def axes(self, ax, parent: int | None) -> dict:
        role = _role(ax, parent)
        secondary = role.startswith("secondary")
        conversion = self.conversion(ax, self.kept[parent], role) if secondary else []
        twins = _twins(ax)
        xticks, xformat = self.axis(ax.xaxis)
        yticks, yformat = self.axis(ax.yaxis)
        return {
            "role": role, "parent": parent,
            "twins": sorted(i for i, other in enumerate(self.kept)
                            if other is not ax and any(other is t for t in twins)),
            "title": self.text(_title(ax, "center")),
            "title_left": self.text(_title(ax, "left")),
            "title_right": self.text(_title(ax, "right")),
            "xlabel": self.text(ax.get_xlabel()), "ylabel": self.text(ax.get_ylabel()),
            "xlim": [float_json(v) for v in ax.get_xlim()],
            "ylim": [float_json(v) for v in ax.get_ylim()],
            "xscale": self.text(ax.get_xscale()), "yscale": self.text(ax.get_yscale()),
            "bars": self.bars(ax),
            "lines": [self.line(line, ax) for line in ax.get_lines() if id(line) in self.xy],
            "xticks": xticks, "yticks": yticks, "xformat": xformat, "yformat": yformat,
            "texts": self.texts(ax),
            "legend": self.legend(ax.get_legend()),
            "conversion": conversion,
        }

    def conversion(self, ax, parent, role: str) -> list:
        """(parent value, value) pairs of a secondary axis over the parent's limits."""
        try:
            ax.apply_aspect()  # sets its limits from the parent's, as drawing would
            low, high = parent.get_ylim() if role == "secondary_y" else parent.get_xlim()
            values = np.linspace(low, high, CONVERSION_SAMPLES)
            converted = np.asarray(ax._functions[0](values), dtype=np.float64).reshape(-1)
            if len(converted) != len(values):
                raise ValueError("conversion changed the number of values")
        except Exception:  # noqa: BLE001 - the student's conversion function
            self.omitted["errors"] += 1
            return []
        return [[float_json(v), float_json(w)] for v, w in zip(values, converted)]

    def axis(self, axis) -> tuple[list, list]:
        """The major ticks within the axis limits as [position, text shown], and the
        formatter's samples."""
        try:
            locs = np.asarray(axis.get_majorticklocs(), dtype=np.float64).reshape(-1)
            formatter = axis.get_major_formatter()
            texts = formatter.format_ticks(locs)  # all of them, as drawing does
            first = axis.get_major_ticks(1)
            shown = bool(first) and (first[0].label1.get_visible()
                                     or first[0].label2.get_visible())
            low, high = sorted(axis.get_view_interval())
        except Exception:  # noqa: BLE001 - a student's formatter or locator
            self.omitted["errors"] += 1
            return [], []
        slack = 1e-9 * max(1.0, high - low)
        in_view = [(loc, text) for loc, text in zip(locs, texts)
                   if low - slack <= loc <= high + slack]
        self.omitted["ticks"] += max(0, len(in_view) - MAX_TICKS)
        ticks = [[float_json(loc), self.text(text) if shown else ""]
                 for loc, text in in_view[:MAX_TICKS]]
        samples = []
        for value in FORMAT_SAMPLES:
            try:
                samples.append([value, self.text(formatter(value))])
            except Exception:  # noqa: BLE001 - a student's formatter
                samples.append([value, None])
        return ticks, samples

    def bars(self, ax) -> list:
        out = []
        for patch, container, label, orientation in _rectangles(ax):
            if self.bars_left == 0:
                self.omitted["bars"] += 1
                continue
            self.bars_left -= 1
            out.append({
                "x": float_json(patch.get_x()), "width": float_json(patch.get_width()),
                "bottom": float_json(patch.get_y()), "height": float_json(patch.get_height()),
                "orientation": orientation, "color": _hex(patch.get_facecolor()),
                "container": container,
                "label": None if label is None else self.text(label),
                "visible": bool(patch.get_visible()),
            })
        return out

    def line(self, line, ax) -> dict:
        xy = self.xy[id(line)]
        x_coords, y_coords = _coordinates(line.get_transform(), ax)
        data = id(line) in self.with_data
        marker = line.get_marker()
        return {
            "x": _floats(xy[:, 0]) if data else [], "y": _floats(xy[:, 1]) if data else [],
            "points": len(xy), "x_coords": x_coords, "y_coords": y_coords,
            "color": _hex(line.get_color()), "label": self.text(line.get_label()),
            "marker": self.text(marker) if isinstance(marker, str) else "other",
            "linestyle": self.text(line.get_linestyle()),
            "visible": bool(line.get_visible()),
        }

    def texts(self, ax) -> list:
        from matplotlib.text import Annotation

        out = []
        for text in ax.texts:
            if not text.get_visible() or not text.get_text().strip():
                continue
            if self.texts_left == 0:
                self.omitted["texts"] += 1
                continue
            self.texts_left -= 1
            if isinstance(text, Annotation):
                xy, coords = text.xyann, _named_coordinates(text.anncoords)
                point_coords = _named_coordinates(text.xycoords)
                point = _position(text, text.xy, point_coords)
            else:
                xy, coords = text.get_position(), _coordinates(text.get_transform(), ax)
                point = point_coords = None
            out.append({"text": self.text(text.get_text()), "coords": list(coords),
                        "position": _position(text, xy, coords), "point": point,
                        "point_coords": None if point_coords is None else list(point_coords)})
        return out

    def legend(self, legend) -> list | None:
        """Legend entries as {text, colour of the handle}; None without a visible legend."""
        if legend is None or not legend.get_visible():
            return None
        pairs = list(zip(legend.get_texts(), legend.legend_handles))
        self.omitted["legend_entries"] += max(0, len(pairs) - MAX_LEGEND_ENTRIES)
        return [{"text": self.text(text.get_text()), "color": _handle_hex(handle)}
                for text, handle in pairs[:MAX_LEGEND_ENTRIES]]

    def text(self, value) -> str:
        text = value if isinstance(value, str) else str(value)
        if len(text) > MAX_CHARS:
            self.omitted["chars"] += 1
            text = text[:MAX_CHARS]
        return text


def _role(ax, parent: int | None) -> str:
    if parent is None:
        return "axes"
    if type(ax).__name__ == "SecondaryAxis" and getattr(ax, "_orientation", None) in ("x", "y"):
        return f"secondary_{ax._orientation}"
    return "inset"


def _title(ax, loc: str) -> str:
    """A title of an Axes (a secondary axis is a bare _AxesBase: no get_title)."""
    get_title = getattr(ax, "get_title", None)
    return get_title(loc) if get_title is not None else ""


def _twins(ax) -> list:
    """Axes made by twinx/twiny with ``ax`` (matplotlib keeps them in a private grouper)."""
    grouper = getattr(ax, "_twinned_axes", None)
    return list(grouper.get_siblings(ax)) if grouper is not None else []


def _rectangles(ax):
    """(patch, container index, container label, orientation) of every Rectangle:
    those of BarContainers first, then those added any other way."""
    from matplotlib.container import BarContainer
    from matplotlib.patches import Rectangle

    seen = set()
    containers = [c for c in ax.containers if isinstance(c, BarContainer)]
    for i, container in enumerate(containers):
        for patch in container.patches:
            seen.add(id(patch))
            yield patch, i, container.get_label(), container.orientation
    for patch in ax.patches:
        if isinstance(patch, Rectangle) and id(patch) not in seen:
            yield patch, None, None, None


def _coordinates(transform, ax) -> tuple[str, str]:
    """How an artist's x and y are measured, from its transform (axhline: axes, data)."""
    known = ((ax.transData, ("data", "data")), (ax.get_xaxis_transform(), ("data", "axes")),
             (ax.get_yaxis_transform(), ("axes", "data")), (ax.transAxes, ("axes", "axes")),
             (getattr(ax.figure, "transFigure", None), ("figure", "figure")))
    for candidate, names in known:
        if transform == candidate:
            return names
    return ("other", "other")


_NAMED_COORDINATES = {
    "data": "data", "axes fraction": "axes", "figure fraction": "figure",
    "subfigure fraction": "figure", "offset points": "offset", "offset pixels": "offset",
    "offset fontsize": "offset",
}


def _named_coordinates(spec) -> tuple[str, str]:
    """An annotation's xycoords / textcoords ("data", ("data", "axes fraction"), ...)."""
    def one(name) -> str:
        return _NAMED_COORDINATES.get(name, "other") if isinstance(name, str) else "other"

    if isinstance(spec, tuple) and len(spec) == 2:
        return one(spec[0]), one(spec[1])
    return one(spec), one(spec)


def _position(artist, xy, coords) -> list:
    """A text's position as numbers (data positions converted: categorical x → 0, 1, ...)."""
    x, y = xy
    try:
        x = artist.convert_xunits(x) if coords[0] == "data" else x
        y = artist.convert_yunits(y) if coords[1] == "data" else y
    except Exception:  # noqa: BLE001 - a position matplotlib cannot convert either
        pass
    return [float_json(x), float_json(y)]


def _floats(values: np.ndarray) -> list:
    if np.isfinite(values).all():
        return values.tolist()
    return [float_json(v) for v in values.tolist()]


def _hex(colour) -> str | None:
    """A colour as "#rrggbb" (the first one of a collection's array of colours)."""
    from matplotlib.colors import to_hex

    try:
        array = np.asarray(colour)
        if array.ndim == 2 and len(array):
            colour = array[0]
        return to_hex(colour)
    except Exception:  # noqa: BLE001 - not a colour
        return None


def _handle_hex(handle) -> str | None:
    from matplotlib.lines import Line2D

    if isinstance(handle, Line2D):
        return _hex(handle.get_color())
    getter = getattr(handle, "get_facecolor", None)
    return _hex(getter()) if getter is not None else None


# -- in the grader -------------------------------------------------------------------

@dataclass(frozen=True)
class BarDescription:
    """One rectangle of a bar chart, in data coordinates."""

    x: float
    """left edge"""
    width: float
    bottom: float
    height: float
    orientation: str | None
    """"vertical" / "horizontal" for the bars of a BarContainer, None for a loose patch"""
    color: str | None
    """face colour as "#rrggbb" """
    container: int | None
    """which of the axes' BarContainers it belongs to; None for a Rectangle added by hand"""
    label: str | None
    """its container's label (pandas: the column name)"""
    visible: bool

    @property
    def center(self) -> float:
        return self.x + self.width / 2


@dataclass(frozen=True)
class LineDescription:
    """One Line2D: its data and how it is drawn."""

    x: tuple[float, ...]
    y: tuple[float, ...]
    """the points (empty when the line had more than the caps allow: see ``points``)"""
    points: int
    """how many points the student's line has"""
    x_coords: str
    y_coords: str
    """"data", or "axes" for lines such as ``axhline`` (x in axes coordinates)"""
    color: str | None
    label: str
    marker: str
    linestyle: str
    visible: bool

    @property
    def in_data_coordinates(self) -> bool:
        return self.x_coords == self.y_coords == "data"


@dataclass(frozen=True)
class TickDescription:
    """A major tick and the text shown at it ("" when hidden or blank)."""

    position: float
    text: str


@dataclass(frozen=True)
class TextDescription:
    """A visible text or annotation on an Axes."""

    text: str
    position: tuple[float, float]
    coords: tuple[str, str]
    """how x and y of ``position`` are measured (see :data:`COORDINATES`)"""
    point: tuple[float, float] | None
    """the point an annotation points at; None for a plain text"""
    point_coords: tuple[str, str] | None


@dataclass(frozen=True)
class LegendEntry:
    text: str
    color: str | None
    """the colour of the entry's handle, "#rrggbb" """


@dataclass(frozen=True)
class AxesDescription:
    """One Axes (or a child axes of one) as data."""

    role: str
    """see :data:`ROLES`"""
    parent: int | None
    """for a child axes: the index of its Axes in ``ChartDescription.axes``"""
    twins: tuple[int, ...]
    """indexes of the axes made with this one by twinx / twiny"""
    title: str
    title_left: str
    title_right: str
    xlabel: str
    ylabel: str
    xlim: tuple[float, float]
    ylim: tuple[float, float]
    xscale: str
    yscale: str
    bars: tuple[BarDescription, ...]
    lines: tuple[LineDescription, ...]
    xticks: tuple[TickDescription, ...]
    yticks: tuple[TickDescription, ...]
    xformat: tuple[tuple[float, str | None], ...]
    yformat: tuple[tuple[float, str | None], ...]
    """(value, text) the axis' major formatter writes for :data:`FORMAT_SAMPLES`"""
    texts: tuple[TextDescription, ...]
    legend: tuple[LegendEntry, ...] | None
    conversion: tuple[tuple[float, float], ...]
    """secondary axis: (parent value, value shown) over the parent's limits"""

    def formatted(self, axis: str, value: float) -> str | None:
        """What the ``axis`` ("x" or "y") formatter writes for a :data:`FORMAT_SAMPLES` value."""
        samples = self.xformat if axis == "x" else self.yformat
        return next((text for v, text in samples if v == value), None)


@dataclass(frozen=True)
class ChartDescription:
    """A student's chart: the visible axes of its root figure, as data."""

    source: str
    """the type handed in: "Axes", "Figure", "list", ..."""
    axes: tuple[AxesDescription, ...]
    suptitle: str
    supxlabel: str
    supylabel: str
    legends: tuple[tuple[LegendEntry, ...], ...]
    """figure-level legends"""
    omitted: Mapping[str, int] = field(default_factory=dict, hash=False)
    """what the caps left out (see :data:`OMITTED`)"""

    @classmethod
    def from_dict(cls, node) -> "ChartDescription":
        """Check a JSON-decoded ``chart`` node and build the description (or :class:`Malformed`)."""
        d = expect_object(node, _CHART_KEYS)
        if d["kind"] != "chart":
            raise Malformed("not a chart node")
        nodes = expect_list(d["axes"], MAX_AXES)
        axes = tuple(_axes(a, i, nodes) for i, a in enumerate(nodes))
        _total(sum(len(a.bars) for a in axes), MAX_BARS, "bars")
        _total(sum(len(a.lines) for a in axes), MAX_LINES, "lines")
        _total(sum(len(line.x) for a in axes for line in a.lines), MAX_CHART_POINTS, "points")
        _total(sum(len(a.texts) for a in axes), MAX_TEXTS, "texts")
        omitted = expect_object(d["omitted"], frozenset(OMITTED))
        return cls(
            source=expect_text(d["type"]), axes=axes, suptitle=expect_text(d["suptitle"]),
            supxlabel=expect_text(d["supxlabel"]), supylabel=expect_text(d["supylabel"]),
            legends=tuple(_legend(lg) for lg in expect_list(d["legends"], MAX_LEGENDS)),
            omitted={k: expect_count(omitted[k], _COUNT_MAX) for k in OMITTED},
        )


_CHART_KEYS = frozenset({"kind", "type", "suptitle", "supxlabel", "supylabel", "axes",
                         "legends", "omitted"})
_AXES_KEYS = frozenset({"role", "parent", "twins", "title", "title_left", "title_right",
                        "xlabel", "ylabel", "xlim", "ylim", "xscale", "yscale", "bars",
                        "lines", "xticks", "yticks", "xformat", "yformat", "texts", "legend",
                        "conversion"})
_BAR_KEYS = frozenset({"x", "width", "bottom", "height", "orientation", "color", "container",
                       "label", "visible"})
_LINE_KEYS = frozenset({"x", "y", "points", "x_coords", "y_coords", "color", "label", "marker",
                        "linestyle", "visible"})
_TEXT_KEYS = frozenset({"text", "coords", "position", "point", "point_coords"})
_ENTRY_KEYS = frozenset({"text", "color"})


def _axes(node, index: int, nodes: list) -> AxesDescription:
    d = expect_object(node, _AXES_KEYS)
    role = _choice(d["role"], ROLES)
    parent = None if d["parent"] is None else expect_count(d["parent"], len(nodes) - 1)
    if (role == "axes") != (parent is None) or (parent is not None and parent >= index):
        raise Malformed("a child axes needs the index of an Axes before it")
    return AxesDescription(
        role=role, parent=parent,
        twins=tuple(expect_count(i, len(nodes) - 1) for i in expect_list(d["twins"], MAX_AXES)),
        title=expect_text(d["title"]), title_left=expect_text(d["title_left"]),
        title_right=expect_text(d["title_right"]), xlabel=expect_text(d["xlabel"]),
        ylabel=expect_text(d["ylabel"]), xlim=_pair(d["xlim"]), ylim=_pair(d["ylim"]),
        xscale=expect_text(d["xscale"]), yscale=expect_text(d["yscale"]),
        bars=tuple(_bar(b) for b in expect_list(d["bars"], MAX_BARS)),
        lines=tuple(_line(line) for line in expect_list(d["lines"], MAX_LINES)),
        xticks=_ticks(d["xticks"]), yticks=_ticks(d["yticks"]),
        xformat=_samples(d["xformat"]), yformat=_samples(d["yformat"]),
        texts=tuple(_text_description(t) for t in expect_list(d["texts"], MAX_TEXTS)),
        legend=None if d["legend"] is None else _legend(d["legend"]),
        conversion=tuple(_pair(p) for p in expect_list(d["conversion"], CONVERSION_SAMPLES)),
    )


def _bar(node) -> BarDescription:
    d = expect_object(node, _BAR_KEYS)
    return BarDescription(
        x=float_from_json(d["x"]), width=float_from_json(d["width"]),
        bottom=float_from_json(d["bottom"]), height=float_from_json(d["height"]),
        orientation=_choice(d["orientation"], ("vertical", "horizontal"), optional=True),
        color=expect_text(d["color"], optional=True),
        container=None if d["container"] is None else expect_count(d["container"], MAX_BARS),
        label=expect_text(d["label"], optional=True), visible=_flag(d["visible"]))


def _line(node) -> LineDescription:
    d = expect_object(node, _LINE_KEYS)
    x, y = _floats_from_json(d["x"]), _floats_from_json(d["y"])
    points = expect_count(d["points"], _COUNT_MAX)
    if len(x) != len(y) or len(x) not in (0, points):
        raise Malformed("a line's x and y must both hold its points (or neither)")
    return LineDescription(
        x=x, y=y, points=points, x_coords=_choice(d["x_coords"], COORDINATES),
        y_coords=_choice(d["y_coords"], COORDINATES),
        color=expect_text(d["color"], optional=True), label=expect_text(d["label"]),
        marker=expect_text(d["marker"]), linestyle=expect_text(d["linestyle"]),
        visible=_flag(d["visible"]))


def _text_description(node) -> TextDescription:
    d = expect_object(node, _TEXT_KEYS)
    point = None if d["point"] is None else _pair(d["point"])
    point_coords = None if d["point_coords"] is None else _coords_pair(d["point_coords"])
    if (point is None) != (point_coords is None):
        raise Malformed("an annotation's point needs its coordinates")
    return TextDescription(text=expect_text(d["text"]), position=_pair(d["position"]),
                           coords=_coords_pair(d["coords"]), point=point,
                           point_coords=point_coords)


def _legend(node) -> tuple[LegendEntry, ...]:
    entries = [expect_object(e, _ENTRY_KEYS) for e in expect_list(node, MAX_LEGEND_ENTRIES)]
    return tuple(LegendEntry(text=expect_text(e["text"]),
                             color=expect_text(e["color"], optional=True)) for e in entries)


def _ticks(node) -> tuple[TickDescription, ...]:
    ticks = []
    for item in expect_list(node, MAX_TICKS):
        position, text = expect_list(item, 2, exactly=2)
        ticks.append(TickDescription(float_from_json(position), expect_text(text)))
    return tuple(ticks)


def _samples(node) -> tuple[tuple[float, str | None], ...]:
    samples = []
    for item in expect_list(node, len(FORMAT_SAMPLES)):
        value, text = expect_list(item, 2, exactly=2)
        samples.append((float_from_json(value), expect_text(text, optional=True)))
    return tuple(samples)


def _coords_pair(node) -> tuple[str, str]:
    x, y = expect_list(node, 2, exactly=2)
    return _choice(x, COORDINATES), _choice(y, COORDINATES)


def _flag(value) -> bool:
    if type(value) is not bool:
        raise Malformed("expected true or false")
    return value


def _choice(value, options: tuple, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if type(value) is not str or value not in options:
        raise Malformed(f"expected one of {options}")
    return value


def _pair(node) -> tuple[float, float]:
    a, b = expect_list(node, 2, exactly=2)
    return float_from_json(a), float_from_json(b)


def _floats_from_json(node) -> tuple[float, ...]:
    return tuple(float_from_json(v) for v in expect_list(node, MAX_POINTS))


def _total(count: int, cap: int, what: str) -> None:
    if count > cap:
        raise Malformed(f"more {what} than a description holds ({cap})")
