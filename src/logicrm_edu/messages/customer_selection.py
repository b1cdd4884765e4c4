"""Messages of the customer-selection assignment (快递客户的选择), zh first.

``selection.data.*``: a prospect file that cannot be used; ``selection.weights_*`` and
``selection.rule_*``: the teacher's settings; the rest: the checks' verdicts, each
mistake ``selection.X`` with its hint ``selection.X.hint``.
"""

MESSAGES = {
    # the prospect file --------------------------------------------------------------
    "selection.data.missing_column": {
        "zh": "潜在客户名单缺少“{column}”列（现有的列：{columns}）。请在表头补上这一列。",
        "en": "the prospect list has no column '{column}' (columns found: {columns}); "
              "add it to the header row.",
    },
    "selection.data.blank_id": {
        "zh": "客户编号是空的；每家潜在客户都要有编号（如 P01）。",
        "en": "the prospect id is blank; every prospect needs an id (e.g. P01).",
    },
    "selection.data.duplicate_id": {
        "zh": "客户编号“{value}”重复了（第 {first_row} 行已经有它）。请给每家客户不同的编号。",
        "en": "the prospect id '{value}' appears twice (first in row {first_row}); give "
              "every prospect its own id.",
    },
    "selection.data.unknown_rating": {
        "zh": "信用等级“{value}”不认识；只能填 {allowed}。",
        "en": "the credit rating '{value}' is not known; use one of {allowed}.",
    },
    "selection.data.missing_value": {
        "zh": "这个单元格是空的；每个评分标准都要有数值，否则无法打分。",
        "en": "this cell is blank; every criterion needs a figure, or the prospect cannot be scored.",
    },
    "selection.data.not_number": {
        "zh": "“{value}”不是数字；请只填数字（单位写在表头里，如“距离(公里)”）。",
        "en": "'{value}' is not a number; write numbers only (put the unit in the header, "
              "e.g. '距离(公里)').",
    },
    "selection.data.negative": {
        "zh": "“{value}”是负数；件量、单件收入、经营年限和距离都不能小于 0。",
        "en": "'{value}' is negative; parcels, revenue per parcel, years and distance cannot "
              "be below 0.",
    },
    "selection.data.blank_criterion": {
        "zh": "客户“{customer}”的“{column}”是空的，无法打分。",
        "en": "prospect '{customer}' has no '{column}', so it cannot be scored.",
    },
    "selection.data.no_points": {
        "zh": "客户“{customer}”的“{column}”是“{value}”，但分值表里只有 {allowed}。",
        "en": "prospect '{customer}' has '{column}' = '{value}', but the points table only "
              "has {allowed}.",
    },
    "selection.data.criterion_not_number": {
        "zh": "客户“{customer}”的“{column}”是“{value}”，不是数字。",
        "en": "prospect '{customer}' has '{column}' = '{value}', which is not a number.",
    },
    # the teacher's settings ---------------------------------------------------------
    "selection.weights_empty": {
        "zh": "没有给出任何评分标准的权重。",
        "en": "no criterion has a weight.",
    },
    "selection.weights_not_numbers": {
        "zh": "权重必须是数字：{weights}。",
        "en": "weights must be numbers: {weights}.",
    },
    "selection.weights_negative": {
        "zh": "权重不能是负数：{weights}。",
        "en": "weights cannot be negative: {weights}.",
    },
    "selection.weights_sum": {
        "zh": "权重加起来是 {total}，必须正好是 100（%）或 1。",
        "en": "the weights add up to {total}; they must add up to exactly 100 (%) or 1.",
    },
    "selection.scale": {
        "zh": "scale={scale} 不行：标准化值用 0–1（scale=1）或 0–100（scale=100）。",
        "en": "scale={scale} is not possible: use 0–1 (scale=1) or 0–100 (scale=100).",
    },
    "selection.lower_better_unknown": {
        "zh": "“越小越好”的标准 {columns} 没有权重；它们必须是评分标准之一。",
        "en": "the lower-is-better criteria {columns} have no weight; they must be scoring "
              "criteria.",
    },
    "selection.rule_shape": {
        "zh": "分类方案要有两个分界点（如 (5, 20)）和四个不同的类别名称"
              "（关键、主要、大众、不开发），现在是 {cuts} 和 {labels}。",
        "en": "the class rule needs two cut-offs (e.g. (5, 20)) and four different labels "
              "(key, major, mass, not developed); got {cuts} and {labels}.",
    },
    "selection.task.rule": {
        "zh": "评分标准和权重：{weights}；越小越好：{lower}。\n"
              "分类：前 {key_share}% 为{key_label}，前 {top}% 中其余为{major_label}，其余为{mass_label}"
              "（人数{rounding}，{ties}）；信用等级为 {exclude} 的客户一律{excluded}。",
        "en": "Criteria and weights: {weights}; lower is better: {lower}.\n"
              "Classes: top {key_share}% {key_label}, the rest of the top {top}% {major_label}, the "
              "others {mass_label} (counts {rounding}, {ties}); "
              "prospects rated {exclude} are always {excluded}.",
    },
    "selection.rule.rounding.ceil": {"zh": "向上取整", "en": "rounded up"},
    "selection.rule.rounding.floor": {"zh": "向下取整", "en": "rounded down"},
    "selection.rule.rounding.round": {"zh": "四舍五入", "en": "rounded half up"},
    "selection.rule.ties.same": {"zh": "得分相同归入较高的一类", "en": "equal scores in the higher class"},
    "selection.rule.ties.order": {"zh": "得分相同按表中顺序", "en": "equal scores in table order"},
    # right answers ------------------------------------------------------------------
    "selection.ok.step2": {
        "zh": "审核正确：{n} 家潜在客户，预计月件量合计 {parcels} 件，信用差的 {poor} 家。",
        "en": "Audit correct: {n} prospects, {parcels} parcels a month in all, {poor} with "
              "a poor credit rating.",
    },
    "selection.ok.step3": {
        "zh": "加权评分正确：{n} 家客户的得分（{scale} 分制）和排名都对。",
        "en": "Weighted scores correct: the scores ({scale} scale) and ranks of all {n} "
              "prospects are right.",
    },
    "selection.ok.step4": {
        "zh": "客户分类正确：{counts}。",
        "en": "Classes correct: {counts}.",
    },
    "selection.ok.step4.follow": {
        "zh": "按你自己第 3 步的得分，分类方法是对的：{counts}。（得分的错误只在第 3 步扣分。）",
        "en": "Given your own step-3 scores, the classing is right: {counts}. (The score "
              "mistake costs points in step 3 only.)",
    },
    "selection.ok.step5": {
        "zh": "选择图正确：{n} 家客户的得分从高到低，选择线和类别都标出来了。",
        "en": "Chart correct: the {n} prospects' scores high to low, with the selection line "
              "and the classes marked.",
    },
    "selection.class_count": {"zh": "{label} {count} 家", "en": "{label}: {count}"},
    "selection.answer.n_prospects": {"zh": "潜在客户数 n_prospects", "en": "n_prospects"},
    "selection.answer.total_parcels": {"zh": "月件量合计 total_parcels", "en": "total_parcels"},
    "selection.answer.n_poor_credit": {"zh": "信用差的客户数 n_poor_credit",
                                       "en": "n_poor_credit"},
    # what the answer is ---------------------------------------------------------------
    "selection.no_answer": {"zh": "还没有拿到你的答案（得到的是 None）",
                            "en": "there is no answer yet (got None)"},
    "selection.no_answer.hint": {
        "zh": "先运行上面的代码单元格，确认变量已经赋值。",
        "en": "run the cells above first and make sure the variable is assigned.",
    },
    "selection.not_a_table": {"zh": "交上来的不是表格（DataFrame），而是 {got}",
                              "en": "the answer is not a table (DataFrame) but a {got}"},
    "selection.not_a_table.hint": {
        "zh": "请交整张表，每家客户一行。",
        "en": "hand in the whole table, one row per prospect.",
    },
    "selection.missing_column": {"zh": "表格里找不到“{column}”列（现有的列：{columns}）",
                                 "en": "the table has no column '{column}' (columns: {columns})"},
    "selection.missing_column.hint": {
        "zh": "请补上这一列，或把列名改成“{column}”。",
        "en": "add the column, or rename it to '{column}'.",
    },
    "selection.missing_prospects": {"zh": "表格少了 {count} 家客户：{customers}",
                                    "en": "{count} prospects are missing: {customers}"},
    "selection.missing_prospects.hint": {
        "zh": "名单上的每家客户都要打分（信用差的客户也要先打分、排名），不要先删掉。",
        "en": "score every prospect on the list (poor-credit ones too: they are scored and "
              "ranked first); do not drop any.",
    },
    "selection.extra_prospects": {"zh": "表格里有 {count} 个多出来或重复的客户：{customers}",
                                  "en": "{count} prospects are extra or repeated: {customers}"},
    "selection.extra_prospects.hint": {
        "zh": "每家客户只占一行，编号与名单一致。",
        "en": "one row per prospect, with the ids of the list.",
    },
    "selection.not_numbers": {"zh": "“{column}”列中客户“{customer}”的值不是数字",
                              "en": "column '{column}': the value of prospect '{customer}' is "
                                    "not a number"},
    "selection.not_numbers.hint": {
        "zh": "这一列要放数字；先算好，最后显示时再四舍五入，不要把数字变成文字。",
        "en": "this column holds numbers; compute them and round only for display, without "
              "turning them into text.",
    },
    # step 2 -------------------------------------------------------------------------------
    "selection.audit_no_answer": {"zh": "{answer} 还没有值", "en": "{answer} has no value yet"},
    "selection.audit_no_answer.hint": {
        "zh": "运行第 2 步的单元格，给三个变量都赋值。",
        "en": "run the step 2 cell so that it assigns all three variables.",
    },
    "selection.audit_not_number": {"zh": "{answer} 应该是一个数，现在是 {got}",
                                   "en": "{answer} should be one number, not {got}"},
    "selection.audit_not_number.hint": {
        "zh": "用 len(df)、df[\"月均件量\"].sum() 这样的写法得到一个数。",
        "en": "use len(df), df[\"月均件量\"].sum() and the like to get one number.",
    },
    "selection.count_is_columns": {"zh": "客户数写成了 {got}，这是表格的列数",
                                   "en": "the number of prospects is {got}: that is the "
                                         "number of columns"},
    "selection.count_is_columns.hint": {
        "zh": "客户数是行数：len(df) 或 df.shape[0]。",
        "en": "the number of prospects is the number of rows: len(df) or df.shape[0].",
    },
    "selection.wrong_prospect_count": {"zh": "潜在客户数 {got} 不对",
                                       "en": "the number of prospects, {got}, is wrong"},
    "selection.wrong_prospect_count.hint": {
        "zh": "数一数名单有多少行（len(df)）；表头不算。",
        "en": "count the rows of the list (len(df)); the header is not a prospect.",
    },
    "selection.parcels_mean": {"zh": "月件量合计写成了 {got}，这是平均数",
                               "en": "total parcels is {got}: that is the mean"},
    "selection.parcels_mean.hint": {
        "zh": "合计用 .sum()，不是 .mean()。",
        "en": "a total is .sum(), not .mean().",
    },
    "selection.wrong_parcels_total": {"zh": "月件量合计 {got} 不对",
                                      "en": "the parcel total, {got}, is wrong"},
    "selection.wrong_parcels_total.hint": {
        "zh": "把“月均件量”这一列加起来：df[\"月均件量\"].sum()。",
        "en": "add up the column 月均件量: df[\"月均件量\"].sum().",
    },
    "selection.wrong_poor_count": {"zh": "信用差的客户数 {got} 不对",
                                   "en": "the number of poor-credit prospects, {got}, is wrong"},
    "selection.wrong_poor_count.hint": {
        "zh": "数一数信用等级为 {ratings} 的客户：(df[\"信用等级\"] == \"差\").sum()。",
        "en": "count the prospects rated {ratings}: (df[\"信用等级\"] == \"差\").sum().",
    },
    # step 3: the named wrong methods -----------------------------------------------------
    "selection.weights_as_whole_numbers": {
        "zh": "得分大了 100 倍：权重用了 40、15 这样的百分数，又乘了 0–100 的标准化值",
        "en": "the scores are 100 times too large: weights such as 40, 15 were multiplied by "
              "normalised values on 0–100",
    },
    "selection.weights_as_whole_numbers.hint": {
        "zh": "权重要写成小数（40% = 0.40），加起来正好是 1；得分就和标准化值一样在 0–1 或 0–100 之间。",
        "en": "write the weights as fractions (40 % = 0.40) adding up to 1; the score then "
              "stays on the scale of the normalised values (0–1 or 0–100).",
    },
    "selection.wrong_direction": {
        "zh": "“{criterion}”的方向反了：本该得高分的客户得了低分",
        "en": "the direction of '{criterion}' is reversed",
    },
    "selection.wrong_direction.hint": {
        "zh": "想一想“{criterion}”是越大越好还是越小越好（距离越近越好，信用越高越好）。"
              "越小越好的标准用（最大值 − x）÷（最大值 − 最小值）。",
        "en": "is a higher '{criterion}' better or worse? (Nearer is better, higher credit is "
              "better.) For lower-is-better use (max − x) ÷ (max − min).",
    },
    "selection.max_normalised": {
        "zh": "标准化时除以了最大值（x ÷ 最大值），不是最小-最大标准化",
        "en": "the values were divided by the maximum (x ÷ max) instead of min-max normalised",
    },
    "selection.max_normalised.hint": {
        "zh": "本任务用最小-最大标准化：（x − 最小值）÷（最大值 − 最小值），最差的客户得 0，最好的得 1。",
        "en": "this task uses min-max: (x − min) ÷ (max − min), so the worst prospect gets 0 "
              "and the best gets 1.",
    },
    "selection.not_normalised": {
        "zh": "没有标准化：直接用原始数值（件、元、年、公里）乘了权重",
        "en": "the raw figures (parcels, yuan, years, km) were weighted without normalising",
    },
    "selection.not_normalised.hint": {
        "zh": "单位不同的数值不能直接相加：先把每个标准换算到 0–1（或 0–100），再乘权重。",
        "en": "figures in different units cannot be added: bring each criterion onto 0–1 "
              "(or 0–100) first, then weigh it.",
    },
    "selection.criterion_left_out": {
        "zh": "漏掉了“{criterion}”：你用的权重加起来只有 {total}%",
        "en": "'{criterion}' was left out: the weights used add up to only {total} %",
    },
    "selection.criterion_left_out.hint": {
        "zh": "教师设置里的每个标准都要算进去，权重加起来必须是 100%。",
        "en": "every criterion of the teacher settings counts; the weights must add up to 100 %.",
    },
    "selection.wrong_scores": {
        "zh": "{count} 家客户的加权得分不对：{customers}",
        "en": "the weighted score of {count} prospects is wrong: {customers}",
    },
    "selection.wrong_scores.hint": {
        "zh": "逐项核对：每个标准的最小值和最大值、方向、信用等级的分值、权重，"
              "得分 = Σ 权重 × 标准化值；只在显示时四舍五入。",
        "en": "check each part: every criterion's min and max, its direction, the credit "
              "points, the weights; score = Σ weight × normalised value; round only for display.",
    },
    "selection.rank_ascending": {
        "zh": "排名反了：得分最低的客户排了第 1",
        "en": "the ranks are reversed: the lowest score is ranked 1",
    },
    "selection.rank_ascending.hint": {
        "zh": "得分越高越好，第 1 名是得分最高的：rank(ascending=False) 或 sort_values(ascending=False)。",
        "en": "a higher score is better and rank 1 is the highest: rank(ascending=False) or "
              "sort_values(ascending=False).",
    },
    "selection.wrong_rank": {
        "zh": "{count} 家客户的排名与得分不符：{customers}",
        "en": "the rank of {count} prospects does not match their score: {customers}",
    },
    "selection.wrong_rank.hint": {
        "zh": "按得分从高到低排名；得分相同的可以同名次，下一名要跳过（1、2、2、4），也可以依次编号。",
        "en": "rank by score, high to low; equal scores may share a rank with the next one "
              "skipped (1, 2, 2, 4), or be numbered in turn.",
    },
    # step 4 -------------------------------------------------------------------------------
    "selection.blank_classes": {"zh": "{count} 家客户没有类别：{customers}",
                                "en": "{count} prospects have no class: {customers}"},
    "selection.blank_classes.hint": {
        "zh": "每家客户都要有类别，信用差的填“不开发”。",
        "en": "every prospect needs a class; the poor-credit ones get “不开发”.",
    },
    "selection.unknown_labels": {"zh": "类别名称 {found} 不认识",
                                 "en": "the class names {found} are not known"},
    "selection.unknown_labels.hint": {
        "zh": "只用这几个类别名称：{expected}。",
        "en": "use only these class names: {expected}.",
    },
    "selection.forgot_exclusion": {
        "zh": "信用差的客户 {customers} 仍被分了类",
        "en": "the poor-credit prospects {customers} still got a class",
    },
    "selection.forgot_exclusion.hint": {
        "zh": "信用等级为 {ratings} 的客户不管得分多高都是“{label}”：赊账收不回来，件量越大损失越大。",
        "en": "prospects rated {ratings} are “{label}” whatever their score: unpaid bills grow "
              "with the volume.",
    },
    "selection.excluded_before_ranking": {
        "zh": "先删掉了信用差的客户再数前 5%、前 20%，空出来的名额被后面的客户补上了",
        "en": "the poor-credit prospects were dropped before counting the top 5 % and 20 %, "
              "so weaker prospects moved up into their places",
    },
    "selection.excluded_before_ranking.hint": {
        "zh": "本任务先按全部客户排名、数人数，再把信用差的改成“{label}”；它们的名额空着，不往后顺延。",
        "en": "in this task every prospect is ranked and counted first; then the poor-credit "
              "ones become “{label}”, and their places stay empty.",
    },
    "selection.count_rounded_down": {
        "zh": "人数取整方向不对：{n} 家客户的 {cuts}% 不是整数，要向上取整",
        "en": "the counts are rounded the wrong way: {cuts} % of {n} prospects is not a whole "
              "number and is rounded up",
    },
    "selection.count_rounded_down.hint": {
        "zh": "用 math.ceil：例如 22 × 5% = 1.1，关键客户是前 2 名，不是前 1 名。",
        "en": "use math.ceil: e.g. 22 × 5 % = 1.1, so the key customers are the top 2, not 1.",
    },
    "selection.ties_split": {
        "zh": "得分相同的客户被分到了不同类别：{customers}",
        "en": "prospects with the same score got different classes: {customers}",
    },
    "selection.ties_split.hint": {
        "zh": "得分相同的客户一起归入较高的那一类，不能因为表里的先后顺序把它们拆开。",
        "en": "prospects with equal scores go together into the higher class; their order in "
              "the table must not split them.",
    },
    "selection.major_on_top_of_key": {
        "zh": "主要客户多算了：把“前 20%”算成了关键客户之后再数 20%",
        "en": "too many major customers: the 20 % was counted after the key customers",
    },
    "selection.major_on_top_of_key.hint": {
        "zh": "主要客户 = 前 20% 的客户减去关键客户，前 20% 已经包含关键客户。",
        "en": "major = the top 20 % minus the key customers; the top 20 % already includes them.",
    },
    "selection.wrong_classes": {
        "zh": "{count} 家客户的类别不对：{customers}",
        "en": "{count} prospects have the wrong class: {customers}",
    },
    "selection.wrong_classes.hint": {
        "zh": "按得分排名：前 5%（向上取整）为关键客户，前 20% 中其余为主要客户，其余为大众客户；"
              "最后把信用差的改为“不开发”。",
        "en": "by rank: the top 5 % (rounded up) key, the rest of the top 20 % major, the others "
              "mass; then the poor-credit ones become “不开发”.",
    },
    # step 5 -------------------------------------------------------------------------------
    "selection.not_a_chart": {"zh": "交上来的不是图，而是 {got}",
                              "en": "the answer is not a chart but a {got}"},
    "selection.not_a_chart.hint": {
        "zh": "用 fig, ax = plt.subplots() 画图，把 ax 留在变量里。",
        "en": "draw with fig, ax = plt.subplots() and keep ax in the variable.",
    },
    "selection.chart.no_bars": {"zh": "图上没有柱形", "en": "the chart has no bars"},
    "selection.chart.no_bars.hint": {
        "zh": "用 ax.bar(...) 为每家客户画一根柱子，高度是加权得分。",
        "en": "draw one bar per prospect with ax.bar(...), its height the weighted score.",
    },
    "selection.chart.bars_unsorted": {"zh": "柱形没有按得分从高到低排列",
                                      "en": "the bars are not sorted from high to low"},
    "selection.chart.bars_unsorted.hint": {
        "zh": "先按加权得分从高到低排序，再画柱形。",
        "en": "sort by weighted score, high to low, before drawing the bars.",
    },
    "selection.chart.bars_wrong": {"zh": "柱形的高度不是各客户的加权得分",
                                   "en": "the bar heights are not the prospects' weighted scores"},
    "selection.chart.bars_wrong.hint": {
        "zh": "每家客户一根柱，高度用第 3 步的“加权得分”。",
        "en": "one bar per prospect, its height the step-3 weighted score.",
    },
    "selection.chart.no_line": {"zh": "没有找到位置正确的选择线",
                                "en": "no selection line in the right place"},
    "selection.chart.no_line.hint": {
        "zh": "在前 20% 的最后一名和下一名之间画一条竖线（ax.axvline），或在两者得分之间画一条横线（ax.axhline）。",
        "en": "draw a vertical line (ax.axvline) between the last of the top 20 % and the next "
              "prospect, or a horizontal one (ax.axhline) between their scores.",
    },
    "selection.chart.no_classes": {"zh": "图上没有标出每家客户的类别",
                                   "en": "the chart does not show each prospect's class"},
    "selection.chart.no_classes.hint": {
        "zh": "把类别写进刻度标签（如 \"P01\\n关键\"）或柱子上方，或者每类一种颜色并加图例。",
        "en": "put the class in the tick labels (e.g. \"P01\\n关键\") or above the bars, or give "
              "each class a colour and add a legend.",
    },
    "selection.chart.no_labels": {"zh": "缺少标题或坐标轴名称",
                                  "en": "the title or an axis label is missing"},
    "selection.chart.no_labels.hint": {
        "zh": "用 ax.set_title、ax.set_xlabel、ax.set_ylabel 写上标题和两个坐标轴的名称。",
        "en": "add a title and both axis labels with ax.set_title, ax.set_xlabel, ax.set_ylabel.",
    },
}
