"""Messages of the grading checks (logicrm_edu.checks), zh first.

A mistake ``checks.X`` says what is wrong; ``checks.X.hint`` says how to fix it
(the student sees "【需要修改】<X> — <X.hint>").  ``checks.ok.stepN`` praises a right
answer.  The other ``checks.*`` entries are phrases used inside messages.
"""

MESSAGES = {
    # right answers --------------------------------------------------------------------
    "checks.ok.step2": {
        "zh": "数据审核正确：共 {n} 位客户，{column}合计 {total}，缺失 {missing} 个。",
        "en": "Audit correct: {n} customers, {column} adds up to {total}, {missing} missing.",
    },
    "checks.ok.step3": {
        "zh": "比重表正确：{n} 位客户已从高到低排序，比重和累计比重都对，最后累计到 100%。",
        "en": "Share table correct: {n} customers sorted high to low, shares and cumulative "
              "shares right, ending at 100 %.",
    },
    "checks.ok.step3.follow_through": {
        "zh": "比重表的做法正确：{n} 位客户已从高到低排序，比重和累计比重都是用你第 2 步的{column}合计 "
              "{got} 算的。这个合计不对（应为 {total}），已在第 2 步扣分，这里不重复扣分。",
        "en": "Share table method correct: {n} customers sorted high to low, shares and "
              "cumulative shares computed with your step-2 total {got} (of {column}). That total "
              "is wrong (it should be {total}) and was counted in step 2, not again here.",
    },
    "checks.ok.step4": {
        "zh": "分层正确（{scheme}）：{counts}。",
        "en": "Tiers correct ({scheme}): {counts}.",
    },
    "checks.ok.step5": {
        "zh": "分层图正确：{n} 位客户都在图上，要求的各部分都画对了。",
        "en": "Chart correct: all {n} customers are on it and every part asked for is right.",
    },
    "checks.ok.step5.follow_through": {
        "zh": "分层图与你自己的表格一致：{n} 位客户都在图上，要求的各部分都按你的表格画对了；"
              "{earlier}，这里不重复扣分。",
        "en": "Chart right for your own table: all {n} customers are on it and every part asked "
              "for follows your table; {earlier}, not again here.",
    },
    # what the answer is -----------------------------------------------------------------
    "checks.no_answer": {
        "zh": "还没有拿到你的答案（得到的是 None）",
        "en": "there is no answer yet (got None)",
    },
    "checks.no_answer.hint": {
        "zh": "先运行上面的代码单元格；检查变量是否已赋值，函数是否用 return 返回了表格。",
        "en": "run the cells above first; check that the variable is assigned and that your "
              "function returns the table.",
    },
    "checks.not_a_table": {
        "zh": "交上来的不是一张表格（DataFrame），而是 {got}",
        "en": "the answer is not a table (DataFrame) but a {got}",
    },
    "checks.not_a_table.hint": {
        "zh": "请把整张表（例如变量 t）交给检查，而不是其中一列或一个数字。",
        "en": "pass the whole table (e.g. the variable t), not one column or a number.",
    },
    "checks.empty_table": {
        "zh": "表格是空的，一行客户都没有",
        "en": "the table is empty: it has no customer rows",
    },
    "checks.empty_table.hint": {
        "zh": "检查筛选条件是否把所有客户都筛掉了，或是否读错了数据。",
        "en": "check whether a filter removed every customer, or whether the wrong data was read.",
    },
    "checks.missing_column": {
        "zh": "表格中找不到“{column}”这一列（现有的列：{columns}）",
        "en": "the table has no column '{column}' (columns found: {columns})",
    },
    "checks.missing_column.hint": {
        "zh": "请补上这一列，或把列名改成“{column}”。",
        "en": "add this column, or rename it to '{column}'.",
    },
    "checks.missing_customers": {
        "zh": "表格里少了 {count} 位客户：{customers}",
        "en": "{count} customer(s) are missing from the table: {customers}",
    },
    "checks.missing_customers.hint": {
        "zh": "全部 {n} 位客户都要出现在表中；检查是否用了 head()、筛选或删除了行。",
        "en": "all {n} customers must be in the table; check for head(), filters or deleted rows.",
    },
    "checks.extra_customers": {
        "zh": "表格里多出了 {count} 个不在客户资料中的客户：{customers}",
        "en": "the table has {count} customer(s) that are not in the customer data: {customers}",
    },
    "checks.extra_customers.hint": {
        "zh": "只保留资料中的 {n} 位客户；检查客户编号是否输错，或是否加了多余的行。",
        "en": "keep only the {n} customers of the data; check for mistyped ids or added rows.",
    },
    "checks.duplicate_customers": {
        "zh": "有客户在表中出现了不止一次：{customers}",
        "en": "some customers appear more than once: {customers}",
    },
    "checks.duplicate_customers.hint": {
        "zh": "每位客户只占一行；检查是否把表格拼接（concat）了两次。",
        "en": "one row per customer; check whether the table was joined (concat) twice.",
    },
    "checks.not_numbers": {
        "zh": "“{column}”列里客户 {customer} 的值“{got}”不是数字",
        "en": "in column '{column}', customer {customer} has '{got}', which is not a number",
    },
    "checks.not_numbers.hint": {
        "zh": "这一列只能是数字；计算时不要把数字转成带文字的字符串。",
        "en": "this column must hold numbers; do not turn them into text with words.",
    },
    "checks.blank_cells": {
        "zh": "“{column}”列有 {count} 个空格：客户 {customers}",
        "en": "column '{column}' has {count} blank cell(s): customers {customers}",
    },
    "checks.blank_cells.hint": {
        "zh": "每位客户都要有值；检查计算时各列的行是否对齐（例如排序后索引不一致）。",
        "en": "every customer needs a value; check that rows line up (e.g. index mismatch after "
              "sorting).",
    },
    "checks.could_not_check": {
        "zh": "这份答案无法自动检查（{error}）",
        "en": "this answer could not be checked automatically ({error})",
    },
    "checks.could_not_check.hint": {
        "zh": "请按作业要求的形式提交答案；如果确认没问题，请告诉老师。",
        "en": "hand in the answer in the form the task asks for; if you are sure it is right, "
              "tell your teacher.",
    },
    "checks.unknown_step": {
        "zh": "没有名为“{step}”的检查步骤",
        "en": "there is no check step called '{step}'",
    },
    "checks.unknown_step.hint": {
        "zh": "可用的步骤有：{steps}。",
        "en": "the steps are: {steps}.",
    },
    "checks.answer_too_big": {
        "zh": "交上来的 {got} 太大，自动检查读不了：{why}",
        "en": "the {got} handed in is too big to check: {why}",
    },
    "checks.answer_too_big.hint": {
        "zh": "只交作业要求的那张表、那个数或那张图，不要交整份原始数据或中间结果。",
        "en": "hand in only the table, number or chart the task asks for, not the whole raw "
              "data or intermediate results.",
    },
    "checks.answer_unreadable": {
        "zh": "无法读取你交上来的答案：{why}",
        "en": "your answer could not be read: {why}",
    },
    "checks.answer_unreadable.hint": {
        "zh": "请交普通的 DataFrame、数字或图（Axes），重新运行上面的单元格后再检查。",
        "en": "hand in a plain DataFrame, number or chart (Axes), rerun the cells above and "
              "check again.",
    },
    # step 2: audit ----------------------------------------------------------------------
    "checks.audit_no_answer": {
        "zh": "还没有填写{answer}",
        "en": "{answer} has not been given yet",
    },
    "checks.audit_no_answer.hint": {
        "zh": "请用代码算出这个数，并赋值给对应的变量。",
        "en": "compute this number with code and assign it to its variable.",
    },
    "checks.audit_not_number": {
        "zh": "{answer}应该是一个数字，你给的是 {got}",
        "en": "{answer} should be one number, but got {got}",
    },
    "checks.audit_not_number.hint": {
        "zh": "例如客户数用 len(df)，合计用 df[\"营业收入\"].sum()，结果是一个数而不是一列。",
        "en": "e.g. len(df) for the count, df[\"revenue\"].sum() for the total: one number, "
              "not a column.",
    },
    "checks.count_is_columns": {
        "zh": "客户数 {got} 其实是表格的列数",
        "en": "the customer count {got} is the number of columns",
    },
    "checks.count_is_columns.hint": {
        "zh": "每位客户是一行：用 len(df) 或 df.shape[0]（shape[1] 是列数）。",
        "en": "each customer is a row: use len(df) or df.shape[0] (shape[1] counts columns).",
    },
    "checks.count_skips_missing": {
        "zh": "客户数 {got} 漏掉了“{column}”为空的客户",
        "en": "the customer count {got} leaves out customers whose '{column}' is blank",
    },
    "checks.count_skips_missing.hint": {
        "zh": "count() 不数空格；数据不完整的客户也是客户，用 len(df) 数行数。",
        "en": "count() skips blanks; a customer with incomplete data is still a customer: "
              "use len(df).",
    },
    "checks.count_off_by_one": {
        "zh": "客户数 {got} 差了 1 位",
        "en": "the customer count {got} is off by one",
    },
    "checks.count_off_by_one.hint": {
        "zh": "表头不是客户，Excel 的行号也包括表头；用 len(df) 数客户行。",
        "en": "the header is not a customer, and Excel's row numbers include it; use len(df).",
    },
    "checks.wrong_count": {
        "zh": "客户数 {got} 不对",
        "en": "the customer count {got} is not right",
    },
    "checks.wrong_count.hint": {
        "zh": "每位客户占一行，用 len(df) 数一数表格有多少行。",
        "en": "each customer is one row; count the rows with len(df).",
    },
    "checks.total_is_mean": {
        "zh": "{column}合计 {got} 其实是平均值",
        "en": "the {column} total {got} is the average",
    },
    "checks.total_is_mean.hint": {
        "zh": "合计用 sum()，不是 mean()。",
        "en": "a total is sum(), not mean().",
    },
    "checks.total_of_wrong_column": {
        "zh": "合计 {got} 是“{used}”列的合计，不是“{column}”的",
        "en": "the total {got} adds up column '{used}', not '{column}'",
    },
    "checks.total_of_wrong_column.hint": {
        "zh": "选对列再求和：df[\"{column}\"].sum()。",
        "en": "sum the right column: df[\"{column}\"].sum().",
    },
    "checks.wrong_total": {
        "zh": "{column}合计 {got} 不对",
        "en": "the {column} total {got} is not right",
    },
    "checks.wrong_total.hint": {
        "zh": "用 df[\"{column}\"].sum() 把所有客户加起来，单位是万元，不要自己改动数据。",
        "en": "add up all customers with df[\"{column}\"].sum() (in 10k yuan), without editing "
              "the data.",
    },
    "checks.missing_counted_present": {
        "zh": "缺失值个数 {got} 数的是有值的格子，不是空格",
        "en": "the missing count {got} counts the filled cells, not the blank ones",
    },
    "checks.missing_counted_present.hint": {
        "zh": "用 df[\"{column}\"].isna().sum() 数空格；count() 数的是非空格子。",
        "en": "count blanks with df[\"{column}\"].isna().sum(); count() counts filled cells.",
    },
    "checks.wrong_missing": {
        "zh": "缺失值个数 {got} 不对",
        "en": "the number of missing values, {got}, is not right",
    },
    "checks.wrong_missing.hint": {
        "zh": "用 df[\"{column}\"].isna().sum() 数“{column}”列的空格"
              "（也可以数整张表：df.isna().sum().sum()）。",
        "en": "count the blanks of '{column}' with df[\"{column}\"].isna().sum() (or of the whole "
              "table: df.isna().sum().sum()).",
    },
    # step 3: share table ----------------------------------------------------------------
    "checks.values_changed": {
        "zh": "客户 {customer} 的{column}变成了 {got}，原始数据是 {expected}",
        "en": "customer {customer}'s {column} became {got}; the data says {expected}",
    },
    "checks.values_changed.hint": {
        "zh": "不要改动原始数据；排序时整行一起移动（df.sort_values），不要单独对某一列排序。",
        "en": "do not change the data; sort whole rows (df.sort_values), not one column alone.",
    },
    "checks.sorted_ascending": {
        "zh": "客户是按{column}从低到高（升序）排的",
        "en": "the customers are sorted by {column} from low to high (ascending)",
    },
    "checks.sorted_ascending.hint": {
        "zh": "ABC 分层要从大客户开始：sort_values(\"{column}\", ascending=False)。",
        "en": "ABC tiering starts from the biggest customer: sort_values(\"{column}\", "
              "ascending=False).",
    },
    "checks.not_sorted": {
        "zh": "表格没有按{column}从高到低排序（{how}）",
        "en": "the table is not sorted by {column} from high to low ({how})",
    },
    "checks.not_sorted.hint": {
        "zh": "先排序再计算累计：df.sort_values(\"{column}\", ascending=False)。",
        "en": "sort first, then accumulate: df.sort_values(\"{column}\", ascending=False).",
    },
    "checks.share_as_fraction": {
        "zh": "“{column}”写成了小数（{example}），而不是百分数",
        "en": "'{column}' written as fractions ({example}), not as percentages",
    },
    "checks.share_as_fraction.hint": {
        "zh": "比重 = 部分 ÷ 总体 × 100%，要再乘以 100，例如 0.37 应写成 37。",
        "en": "share = part ÷ total × 100 %: multiply by 100, e.g. 0.37 becomes 37.",
    },
    "checks.rounded_too_coarse": {
        "zh": "“{column}”四舍五入成了整数（{example}），误差太大",
        "en": "'{column}' rounded to whole numbers ({example}), which is too coarse",
    },
    "checks.rounded_too_coarse.hint": {
        "zh": "至少保留 1 位小数：round(..., 1)，或者干脆不取整，只在显示时取整。",
        "en": "keep at least one decimal: round(..., 1), or round only for display.",
    },
    "checks.wrong_denominator": {
        "zh": "“{column}”除错了数：你除以的是{used}",
        "en": "'{column}' divided by the wrong number: you divided by {used}",
    },
    "checks.wrong_denominator.hint": {
        "zh": "比重的分母是全部客户的合计 {total}：df[\"{value}\"] / df[\"{value}\"].sum() * 100。",
        "en": "the denominator of a share is the total of all customers, {total}: "
              "df[\"{value}\"] / df[\"{value}\"].sum() * 100.",
    },
    "checks.wrong_share": {
        "zh": "客户 {customer} 的{column}是 {got}，应该是 {expected}",
        "en": "customer {customer}'s {column} is {got}; it should be {expected}",
    },
    "checks.wrong_share.hint": {
        "zh": "比重 = 该客户的{value} ÷ 全部客户的{value}合计 × 100。",
        "en": "share = the customer's {value} ÷ the {value} of all customers × 100.",
    },
    "checks.cumulative_unsorted": {
        "zh": "“{column}”是在排序之前（或按别的顺序）累计的",
        "en": "'{column}' accumulated before sorting (or in another order)",
    },
    "checks.cumulative_unsorted.hint": {
        "zh": "先按{value}从高到低排序，再对排好序的表做 cumsum()。",
        "en": "sort by {value} from high to low first, then take cumsum() of the sorted table.",
    },
    "checks.not_accumulated": {
        "zh": "“{column}”没有累加，和每位客户自己的数一样",
        "en": "'{column}' not accumulated: equal to each customer's own number",
    },
    "checks.not_accumulated.hint": {
        "zh": "累计要把前面所有客户加起来：用 cumsum()。",
        "en": "a cumulative column adds up all customers so far: use cumsum().",
    },
    "checks.wrong_cumulative": {
        "zh": "第 {position} 行（客户 {customer}）的{column}是 {got}，应该是 {expected}",
        "en": "row {position} (customer {customer}): {column} is {got}; it should be {expected}",
    },
    "checks.wrong_cumulative.hint": {
        "zh": "累计值 = 从第一位客户加到这一位：对排好序的{value}用 cumsum()。",
        "en": "the running total adds up from the first customer to this one: cumsum() of the "
              "sorted {value}.",
    },
    "checks.rounding_before_cumsum": {
        "zh": "“{column}”是把取整后的比重再累加的，误差越积越大（最后一行是 {got}，不是 100）",
        "en": "'{column}' adds up shares that were already rounded, so errors pile up "
              "(the last row is {got}, not 100)",
    },
    "checks.rounding_before_cumsum.hint": {
        "zh": "先用未取整的数累计（累计{value} ÷ 合计 × 100），最后显示时再取整。",
        "en": "accumulate the unrounded numbers (cumulative {value} ÷ total × 100) and round "
              "only for display.",
    },
    "checks.cumulative_not_100": {
        "zh": "“{column}”最后一位客户是 {got}，没有到 100",
        "en": "'{column}' ends at {got} instead of 100",
    },
    "checks.cumulative_not_100.hint": {
        "zh": "所有客户加起来就是全部{value}，累计比重最后一定是 100；检查分母和累加。",
        "en": "all customers together make the whole {value}, so the last cumulative share "
              "is 100; check the denominator and the running total.",
    },
    "checks.wrong_cumulative_share": {
        "zh": "第 {position} 行（客户 {customer}）的{column}是 {got}，应该是 {expected}",
        "en": "row {position} (customer {customer}): {column} is {got}; it should be {expected}",
    },
    "checks.wrong_cumulative_share.hint": {
        "zh": "累计比重 = 累计{value} ÷ {value}合计 × 100。",
        "en": "cumulative share = cumulative {value} ÷ total {value} × 100.",
    },
    # step 4: tiers ----------------------------------------------------------------------
    "checks.unknown_labels": {
        "zh": "“{column}”列里有不认识的类别：{found}（本题的类别是 {expected}）",
        "en": "column '{column}' has unknown classes: {found} (the classes here are {expected})",
    },
    "checks.unknown_labels.hint": {
        "zh": "只用这几个类别名称，例如 A、B、C。",
        "en": "use only these class names, e.g. A, B, C.",
    },
    "checks.labels_reversed": {
        "zh": "类别颠倒了：大客户被分成了 {bottom} 类，小客户成了 {top} 类",
        "en": "the classes are upside down: the biggest customers got {bottom}, the smallest {top}",
    },
    "checks.labels_reversed.hint": {
        "zh": "{top} 类是贡献最大的重点客户，从排在最前面的客户开始分。",
        "en": "class {top} are the key customers with the largest share: start from the top.",
    },
    "checks.boundary_rule": {
        "zh": "跨过分界线的客户分错了：客户 {customer} 你分为 {got} 类，应为 {expected} 类。"
              "你用的规则是“{used}”",
        "en": "a customer crossing a cut-off is in the wrong class: customer {customer} is "
              "{got}, should be {expected}. You used \"{used}\"",
    },
    "checks.boundary_rule.hint": {
        "zh": "本题要求“{required}”：对照分界点 {cuts}（%）看每位客户自己的累计比重。",
        "en": "this task requires \"{required}\": compare each customer's own cumulative share "
              "with the cut-offs {cuts} (%).",
    },
    "checks.tie_rule": {
        "zh": "并列客户 {customers}（{column}都是 {value}）被你分为 {classes}，"
              "用的是“{used}”",
        "en": "tied customers {customers} (all with {column} {value}) are classed {classes}: "
              "you used \"{used}\"",
    },
    "checks.tie_rule.hint": {
        "zh": "本题的并列规则是“{required}”。",
        "en": "this task's tie rule is \"{required}\".",
    },
    "checks.tiers_unsorted": {
        "zh": "分层用的累计比重是没有排序时算出来的（第 3 步的问题：先累计、后排序）",
        "en": "the tiers come from a cumulative share computed before sorting (a step-3 "
              "problem: accumulated first, sorted afterwards)",
    },
    "checks.tiers_unsorted.hint": {
        "zh": "回到第 3 步：先按{column}从高到低排序，再计算累计比重，然后分层。",
        "en": "go back to step 3: sort by {column} from high to low, then compute the cumulative "
              "share, then tier.",
    },
    "checks.tiers_from_wrong_table": {
        "zh": "类别是按第 3 步算错的{column}分的：{cause}",
        "en": "the classes come from a {column} computed wrongly in step 3: {cause}",
    },
    "checks.tiers_from_wrong_table.hint": {
        "zh": "回到第 3 步改正：{fix}然后用改好的累计比重重新分层。",
        "en": "go back to step 3: {fix} Then tier by the corrected cumulative share.",
    },
    "checks.wrong_cuts": {
        "zh": "分界点用错了：你的分层相当于分界点 {used}，本题是 {required}",
        "en": "wrong cut-offs: your classes match cut-offs {used}; this task uses {required}",
    },
    "checks.wrong_cuts.hint": {
        "zh": "按本题方案分层：{scheme}。",
        "en": "tier by this task's scheme: {scheme}.",
    },
    "checks.wrong_scheme": {
        "zh": "分层方法用错了：你的结果相当于“{used}”",
        "en": "wrong tiering method: your classes match \"{used}\"",
    },
    "checks.wrong_scheme.hint": {
        "zh": "本题要求“{required}”，请重新读一下任务里的分层方法。",
        "en": "this task requires \"{required}\"; re-read the method in the task.",
    },
    "checks.wrong_tiers": {
        "zh": "客户 {customer} 你分为 {got} 类，应为 {expected} 类",
        "en": "customer {customer} is class {got}; it should be {expected}",
    },
    "checks.wrong_tiers.hint": {
        "zh": "本题的分层方法是：{scheme}；逐个对照每位客户的累计比重。",
        "en": "this task tiers {scheme}; check each customer's cumulative share against it.",
    },
    # step 5: chart ----------------------------------------------------------------------
    "checks.chart_not_returned": {
        "zh": "没有拿到你的图（得到的是 None）",
        "en": "the chart was not handed in (got None)",
    },
    "checks.chart_not_returned.hint": {
        "zh": "画图代码最后写上 ax（或 return ax / fig），不要交 plt.show() 的结果。",
        "en": "end the chart code with ax (or return ax / fig); plt.show() returns nothing.",
    },
    "checks.not_a_chart": {
        "zh": "交上来的不是图（Axes 或 Figure），而是 {got}",
        "en": "the answer is not a chart (Axes or Figure) but a {got}",
    },
    "checks.not_a_chart.hint": {
        "zh": "用 fig, ax = plt.subplots() 画图，最后交 ax。",
        "en": "draw with fig, ax = plt.subplots() and hand in ax.",
    },
    "checks.chart_empty": {
        "zh": "图是空的，上面没有柱形也没有折线",
        "en": "the chart is empty: no bars and no line",
    },
    "checks.chart_empty.hint": {
        "zh": "在交上来的同一个 ax 上画图（ax.bar、ax.plot），不要另开新图。",
        "en": "draw on the same ax you hand in (ax.bar, ax.plot), not on a new figure.",
    },
    "checks.chart_no_bars": {
        "zh": "图中没有柱形{parts}",
        "en": "the chart has no bars{parts}",
    },
    "checks.chart_no_bars.hint": {
        "zh": "用 ax.bar 画出每位客户的{column}（从高到低）。",
        "en": "draw each customer's {column} with ax.bar (high to low).",
    },
    "checks.chart_bar_count": {
        "zh": "图中有 {got} 根柱子，但有 {n} 位客户{parts}",
        "en": "the chart has {got} bars but there are {n} customers{parts}",
    },
    "checks.chart_bar_count.hint": {
        "zh": "每位客户一根柱子：用完整的排序后表格画图。",
        "en": "one bar per customer: draw from the whole sorted table.",
    },
    "checks.chart_unsorted": {
        "zh": "图中的{part}没有按{column}从高到低排列{parts}",
        "en": "the {part} of the chart are not in order of {column} from high to low{parts}",
    },
    "checks.chart_unsorted.hint": {
        "zh": "用排好序的表格画图；横坐标用位置 range(len(t)) 或文字标签 "
              "t[\"客户\"].astype(str)——用数字编号作横坐标，matplotlib 会按编号大小重新排列。",
        "en": "draw from the sorted table; use positions range(len(t)) or text labels "
              "t[\"customer\"].astype(str) on the x axis — numeric ids get re-ordered by value.",
    },
    "checks.chart_cumulative_unsorted": {
        "zh": "图中的累计比重折线是排序之前累计出来的（第 3 步的问题：先累计、后排序）{parts}",
        "en": "the cumulative line of the chart was accumulated before sorting (a step-3 "
              "problem: accumulated first, sorted afterwards){parts}",
    },
    "checks.chart_cumulative_unsorted.hint": {
        "zh": "问题不在画图：回到第 3 步，先按{column}从高到低排序，再计算累计比重；"
              "然后用改好的表格重新画图。",
        "en": "the chart is not the cause: go back to step 3, sort by {column} from high to low, "
              "then compute the cumulative share; then draw from the corrected table.",
    },
    "checks.chart_cumulative_unsorted.title": {
        "zh": "折线在排序前累计", "en": "line accumulated before sorting",
    },
    "checks.chart_bar_heights": {
        "zh": "第 {position} 根柱子高 {got}，应为 {expected}（{column}）{parts}",
        "en": "bar {position} is {got} high; it should be {expected} ({column}){parts}",
    },
    "checks.chart_bar_heights.hint": {
        "zh": "柱形画的是每位客户自己的{column}（或比重），不是累计值。",
        "en": "bars show each customer's own {column} (or share), not running totals.",
    },
    "checks.chart_no_line": {
        "zh": "图中没有累计比重折线（需要一条经过全部 {n} 位客户的折线）{parts}",
        "en": "there is no cumulative-share line (one point for each of the {n} "
              "customers){parts}",
    },
    "checks.chart_no_line.hint": {
        "zh": "加上折线：ax2 = ax.twinx(); ax2.plot(x, t[\"累计比重(%)\"], marker=\"o\")。",
        "en": "add the line: ax2 = ax.twinx(); ax2.plot(x, t[\"cumulative share (%)\"], "
              "marker=\"o\").",
    },
    "checks.chart_line_fraction": {
        "zh": "累计比重折线画成了 0–1 的小数（最后是 {got}），而不是 0–100%{parts}",
        "en": "the cumulative line is drawn as a fraction 0–1 (ending at {got}), not "
              "0–100 %{parts}",
    },
    "checks.chart_line_fraction.hint": {
        "zh": "画百分数（乘以 100），或者给这条坐标轴设置 PercentFormatter(1)。",
        "en": "plot percentages (× 100), or give that axis PercentFormatter(1).",
    },
    "checks.chart_line_not_100": {
        "zh": "累计比重折线最后停在 {got}，没有到 100%{parts}",
        "en": "the cumulative line ends at {got}, not at 100 %{parts}",
    },
    "checks.chart_line_not_100.hint": {
        "zh": "检查累计比重的计算：分母应是全部客户的合计，最后一位客户累计到 100%。",
        "en": "check the cumulative share: divide by the total of all customers, so the last "
              "customer reaches 100 %.",
    },
    "checks.chart_line_running_total": {
        "zh": "折线画的是累计{column}（最后是 {got}），不是累计比重(%){parts}",
        "en": "the line shows the cumulative {column} (ending at {got}), not the cumulative "
              "share (%){parts}",
    },
    "checks.chart_line_running_total.hint": {
        "zh": "折线要画“累计比重(%)”这一列（最后一位客户是 100%），"
              "放在右侧纵轴 ax2 = ax.twinx() 上。",
        "en": "draw the cumulative share (%) column (100 % at the last customer) on a right-hand "
              "axis, ax2 = ax.twinx().",
    },
    "checks.chart_line_wrong": {
        "zh": "累计比重折线的第 {position} 个点是 {got}，应为 {expected}{parts}",
        "en": "point {position} of the cumulative line is {got}; it should be "
              "{expected}{parts}",
    },
    "checks.chart_line_wrong.hint": {
        "zh": "用排好序的表格中的累计比重(%)画折线。",
        "en": "draw the line from the cumulative share (%) of the sorted table.",
    },
    "checks.chart_line_same_axis": {
        "zh": "累计比重折线和营业收入柱形共用一根纵轴，100% 会被读成 100 万元{parts}",
        "en": "the cumulative line shares the value axis with the bars, so 100 % reads as 100 "
              "(10k yuan){parts}",
    },
    "checks.chart_line_same_axis.hint": {
        "zh": "给折线单独一根右侧纵轴：ax2 = ax.twinx()，再用 ax2.plot 画折线。",
        "en": "give the line its own right-hand axis: ax2 = ax.twinx(), then ax2.plot.",
    },
    "checks.chart_line_shifted": {
        "zh": "累计比重折线的点和柱子没有对齐（错开了位置）{parts}",
        "en": "the points of the cumulative line do not line up with the bars{parts}",
    },
    "checks.chart_line_shifted.hint": {
        "zh": "柱形和折线用同一组横坐标，例如都用 x = range(len(t))。",
        "en": "use the same x positions for bars and line, e.g. x = range(len(t)) for both.",
    },
    "checks.chart_line_axis_range": {
        "zh": "累计比重的纵轴只显示 {low} 到 {high}，看不出从 0 到 100% 的全貌{parts}",
        "en": "the cumulative-share axis only shows {low} to {high}, not the whole "
              "0–100 %{parts}",
    },
    "checks.chart_line_axis_range.hint": {
        "zh": "让这根纵轴从 0 开始并包含 100%：ax2.set_ylim(0, {top})"
              "（只有一根纵轴时用 ax.set_ylim）。",
        "en": "make that axis start at 0 and include 100 %: ax2.set_ylim(0, {top}) "
              "(ax.set_ylim when there is only one axis).",
    },
    "checks.chart_missing_labels": {
        "zh": "图还缺少：{missing}{parts}",
        "en": "the chart is missing: {missing}{parts}",
    },
    "checks.chart_missing_labels.hint": {
        "zh": "用 ax.set_title(...)、ax.set_xlabel(...)、ax.set_ylabel(...) 补上"
              "（双轴图的右轴用 ax2.set_ylabel）。",
        "en": "add them with ax.set_title(...), ax.set_xlabel(...), ax.set_ylabel(...) "
              "(ax2.set_ylabel for the right-hand axis).",
    },
    "checks.chart_no_classes": {
        "zh": "图上看不到客户的类别（{labels}）{parts}",
        "en": "the classes of the customers ({labels}) are not shown on the chart{parts}",
    },
    "checks.chart_no_classes.hint": {
        "zh": "在横轴标签里写上类别，例如 ax.set_xticks(x, [f\"{{k}}\\n{{c}}\" for k, c in "
              "zip(t[\"客户\"], t[\"类别\"])])；也可以在每根柱子上方写类别，"
              "或按类别给柱子着色并加图例。",
        "en": "put the class in the x tick labels, e.g. ax.set_xticks(x, [f\"{{k}}\\n{{c}}\" "
              "for k, c in zip(t[\"customer\"], t[\"class\"])]); or write it above each bar, "
              "or colour the bars by class and add a legend.",
    },
    "checks.chart_wrong_classes": {
        "zh": "图上从左数第 {position} 位客户标成了 {got} 类，应为 {expected} 类{parts}",
        "en": "customer {position} from the left is labelled class {got}; it should be "
              "{expected}{parts}",
    },
    "checks.chart_wrong_classes.hint": {
        "zh": "横轴标签要和分层表中的类别一致：用分层后的表格画图。",
        "en": "the labels must match the classes of your tiered table: draw from that table.",
    },
    "checks.chart_classes_no_legend": {
        "zh": "柱子按类别（{labels}）着了色，但没有图例说明哪种颜色是哪一类{parts}",
        "en": "the bars are coloured by class ({labels}), but no legend says which colour is "
              "which class{parts}",
    },
    "checks.chart_classes_no_legend.hint": {
        "zh": "加上图例：from matplotlib.patches import Patch；"
              "ax.legend(handles=[Patch(color=颜色, label=\"A类\"), ...])，"
              "或每一类单独 ax.bar(..., label=\"A类\") 后调用 ax.legend()。",
        "en": "add a legend: from matplotlib.patches import Patch; "
              "ax.legend(handles=[Patch(color=colour, label=\"A\"), ...]), or draw each class "
              "with its own ax.bar(..., label=\"A\") and call ax.legend().",
    },
    "checks.chart_not_from_table": {
        "zh": "图中的{part}和你自己的分层表对不上：表中的客户已按{column}从高到低排好，"
              "图却是按另一种顺序画的{parts}",
        "en": "the {part} of the chart do not follow your own tiered table: the table is sorted "
              "by {column} from high to low, but the chart is drawn in another order{parts}",
    },
    "checks.chart_not_from_table.hint": {
        "zh": "你的表格没有问题，问题出在画图：按这张分层表的行序画图，横坐标用 range(len(表格)) "
              "或 表格[\"客户\"].astype(str)（用数字编号作横坐标，matplotlib 会按编号大小重新排列），"
              "不要用原始数据 df 或重新排过序的副本。",
        "en": "your table is fine; the chart is not: draw in that tiered table's row order, with "
              "x = range(len(table)) or table[\"customer\"].astype(str) (numeric ids as x get "
              "re-ordered by value), not from the raw data df or a re-sorted copy.",
    },
    "checks.chart_line_percent_scale": {
        "zh": "累计比重纵轴的百分比刻度和折线不配套：最后一位客户在这根轴上读作 {got}%，"
              "不是 100%{parts}",
        "en": "the percent scale of the cumulative axis does not match the line: the last "
              "customer reads {got} % on it, not 100 %{parts}",
    },
    "checks.chart_line_percent_scale.hint": {
        "zh": "PercentFormatter(xmax) 的 xmax 要等于折线上代表 100% 的数：画 0–100 的百分数用 "
              "PercentFormatter(100)，画 0–1 的小数用 PercentFormatter(1)，"
              "画累计{value}用 PercentFormatter({total})。",
        "en": "the xmax of PercentFormatter(xmax) must be the line value that means 100 %: "
              "PercentFormatter(100) for percentages 0–100, PercentFormatter(1) for fractions "
              "0–1, PercentFormatter({total}) for the cumulative {value}.",
    },
    # teacher-side errors (raised, not verdicts) ------------------------------------------
    "checks.trusted_not_table": {
        "zh": "评分用的客户数据必须是 DataFrame，而不是 {got}。",
        "en": "the grader's customer data must be a DataFrame, not {got}.",
    },
    "checks.scheme_not_scheme": {
        "zh": "分层方案必须是 Scheme(...) 或字典，而不是 {got}。",
        "en": "the tiering scheme must be a Scheme(...) or a dict, not {got}.",
    },
    "checks.chart_weights": {
        "zh": "分层图各部分的分值设置不对：{got}。请用字典给出 {parts} 的分值（不小于 0 的数），"
              "并且至少有一个要评分的部分分值大于 0。",
        "en": "the points of the chart's parts are not valid: {got}. Give a dict of points "
              "(numbers ≥ 0) for {parts}, with at least one part to be judged above 0.",
    },
    # phrases used inside messages ------------------------------------------------------
    "checks.too_big.rows": {"zh": "有 {size} 行，最多能读 {max} 行",
                            "en": "it has {size} rows, at most {max} can be read"},
    "checks.too_big.columns": {"zh": "有 {size} 列，最多能读 {max} 列",
                               "en": "it has {size} columns, at most {max} can be read"},
    "checks.too_big.items": {"zh": "有 {size} 项，最多能读 {max} 项",
                             "en": "it has {size} items, at most {max} can be read"},
    "checks.too_big.text": {"zh": "一段文字有 {size} 个字，最多能读 {max} 个",
                            "en": "a text has {size} characters, at most {max} can be read"},
    "checks.too_big.depth": {"zh": "列表或字典套了超过 {max} 层",
                             "en": "lists or dicts are nested more than {max} deep"},
    "checks.too_big.bytes": {"zh": "数据超过了 {max} 字节",
                             "en": "its data is over {max} bytes"},
    "checks.unreadable.error": {"zh": "读取这个 {got} 时出错了", "en": "reading the {got} failed"},
    "checks.unreadable.cycle": {"zh": "这个 {got} 里包含了它自己",
                                "en": "the {got} contains itself"},
    "checks.unreadable.malformed": {"zh": "送到评分程序的数据格式不对",
                                    "en": "the data sent to the grader is malformed"},
    "checks.column.share": {"zh": "比重(%)", "en": "share (%)"},
    "checks.column.cumulative": {"zh": "累计{value}", "en": "cumulative {value}"},
    "checks.column.cumulative_share": {"zh": "累计比重(%)", "en": "cumulative share (%)"},
    "checks.column.tier": {"zh": "类别", "en": "class"},
    "checks.order.data": {"zh": "还是原始数据的顺序", "en": "still in the data's original order"},
    "checks.order.other": {"zh": "顺序是乱的", "en": "in no particular order"},
    "checks.example": {"zh": "例如写的是 {got}，应为 {expected}",
                       "en": "e.g. {got} where {expected} is expected"},
    "checks.denominator.running": {"zh": "每一行的累计值（应除以总合计）",
                                   "en": "each row's running total (instead of the overall total)"},
    "checks.denominator.fraction": {"zh": "合计 {value}，但没有乘以 100",
                                    "en": "the total {value}, without multiplying by 100"},
    "checks.denominator.max": {"zh": "最大的一个值 {value}", "en": "the largest value, {value}"},
    "checks.denominator.count": {"zh": "客户数 {value}", "en": "the number of customers, {value}"},
    "checks.denominator.mean": {"zh": "平均值 {value}", "en": "the average, {value}"},
    "checks.denominator.partial": {"zh": "一部分客户的合计 {value}（不是全部 {n} 位客户的合计）",
                                   "en": "the total of only some customers, {value} "
                                         "(not of all {n})"},
    "checks.denominator.other": {"zh": "{value}（不是全部客户的合计）",
                                 "en": "{value} (not the total of all customers)"},
    "checks.rule.boundary.le": {"zh": "自身累计比重 ≤ 分界点才算上一类（le）",
                                "en": "upper class only if its own cumulative share ≤ the "
                                      "cut-off (le)"},
    "checks.rule.boundary.lt": {"zh": "自身累计比重 < 分界点才算上一类（lt）",
                                "en": "upper class only if its own cumulative share < the "
                                      "cut-off (lt)"},
    "checks.rule.boundary.cross": {"zh": "跨过分界点的那位客户仍算上一类（cross）",
                                   "en": "the customer that crosses the cut-off still counts as "
                                         "upper class (cross)"},
    "checks.rule.ties.same": {"zh": "数值相同的客户归入同一类，取较高的一类（same）",
                              "en": "customers with equal values share the higher class (same)"},
    "checks.rule.ties.order": {"zh": "严格按排序位置分类，并列客户也可能分开（order）",
                               "en": "strictly by sorted position, so tied customers may be "
                                     "split (order)"},
    "checks.scheme.cumulative": {"zh": "按累计比重分层，分界点 {cuts}（%）",
                                 "en": "by cumulative share, cut-offs {cuts} (%)"},
    "checks.scheme.rank": {"zh": "按客户数排名分层，前 {cuts}（%）的客户",
                           "en": "by rank, top {cuts} (%) of customers"},
    "checks.scheme.count": {"zh": "按名次分层，前 {cuts} 名",
                            "en": "by rank, top {cuts} customers"},
    "checks.scheme.value": {"zh": "按数值分层，分界值 {cuts}", "en": "by value, thresholds {cuts}"},
    "checks.tier_count": {"zh": "{label} 类 {count} 位", "en": "class {label}: {count}"},
    "checks.follow_through.step4": {
        "zh": "对照你自己的比重表：{scheme}；{earlier}，这里不重复扣分",
        "en": "judged on your own share table: {scheme}; {earlier}, not again here",
    },
    "checks.earlier.step3": {"zh": "表中的问题（{mistake}）已在第 3 步扣分",
                             "en": "its mistake ({mistake}) was counted in step 3"},
    "checks.earlier.total": {"zh": "表中的比重除以的是你第 2 步的合计 {got}（应为 {total}），"
                                   "这个错误已在第 2 步扣分",
                             "en": "its shares divide by your step-2 total {got} (it should be "
                                   "{total}), which was counted in step 2"},
    "checks.earlier.step4": {"zh": "表中类别的问题已在第 4 步扣分",
                             "en": "the mistake in its classes was counted in step 4"},
    "checks.answer.n_customers": {"zh": "客户数", "en": "the number of customers"},
    "checks.answer.total": {"zh": "营业收入合计", "en": "the total"},
    "checks.answer.n_missing": {"zh": "缺失值个数", "en": "the number of missing values"},
    "checks.chart_part.bars": {"zh": "柱形", "en": "bars"},
    "checks.chart_part.line": {"zh": "累计比重折线", "en": "points of the cumulative line"},
    "checks.chart_part.title": {"zh": "标题", "en": "a title"},
    "checks.chart_part.xlabel": {"zh": "横轴名称", "en": "an x-axis label"},
    "checks.chart_part.ylabel_bars": {"zh": "柱形纵轴的名称", "en": "a label on the bars' y axis"},
    "checks.chart_part.ylabel_line": {"zh": "累计比重纵轴的名称",
                                      "en": "a label on the cumulative-share axis"},
    "checks.chart_parts.bars": {"zh": "柱形", "en": "bars"},
    "checks.chart_parts.line": {"zh": "累计比重折线", "en": "cumulative line"},
    "checks.chart_parts.classes": {"zh": "类别标记", "en": "class codes"},
    "checks.chart_parts.labels": {"zh": "标题和坐标轴名称", "en": "title and axis labels"},
    "checks.chart_parts.followed": {"zh": "{part}（与你自己的表格一致）",
                                    "en": "{part} (as in your own table)"},
    "checks.chart_parts.some": {"zh": "。已正确：{right}；需要修改：{wrong}",
                                "en": ". Right: {right}; to fix: {wrong}"},
    "checks.chart_parts.none": {"zh": "。需要修改：{wrong}", "en": ". To fix: {wrong}"},
    "checks.mark.passed": {"zh": "【正确】", "en": "[Right]"},
    "checks.mark.partial": {"zh": "【部分正确】", "en": "[Partly right]"},
    "checks.mark.failed": {"zh": "【需要修改】", "en": "[Needs work]"},
    "checks.hardcoded": {
        "zh": "换一份同样格式的数据后，你的答案一点没变：这一步的结果像是手工写进代码的，而不是算出来的",
        "en": "with another dataset of the same shape your answer did not change at all: this "
              "step's result looks typed into the code rather than computed",
    },
    "checks.hardcoded.hint": {
        "zh": "用代码从 DATA_FILE 读取的数据计算结果（例如 df[\"营业收入\"].sum()、sort_values、cumsum），"
              "不要把看到的数字直接写进去；数据变了，答案也要跟着变。",
        "en": "compute the result from the data read from DATA_FILE (e.g. df[\"营业收入\"].sum(), "
              "sort_values, cumsum) instead of typing in the numbers you saw: when the data change, "
              "the answer must change too.",
    },
}
