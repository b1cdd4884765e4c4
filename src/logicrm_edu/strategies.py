"""Per-tier management strategies: the empty table 3-9 and the catalogue of measures."""
from __future__ import annotations

import pandas as pd

from .errors import SchemeError
from .i18n import resolve, t

_TEMPLATE = {
    "zh": ("类别", "年均交易额 ≥ (万元)", "年交易次数 ≥", "电话联系 (每几周一次)",
           "拜访高层 (每几个月一次)", "管理措施"),
    "en": ("class", "avg. yearly transaction value ≥ (10k yuan)", "yearly transactions ≥",
           "phone contact (every n weeks)", "visit senior management (every n months)",
           "management measures"),
}

# COURSE_BRIEF §3, in the students' words.  Keyed by tier role.
_MEASURES = {
    "key": {
        "zh": ("安排专职客服人员或专门小组，一对一服务", "优先配置运力、仓储等资源",
               "建立快速的双向沟通渠道", "定期拜访，公司领导也要上门拜访",
               "关注客户所在行业和人事变动", "优先处理其投诉", "为其量身定制最有利的服务方案"),
        "en": ("a dedicated service person or team", "priority for capacity and warehouse resources",
               "a fast two-way communication channel", "regular visits, including by company leaders",
               "watch their industry and personnel changes", "handle their complaints first",
               "tailor the most beneficial service plan"),
        "goal": {"zh": "提高忠诚度，提升客户价值", "en": "build loyalty and raise customer value"},
    },
    "major": {
        "zh": ("由主管定期联系和拜访", "关注业务量、付款能力和机构调整的变化",
               "对成长型客户给予优惠激励、提供一站式服务，培养其潜力",
               "对贡献较低的客户维持关系，减少额外服务"),
        "en": ("regular contact and visits by a supervisor",
               "watch changes in volume, ability to pay and reorganisations",
               "grow the growth-type ones with incentives and one-stop service",
               "maintain the low-contribution ones with fewer extra services"),
        "goal": {"zh": "区别对待，培养潜力", "en": "treat differently, cultivate potential"},
    },
    "mass": {
        "zh": ("提供基本、方便、及时的标准化服务，控制服务成本",
               "发现“明日之星”，帮助其成长升级", "可升级的客户按低贡献客户策略管理",
               "对长期贡献极小甚至为负、投诉多的客户，通过提价、取消免费服务、缩小服务范围等方式礼貌地放弃"),
        "en": ("basic, convenient, timely standard service at controlled cost",
               "find the 'rising stars' and help them move up",
               "treat upgrade-able customers with the low-contribution strategy",
               "let persistently poor customers go politely: raise prices, drop free services, "
               "narrow the scope"),
        "goal": {"zh": "控制成本，发现并培养明日之星", "en": "control cost, find and grow rising stars"},
    },
}
# Tier names used by the course's schemes → role.
_ROLES = {
    "A": "key", "VIP": "key", "关键客户": "key", "大客户": "key",
    "B": "major", "主要客户": "major", "普通客户": "major", "一般客户": "major",
    "C": "mass", "D": "mass", "大众客户": "mass", "小客户": "mass",
}


def strategy_table(labels=("A", "B", "C"), *, lang: str | None = None) -> pd.DataFrame:
    """空白的客户管理策略表（教材表 3-9），每类客户一行，由学生填写。
    The empty strategy table (textbook table 3-9) students fill in, one row per class.

    列：类别、年均交易额 ≥ (万元)、年交易次数 ≥、电话联系 (每几周一次)、
    拜访高层 (每几个月一次)、管理措施。要填的格子是空的（``<NA>``）。

    Parameters
    ----------
    labels : 字符串序列, 默认 ``("A", "B", "C")``
        各类客户的名称，从最重要的一类开始，如
        ``("VIP", "主要客户", "普通客户", "小客户")``。
    lang : {"zh", "en"}, 可选
        列名用中文还是英文。不写时用 :func:`set_language` 选的语言，
        默认中文。

    Returns
    -------
    pandas.DataFrame
        每类客户一行，第一列是类别，其余格子是空的。

    Examples
    --------
    >>> from logicrm_edu import strategy_table
    >>> table = strategy_table()
    >>> list(table["类别"])
    ['A', 'B', 'C']
    >>> list(table.columns[1:3])
    ['年均交易额 ≥ (万元)', '年交易次数 ≥']
    >>> table.loc[0, "年交易次数 ≥"] = 12  # 学生填写：A 类客户每年交易至少 12 次
    >>> int(table.notna().sum().sum())  # 3 个类别 + 1 个填好的格子
    4
    """
    headers = _TEMPLATE[resolve(lang)]
    table = pd.DataFrame({h: pd.Series([pd.NA] * len(labels), dtype="object") for h in headers})
    table[headers[0]] = list(labels)
    return table


def strategies_for(label: str, *, lang: str | None = None) -> list[str]:
    """某一类客户的管理措施（来自课程内容），最后一条是管理这类客户的目标。
    Management measures for a class (A/B/C, VIP, 关键客户, 小客户, ...), from the course.

    A、VIP、关键客户、大客户用关键客户的措施；B、主要客户、普通客户、
    一般客户用主要客户的措施；C、D、大众客户、小客户用大众客户的措施。

    Parameters
    ----------
    label : str
        客户类别，如 ``"A"``、``"VIP"``、``"小客户"``。
    lang : {"zh", "en"}, 可选
        措施用中文还是英文。不写时用 :func:`set_language` 选的语言，
        默认中文。

    Returns
    -------
    list of str
        一条一条的管理措施，最后一条是“目标：……”。

    Raises
    ------
    SchemeError
        不认识的类别名；提示里列出认识的类别名。

    Examples
    --------
    >>> from logicrm_edu import strategies_for
    >>> measures = strategies_for("A")
    >>> measures[0]
    '安排专职客服人员或专门小组，一对一服务'
    >>> measures[-1]
    '目标：提高忠诚度，提升客户价值'
    >>> strategies_for("VIP") == measures  # VIP 和 A 类一样，都是关键客户
    True
    """
    lang = resolve(lang)
    role = _ROLES.get(str(label).strip())
    if role is None:
        raise SchemeError("strategy.unknown_label", label=label, known=", ".join(_ROLES))
    entry = _MEASURES[role]
    return list(entry[lang]) + [t("strategy.goal", lang, goal=entry["goal"][lang])]
