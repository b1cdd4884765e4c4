"""Messages of the satisfaction-and-churn assignment (keys ``churn.``)."""

MESSAGES = {
    # reading the customer lists ------------------------------------------------
    "churn.data.bad_flag": {
        "zh": "“{value}”不是“是”或“否”。在册列只能填“是”或“否”（也可以是 1/0）。",
        "en": "'{value}' is not 是 (yes) or 否 (no). The list columns take 是/否 (or 1/0) only.",
    },
    "churn.data.in_no_list": {
        "zh": "客户“{customer}”去年和今年都不在册，不应出现在表中。请删去这一行或改正在册列。",
        "en": "customer '{customer}' is in neither year's list, so it does not belong in the "
              "table. Delete the row or correct the list columns.",
    },
    "churn.data.no_cause": {
        "zh": "客户“{customer}”已经流失（去年在册、今年不在册），但没有填写流失原因。",
        "en": "customer '{customer}' was lost (in last year's list, not in this year's) but "
              "has no churn cause.",
    },
    "churn.weights_not_100": {
        "zh": "各维度的权重合计是 {total}，应为 100（权重用百分数，30 表示 30 %）。",
        "en": "the dimensions' weights add up to {total}; they must add up to 100 (weights "
              "are percentages: 30 means 30 %).",
    },
}

# The checks' messages: "<mistake>" says what is wrong, ".hint" how to fix it, ".title"
# names it in the teacher's class report.
_MISTAKES = {
    "churn.not_a_number": (
        ("“{name}”应该是一个数，现在是 {got}", "'{name}' should be one number; it is a {got}"),
        ("用代码算出这个数并赋给 {name}，例如 {name} = 表[\"列\"].sum()。",
         "compute the number and assign it to {name}, e.g. {name} = table[\"column\"].sum()."),
        ("答案不是数", "answer not a number")),
    "churn.not_a_table": (
        ("“{name}”应该是一张表（DataFrame），现在是 {got}",
         "'{name}' should be a table (DataFrame); it is a {got}"),
        ("把结果做成 DataFrame 再赋给 {name}。", "make the result a DataFrame and assign it to {name}."),
        ("答案不是表", "answer not a table")),
    "churn.not_a_list": (
        ("“{name}”应该是一个列表，现在是 {got}", "'{name}' should be a list; it is a {got}"),
        ("例如写成 {name} = [\"准时\", \"服务态度\"]；索引（Index）或集合请用 list(...) 变成列表。",
         "write e.g. {name} = [\"准时\", \"服务态度\"]; turn an Index or a set into a list "
         "with list(...)."),
        ("答案不是列表", "answer not a list")),
    "churn.groups_missing": (
        ("表“{name}”里找不到这些组：{groups}", "the table '{name}' does not show the groups {groups}"),
        ("每组一行，并把组名（维度、客户等级或航线）写在一列或索引里，和数据中的写法一致。",
         "give one row per group, with the group's name (dimension, tier or route) in a column or "
         "the index, spelt as in the data."),
        ("表中缺少分组", "groups missing from the table")),
    "churn.quantity_missing": (
        ("表中没有一列是正确的{what}", "no column of the table holds the right {what}"),
        ("对照作业说明核对这一列的算法：分子、分母和单位（百分数写 85 而不是 0.85）。",
         "check how this column is computed against the task: numerator, denominator and "
         "unit (a percentage is 85, not 0.85)."),
        ("数值不对", "wrong figures")),
    "churn.fraction_not_percent": (
        ("{what}写成了小数（如 0.85），要求是百分数", "the {what} is a fraction (e.g. 0.85); a percentage is asked for"),
        ("乘以 100：0.85 应写成 85（表示 85 %）。", "multiply by 100: 0.85 becomes 85 (meaning 85 %)."),
        ("百分数写成小数", "percentage as a fraction")),
    "churn.blank_as_zero": (
        ("平均分把空白答案当成了 0 分，所以偏低", "the means count blank answers as 0, so they are too low"),
        ("空白表示客户没有回答，不是打了 0 分：只用 1～5 之间的有效答案求平均，不要 fillna(0)。",
         "a blank means the customer did not answer, not a score of 0: average the valid "
         "answers 1–5 only, without fillna(0)."),
        ("空白当 0 分", "blanks counted as 0")),
    "churn.out_of_range_kept": (
        ("平均分里算进了超出 1～5 的答案（如 6 或 0）", "the means include answers outside 1–5 (such as 6 or 0)"),
        ("问卷只有 1～5 分，6 和 0 是填错的无效答案：先筛出 1～5 的答案，例如 列[列.between(1, 5)]，再求平均。",
         "the scale is 1–5, so 6 and 0 are invalid: keep only answers from 1 to 5, e.g. "
         "col[col.between(1, 5)], before averaging."),
        ("超范围答案未剔除", "out-of-range answers kept")),
    "churn.satisfied_counts_3": (
        ("满意率把 3 分（一般）也算成了满意", "the satisfied share counts 3 (neutral) as satisfied"),
        ("只有 4 分（满意）和 5 分（非常满意）算满意：数 ≥ 4 的有效答案，再除以有效答案数。",
         "only 4 (satisfied) and 5 (very satisfied) count: count valid answers ≥ 4 and divide "
         "by the number of valid answers."),
        ("3 分算作满意", "3 counted as satisfied")),
    "churn.satisfied_share_of_all": (
        ("满意率的分母用了全部问卷，而不是有效答案", "the satisfied share divides by all questionnaires, not by the valid answers"),
        ("分母是这个维度的有效答案数（空白和超范围的不算）。",
         "divide by the number of valid answers of the dimension (blanks and out-of-range ones left out)."),
        ("满意率分母不对", "wrong base of the satisfied share")),
    "churn.unweighted_index": (
        ("总体满意度指数是各维度平均分的简单平均，没有用权重", "the index is a plain average of the means; the weights are not used"),
        ("按教师设置的权重加权：指数 = Σ 权重 × 平均分（权重 30 表示 30 %，即 0.30）。",
         "weight the means by the teacher's weights: index = Σ weight × mean (a weight of 30 means 30 %, i.e. 0.30)."),
        ("指数未加权", "index not weighted")),
    "churn.weights_as_percent": (
        ("总体满意度指数大了 100 倍：权重用了 30 而不是 0.30", "the index is 100 times too big: weights used as 30 instead of 0.30"),
        ("权重是百分数，30 表示 30 %：计算时除以 100。指数应和平均分一样在 1～5 之间。",
         "weights are percentages, 30 means 30 %: divide by 100. The index lies between 1 and 5 like the means."),
        ("权重未换算成小数", "weights not divided by 100")),
    "churn.index_wrong": (
        ("总体满意度指数 {got} 不对", "the overall satisfaction index {got} is not right"),
        ("用第 2 步表格中的平均分，按权重加权求和（权重 ÷ 100）。",
         "sum the step-2 means times their weights (weight ÷ 100)."),
        ("指数不对", "wrong index")),
    "churn.ipa_points_missing": (
        ("图上找不到每个维度的点（{dimensions}）", "the chart does not show a point for each dimension ({dimensions})"),
        ("横轴满意度、纵轴重要性，每个维度一个点，并用 ax.annotate(维度, (满意度, 重要性)) 标上名字。",
         "satisfaction across, importance up, one point per dimension, named with "
         "ax.annotate(dimension, (satisfaction, importance))."),
        ("散点不对", "points wrong")),
    "churn.quadrant_lines_at_3": (
        ("象限分界线画在了 3 分处", "the quadrant lines are drawn at 3"),
        ("分界线应画在各维度平均分的平均值处：ax.axvline(满意度.mean())、ax.axhline(重要性.mean())。量表中点 3 不能区分本公司各维度的高低。",
         "draw the lines at the mean of the dimensions' scores: ax.axvline(satisfaction.mean()), "
         "ax.axhline(importance.mean()). The scale's middle, 3, does not separate this company's dimensions."),
        ("分界线画在 3 分", "quadrant lines at 3")),
    "churn.quadrant_lines_wrong": (
        ("找不到画在平均值处的两条象限分界线", "there are no quadrant lines at the means"),
        ("用 ax.axvline(...) 画一条竖线（满意度的平均值），用 ax.axhline(...) 画一条横线（重要性的平均值）。",
         "draw a vertical line with ax.axvline(...) at the mean satisfaction and a horizontal "
         "one with ax.axhline(...) at the mean importance."),
        ("缺少象限分界线", "quadrant lines missing")),
    "churn.fix_first_low_low": (
        ("“优先改进”选成了重要性低、满意度低的维度", "'fix first' names the dimensions of low importance and low satisfaction"),
        ("优先改进的是客户认为重要、却不满意的维度：重要性高于平均、满意度低于平均（左上象限）。",
         "fix first what customers find important but are unhappy with: importance above "
         "the mean, satisfaction below it (the upper-left quadrant)."),
        ("优先改进象限选错", "fix-first quadrant = low/low")),
    "churn.fix_first_wrong": (
        ("“优先改进”的维度不对（你写的是：{got}；应有 {expected_count} 个）",
         "the 'fix first' dimensions are not right (you gave: {got}; there are {expected_count})"),
        ("找出重要性 ≥ 重要性平均值、满意度 < 满意度平均值的维度。",
         "list the dimensions with importance ≥ its mean and satisfaction < its mean."),
        ("优先改进维度不对", "wrong fix-first dimensions")),
    "churn.retention_over_end": (
        ("{what}用了“年末客户数”做分母", "the {what} divides by the customers at the end"),
        ("保留率 = 保留下来的老客户 ÷ 年初（去年名单上）的客户数 × 100。",
         "retention = customers kept ÷ customers at the start (last year's list) × 100."),
        ("保留率除以年末客户数", "retention = kept ÷ end")),
    "churn.new_counted_as_kept": (
        ("{what}把今年的新客户也算成了“保留”", "the {what} counts this year's new customers as kept"),
        ("新客户去年不在名单上，谈不上“保留”：分子只数两年都在册的客户。",
         "new customers were not in last year's list, so they were not kept: count only "
         "customers in both lists."),
        ("新客户算作保留", "new customers counted as kept")),
    "churn.churn_rate_not_retention": (
        ("{what}算成了流失率", "the {what} is the churn rate"),
        ("保留率 = 100 − 流失率：要的是留下来的比例。", "retention = 100 − churn rate: give the share that stayed."),
        ("给出的是流失率", "churn rate instead of retention")),
    "churn.rate_wrong": (
        ("保留率 {got} 不对", "the retention rate {got} is not right"),
        ("保留率 = 两年都在册的客户数 ÷ 去年在册的客户数 × 100。",
         "retention = customers in both lists ÷ customers in last year's list × 100."),
        ("保留率不对", "wrong retention rate")),
    "churn.churned_includes_new": (
        ("流失客户里混进了 {n} 位新客户", "the churned customers include the {n} new customers"),
        ("流失客户是“去年在册、今年不在册”的客户；只在今年名单上的是新客户。",
         "churned customers are in last year's list and not in this year's; those only in "
         "this year's list are new."),
        ("新客户当成流失", "new customers listed as churned")),
    "churn.churned_are_new": (
        ("列出的是新客户，不是流失客户", "the list shows the new customers, not the churned ones"),
        ("条件反了：流失客户是去年在册（是）、今年不在册（否）。",
         "the condition is the wrong way round: churned means last year 是, this year 否."),
        ("流失与新增弄反", "churned and new swapped")),
    "churn.churned_wrong": (
        ("流失客户不对：漏了 {missing}；多了 {extra}", "the churned customers are not right: missing {missing}; extra {extra}"),
        ("筛选去年在册 == \"是\" 且 今年在册 == \"否\" 的行。",
         "select the rows with 去年在册 == \"是\" and 今年在册 == \"否\"."),
        ("流失客户不对", "wrong churned customers")),
    "churn.no_cause_bars": (
        ("图上没有柱形", "the chart has no bars"),
        ("用 ax.bar(原因, 客户数) 画出每种流失原因的客户数。", "draw ax.bar(causes, counts), one bar per churn cause."),
        ("缺少柱形", "no bars")),
    "churn.causes_unsorted": (
        ("流失原因没有从多到少排序", "the churn causes are not sorted from most to fewest"),
        ("帕累托图的柱子必须从高到低：先 value_counts()（或 sort_values(ascending=False)），再画图。",
         "a Pareto chart's bars go from highest to lowest: value_counts() (or "
         "sort_values(ascending=False)) before drawing."),
        ("原因未排序", "causes unsorted")),
    "churn.cause_bars_wrong": (
        ("柱形的高度不是各流失原因的客户数（应有 {n} 种原因）", "the bars are not the number of customers per churn cause ({n} causes)"),
        ("只数流失客户的流失原因，每种原因一根柱子。", "count the causes of the churned customers only, one bar per cause."),
        ("柱形数值不对", "wrong bars")),
    "churn.no_cumulative_line": (
        ("没有找到累计比重折线", "there is no cumulative-share line"),
        ("在右侧坐标轴 ax2 = ax.twinx() 上画累计比重：ax2.plot(原因, 累计比重, marker=\"o\")，最后到 100 %。",
         "draw the cumulative share on ax2 = ax.twinx(): ax2.plot(causes, cumulative, marker=\"o\"), ending at 100 %."),
        ("缺少累计折线", "no cumulative line")),
    "churn.costs_swapped": (
        ("两项成本弄反了", "the two costs are swapped"),
        ("替换成本 = 流失客户数 × 获得一位新客户的成本；保留成本 = 流失客户数 × 留住一位老客户的成本。",
         "replacing = churned × cost of winning a customer; keeping = churned × cost of keeping one."),
        ("成本弄反", "costs swapped")),
    "churn.costs_wrong": (
        ("成本算得不对（今年流失 {n} 位客户）", "the costs are not right ({n} customers were lost this year)"),
        ("用教师设置 COSTS 中的单价乘以流失客户数。", "multiply the unit costs of the teacher's COSTS by the number of churned customers."),
        ("成本不对", "wrong costs")),
}

MESSAGES.update({key: {"zh": zh, "en": en} for key, ((zh, en), _, _) in _MISTAKES.items()})
MESSAGES.update({f"{key}.hint": {"zh": zh, "en": en}
                 for key, (_, (zh, en), _) in _MISTAKES.items()})
MESSAGES.update({f"{key}.title": {"zh": zh, "en": en}
                 for key, (_, _, (zh, en)) in _MISTAKES.items()})

MESSAGES.update({
    "churn.nothing": {"zh": "（无）", "en": "(none)"},
    "churn.q.mean": {"zh": "平均分", "en": "mean"},
    "churn.q.satisfied": {"zh": "满意率", "en": "satisfied share"},
    "churn.q.start": {"zh": "年初客户数", "en": "customers at the start"},
    "churn.q.kept": {"zh": "保留客户数", "en": "customers kept"},
    "churn.q.rate": {"zh": "保留率", "en": "retention rate"},
    "churn.q.customer_share": {"zh": "客户占比", "en": "share of customers"},
    "churn.q.volume_share": {"zh": "出口量占比", "en": "share of export volume"},
    "churn.ok.step2": {"zh": "平均分、满意率和总体满意度指数都正确",
                       "en": "means, satisfied shares and the satisfaction index are right"},
    "churn.ok.step3": {"zh": "重要性—满意度图、分界线和优先改进的维度都正确",
                       "en": "the IPA chart, its lines and the fix-first dimensions are right"},
    "churn.ok.step4": {"zh": "保留率、流失客户和分等级、分航线的保留表都正确",
                       "en": "retention rate, churned customers and the tier and route tables are right"},
    "churn.ok.step5": {"zh": "流失原因帕累托图和成本对比都正确",
                       "en": "the churn-cause Pareto chart and the cost comparison are right"},
})
for _step in ("step2", "step3", "step4", "step5"):
    MESSAGES[f"churn.ok.{_step}.followed"] = {
        "zh": MESSAGES[f"churn.ok.{_step}"]["zh"] + "（按你前面自己的结果评判：方法正确，前面的错误只在出错的那一步扣分）",
        "en": MESSAGES[f"churn.ok.{_step}"]["en"] + " (judged on your own earlier result: the "
              "method is right; the earlier mistake costs points only where it was made)"}
