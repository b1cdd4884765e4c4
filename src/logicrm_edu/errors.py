"""Exceptions that carry a bilingual, actionable message."""
from __future__ import annotations

from .i18n import t


def _column_letter(index: int) -> str:
    """0-based column index → spreadsheet letters (0 → A, 27 → AB)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def location(lang: str, *, file=None, sheet=None, row=None, column=None, column_index=None) -> str:
    """'文件 a.xlsx，工作表 Sheet1，第 5 行，列 "营业收入"(C)' in the chosen language."""
    parts = []
    if file is not None:
        parts.append(t("where.file", lang, file=file))
    if sheet is not None:
        parts.append(t("where.sheet", lang, sheet=sheet))
    if row is not None:
        parts.append(t("where.row", lang, row=row))
    if column is not None:
        letter = f" ({_column_letter(column_index)})" if column_index is not None else ""
        parts.append(t("where.column", lang, column=column) + letter)
    return t("where.sep", lang).join(parts)


class InputError(ValueError):
    """A mistake in someone's input whose bilingual message says all there is to say:
    the command line shows it as it is, without a traceback."""


class DataError(InputError):
    """客户数据有错：提示用中文和英文说明是哪个文件、工作表、行和列。
    Bad customer data: the message names file, sheet, row and column in zh and en.

    表格数据里常见的错误（缺少列、空单元格、不是数字、负数……）都会抛出
    这个错误，而不是一大段看不懂的报错。

    Parameters
    ----------
    key : str
        错误种类在消息目录里的键，如 ``"data.missing_column"``；程序可以用
        ``err.key`` 判断是哪一种错误。
    file, sheet : str, 可选
        出错的文件名和工作表名。
    row : int, 可选
        出错的行号，和 Excel 里看到的一样（表头是第 1 行）。
    column : str, 可选
        出错的列名。
    column_index : int, 可选
        这一列是第几列（从 0 开始），消息里会显示成 Excel 的列字母（0 → A）。
    **fields
        填进消息里的其他内容，如 ``value``。

    Examples
    --------
    >>> import pandas as pd
    >>> from logicrm_edu import share_table, DataError
    >>> df = pd.DataFrame({"客户": [1, 2], "营业收入": [50, -5]})
    >>> try:
    ...     share_table(df)
    ... except DataError as err:
    ...     print(err.key)
    ...     print(err)
    data.bad_value_in_table
    “营业收入”列：第 2 位客户“2”的营业收入是“-5”，不是非负数字。
    column '营业收入': customer '2' (position 2) has 营业收入 = '-5', which is not a non-negative number.
    """

    def __init__(self, key: str, *, file=None, sheet=None, row=None, column=None,
                 column_index=None, **fields):
        self.key = key
        self.file, self.sheet, self.row, self.column = file, sheet, row, column
        self.fields = fields
        where = dict(file=file, sheet=sheet, row=row, column=column, column_index=column_index)
        lines = []
        for lang in ("zh", "en"):
            loc = location(lang, **where)
            text = t(key, lang, file=file, sheet=sheet, row=row, column=column, **fields)
            lines.append(f"{loc}{t('where.colon', lang)}{text}" if loc else text)
        super().__init__("\n".join(lines))


class SchemeError(InputError):
    """分层方案或参数写错了（分界点、类别名称、规则名），提示用中文和英文。
    An invalid tiering scheme or argument (cuts, labels, rule names), in zh and en.

    Parameters
    ----------
    key : str
        错误种类在消息目录里的键，如 ``"scheme.cuts_order"``；也可以用
        ``err.key`` 读出。
    **fields
        填进消息里的内容，如 ``cuts``。

    Examples
    --------
    分界点要从小到大写，(95, 80) 是错的：

    >>> import pandas as pd
    >>> from logicrm_edu import share_table, tier_customers, SchemeError
    >>> t = share_table(pd.DataFrame({"客户": [1, 2], "营业收入": [50, 5]}))
    >>> try:
    ...     tier_customers(t, cuts=(95, 80))
    ... except SchemeError as err:
    ...     print(err)
    分界点 [95, 80] 必须从小到大排列且不重复，例如 (80, 95)。
    the cut-offs [95, 80] must increase without repeats, e.g. (80, 95).
    """

    def __init__(self, key: str, **fields):
        self.key = key
        super().__init__(t(key, "zh", **fields) + "\n" + t(key, "en", **fields))
