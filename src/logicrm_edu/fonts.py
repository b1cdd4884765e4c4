"""Chinese text in matplotlib charts, without shipping any font.

matplotlib falls back glyph by glyph through the families listed in
``font.family`` (not through the generic ``sans-serif`` list, measured with
matplotlib 3.11), so we set ``font.family`` to DejaVu Sans (Latin letters and
digits as usual) followed by the first installed free or system CJK family: Noto Sans CJK SC / Source Han
Sans SC (Linux, ``apt-get install fonts-noto-cjk``; ``make`` does this),
Microsoft YaHei (Windows), PingFang SC (macOS), WenQuanYi Micro Hei.  SimHei is
never required.  ``python -m logicrm_edu.fonts`` reports which font is used and
exits with 1 when none is found.
"""
from __future__ import annotations

import sys
import warnings

import matplotlib
from matplotlib import font_manager

from .i18n import t

CJK_FAMILIES = (
    "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Microsoft YaHei",
    "PingFang SC", "WenQuanYi Micro Hei", "Noto Sans SC", "Hiragino Sans GB", "Heiti SC",
    "Noto Sans CJK JP",
)
# File names of the same fonts, for a font installed after matplotlib built its cache.
_CJK_FILES = ("notosanscjk", "sourcehansans", "msyh", "pingfang", "wqy-microhei", "notosanssc")

_chosen: str | None = None


def chinese_font() -> str | None:
    """The CJK family matplotlib will use, registering late-installed fonts if needed."""
    known = {f.name for f in font_manager.fontManager.ttflist}
    for family in CJK_FAMILIES:
        if family in known:
            return family
    for path in font_manager.findSystemFonts():
        if any(part in path.lower().replace(" ", "") for part in _CJK_FILES):
            font_manager.fontManager.addfont(path)
    known = {f.name for f in font_manager.fontManager.ttflist}
    return next((family for family in CJK_FAMILIES if family in known), None)


def use_chinese_font() -> str | None:
    """让 matplotlib 的图能显示中文（只设置一次，之后直接返回）。
    Set matplotlib up once to draw Chinese; returns the family, or None with a warning.

    从电脑上已安装的免费或系统中文字体里选第一个（如 Noto Sans CJK SC、
    微软雅黑、苹方），不需要 SimHei。``import logicrm_edu`` 后第一次用库里的
    函数时会自动调用；只用 matplotlib 画图时也可以自己调用。

    Returns
    -------
    str 或 None
        使用的中文字体名；找不到中文字体时返回 ``None``，并给出中英文警告，
        说明怎样安装字体。

    Examples
    --------
    >>> import matplotlib
    >>> from logicrm_edu import use_chinese_font
    >>> family = use_chinese_font()  # 例如 'Noto Sans CJK SC'
    >>> family is None or family in matplotlib.rcParams["font.family"]
    True
    >>> use_chinese_font() == family  # 第二次调用不再查找，结果一样
    True
    """
    global _chosen
    if _chosen is not None:
        return _chosen
    family = chinese_font()
    if family is None:
        warnings.warn(t("fonts.missing", "zh") + "\n" + t("fonts.missing", "en"), stacklevel=2)
        return None
    matplotlib.rcParams["font.family"] = ["DejaVu Sans", family]
    _chosen = family
    return family


def main() -> int:
    family = chinese_font()
    if family is None:
        print(t("fonts.missing", "zh"), t("fonts.missing", "en"), sep="\n", file=sys.stderr)
        return 1
    print(family)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
