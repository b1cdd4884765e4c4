"""Messages of the customer-retention assignment (巩固老客户), zh first.

``retention.X`` says what is wrong, ``retention.X.hint`` how to fix it;
``retention.ok.stepN`` praises a right step; the data keys explain a bad order file.
"""

MESSAGES = {
    # the order records ----------------------------------------------------------------
    "retention.no_orders": {
        "zh": "表中没有订单（只有表头或完全为空）。",
        "en": "the table has no orders (only a header, or nothing at all).",
    },
    "retention.blank_customer": {
        "zh": "客户编号是空的。每笔订单都要写明是哪位客户的，否则它的金额会从客户数据库中消失。",
        "en": "the customer id is blank. Every order must name its customer, or its amount "
              "drops out of the customer database.",
    },
    "retention.blank_date": {
        "zh": "下单日期是空的。请填写日期，如 2025-03-04。",
        "en": "the order date is blank. Enter a date such as 2025-03-04.",
    },
    "retention.not_a_date": {
        "zh": "“{value}”不是日期。请写成 2025-03-04、2025/3/4 或 2025年3月4日，或使用 Excel 的日期格式。",
        "en": "'{value}' is not a date. Write it as 2025-03-04, 2025/3/4 or 2025年3月4日, or use "
              "an Excel date cell.",
    },
    "retention.negative_amount": {
        "zh": "金额“{value}”是负数。营业收入和成本都应是 0 或正数；退款请单独记录。",
        "en": "the amount '{value}' is negative. Revenue and cost must be 0 or more; record "
              "refunds separately.",
    },
    "retention.blank_order_date": {
        "zh": "第 {position} 笔订单的“{column}”是空的。请填写日期，如 2025-03-04。",
        "en": "order {position} has a blank '{column}'. Enter a date such as 2025-03-04.",
    },
    "retention.bad_order_date": {
        "zh": "第 {position} 笔订单的“{column}”是“{value}”，不是日期。请写成 2025-03-04 这样的日期。",
        "en": "order {position} has '{column}' = '{value}', which is not a date. Write a date "
              "such as 2025-03-04.",
    },
    "retention.zero_total_profit": {
        "zh": "全部客户的“{column}”合计为 0，无法计算贡献率（除数为 0）。",
        "en": "the '{column}' of all customers adds up to 0, so there is no contribution ratio "
              "(division by 0).",
    },
    "retention.bad_review_date": {
        "zh": "检查日“{value}”不是日期。请写成 \"2025-12-31\" 这样的日期。",
        "en": "the review date '{value}' is not a date. Write it like \"2025-12-31\".",
    },
    "retention.settings": {
        "zh": "本次作业的设置：VIP 金字塔按“{rank_by}”排名，分界 {cuts}（{by}），层级：{labels}。\n"
              "生命周期：检查日 {as_of}；近期和前期各 {window_days} 天；近期订单数 ≤ 前期 × {drop} "
              "为反复期；{idle_days} 天或更久没有下单为衰退期。",
        "en": "Settings of this assignment: the VIP pyramid ranks by '{rank_by}', cuts {cuts} "
              "({by}), tiers: {labels}.\nLifecycle: review date {as_of}; recent and previous "
              "periods of {window_days} days each; recent orders ≤ previous × {drop} is 反复期 "
              "(repeating); no order for {idle_days} days or more is 衰退期 (declining).",
    },
    "retention.by.rank": {"zh": "按客户数的百分比", "en": "by percent of customers"},
    "retention.by.count": {"zh": "按名次", "en": "by rank count"},
    # right answers --------------------------------------------------------------------
    "retention.ok.step1": {
        "zh": "客户数据库正确：{n} 位客户各一行，财务数据都对，概况、地址和行为资料都带上了。",
        "en": "Customer database correct: one row for each of the {n} customers, the financial "
              "data right, profile, address and behaviour columns carried over.",
    },
    "retention.ok.step2": {
        "zh": "比率正确：每位客户的毛利率和贡献率、每种业务的毛利率都对。",
        "en": "Ratios correct: each customer's gross-margin rate and contribution ratio, and "
              "each service line's margin.",
    },
    "retention.ok.step3": {
        "zh": "VIP 金字塔正确（{labels}），各层的客户数和销售额比重也对。",
        "en": "VIP pyramid correct ({labels}), and so are each tier's customers and share of "
              "sales.",
    },
    "retention.ok.step4": {
        "zh": "生命周期信号正确：{repeating} 位客户处于反复期，{declining} 位处于衰退期。",
        "en": "Lifecycle signals correct: {repeating} customers repeating (反复期), {declining} "
              "declining (衰退期).",
    },
    "retention.ok.step5": {
        "zh": "投诉分析正确：帕累托图的柱形从多到少、累计线到 100%，VIP 客户的投诉也找全了。",
        "en": "Complaint analysis correct: the Pareto bars run from most to fewest, the "
              "cumulative line reaches 100 %, and every VIP complaint is found.",
    },
    # the answer as a whole ------------------------------------------------------------
    "retention.no_answer": {
        "zh": "还没有拿到 {name}（得到的是 None）",
        "en": "there is no {name} yet (got None)",
    },
    "retention.no_answer.hint": {
        "zh": "先运行上面的代码单元格，确认 {name} 已经赋值。",
        "en": "run the cells above first and make sure {name} is assigned.",
    },
    "retention.not_a_table": {
        "zh": "{name} 不是一张表格（DataFrame），而是 {got}",
        "en": "{name} is not a table (DataFrame) but a {got}",
    },
    "retention.not_a_table.hint": {
        "zh": "请把整张表赋给 {name}，而不是一列或一个数字。",
        "en": "assign the whole table to {name}, not one column or a number.",
    },
    "retention.empty_table": {
        "zh": "{name} 是空表，一行都没有",
        "en": "{name} is empty: it has no rows",
    },
    "retention.empty_table.hint": {
        "zh": "检查筛选条件是否把所有行都筛掉了。",
        "en": "check whether a filter removed every row.",
    },
    "retention.missing_column": {
        "zh": "{name} 中找不到“{column}”这一列",
        "en": "{name} has no column '{column}'",
    },
    "retention.missing_column.hint": {
        "zh": "请补上这一列，或把列名改成“{column}”（可以带单位，如“{column}(元)”）。",
        "en": "add this column, or name it '{column}' (a unit may follow, e.g. '{column}(元)').",
    },
    "retention.repeated_rows": {
        "zh": "{name} 中有重复的行：{keys}",
        "en": "{name} has repeated rows: {keys}",
    },
    "retention.repeated_rows.hint": {
        "zh": "每位客户（或每种业务、每个层级）只能有一行：用 groupby 汇总，而不是逐笔列出。",
        "en": "each customer (or line, or tier) gets one row: sum up with groupby rather than "
              "listing every order.",
    },
    "retention.missing_rows": {
        "zh": "{name} 少了 {n} 行：{keys}",
        "en": "{name} lacks {n} rows: {keys}",
    },
    "retention.missing_rows.hint": {
        "zh": "不要删掉或筛掉客户：订单记录里出现的每位客户（每种业务）都要有一行。",
        "en": "do not drop or filter out any: every customer (service line) in the orders "
              "needs a row.",
    },
    "retention.extra_rows": {
        "zh": "{name} 多了 {n} 行订单记录里没有的：{keys}",
        "en": "{name} has {n} rows that are not in the orders: {keys}",
    },
    "retention.extra_rows.hint": {
        "zh": "检查是否把合计行、空行或别的数据放进了表里。",
        "en": "check for a total row, blank rows or other data in the table.",
    },
    "retention.not_numbers": {
        "zh": "{name} 的“{column}”列在“{key}”这一行不是数字",
        "en": "column '{column}' of {name} is not a number in row '{key}'",
    },
    "retention.not_numbers.hint": {
        "zh": "这一列只放数字；要显示百分号或单位，请在显示时再格式化。",
        "en": "keep only numbers in this column; add % signs or units only when displaying.",
    },
    "retention.not_dates": {
        "zh": "{name} 的“{column}”列在“{key}”这一行不是日期",
        "en": "column '{column}' of {name} is not a date in row '{key}'",
    },
    "retention.not_dates.hint": {
        "zh": "用 pd.to_datetime 把下单日期变成日期，再取最早（min）和最晚（max）。",
        "en": "turn the order dates into dates with pd.to_datetime, then take the earliest "
              "(min) and latest (max).",
    },
    # step 1 ------------------------------------------------------------------------------
    "retention.orders_wrong": {
        "zh": "订单数不对：{keys}",
        "en": "the number of orders is wrong for: {keys}",
    },
    "retention.orders_wrong.hint": {
        "zh": "订单数是每位客户的订单行数：groupby(\"客户编号\") 后用 count 或 size。",
        "en": "the number of orders is each customer's count of order rows: groupby(\"客户编号\") "
              "then count or size.",
    },
    "retention.revenue_wrong": {
        "zh": "营业收入合计不对：{keys}",
        "en": "the total revenue is wrong for: {keys}",
    },
    "retention.revenue_wrong.hint": {
        "zh": "把每位客户所有订单的营业收入加起来（sum），不要只取一笔。",
        "en": "add up the revenue of all of a customer's orders (sum), not just one order.",
    },
    "retention.first_date_wrong": {
        "zh": "首次下单日期不对：{keys}",
        "en": "the first order date is wrong for: {keys}",
    },
    "retention.first_date_wrong.hint": {
        "zh": "首次下单日期是该客户最早的下单日期：对日期取 min。",
        "en": "the first order date is the customer's earliest order date: take the min of the "
              "dates.",
    },
    "retention.last_date_is_first": {
        "zh": "最近下单日期和首次下单日期完全一样，最近一次下单被算成了第一次下单",
        "en": "the last order date equals the first order date: the last order was taken from "
              "the first",
    },
    "retention.last_date_is_first.hint": {
        "zh": "最近下单日期是该客户最晚的下单日期：对日期取 max，而不是再取一次 min 或 first。",
        "en": "the last order date is the customer's latest order date: take the max of the "
              "dates, not min or first again.",
    },
    "retention.last_date_wrong": {
        "zh": "最近下单日期不对：{keys}",
        "en": "the last order date is wrong for: {keys}",
    },
    "retention.last_date_wrong.hint": {
        "zh": "最近下单日期是该客户自己的订单中最晚的日期：按客户分组后对日期取 max。",
        "en": "the last order date is the latest date among the customer's own orders: group by "
              "customer, then take the max date.",
    },
    "retention.average_per_customer": {
        "zh": "平均订单金额除以的是客户数，而不是这位客户的订单数",
        "en": "the average order value was divided by the number of customers, not by the "
              "customer's orders",
    },
    "retention.average_per_customer.hint": {
        "zh": "平均订单金额 = 这位客户的营业收入合计 ÷ 这位客户的订单数（不是 ÷ len(表)）。",
        "en": "average order value = the customer's total revenue ÷ the customer's number of "
              "orders (not ÷ len(table)).",
    },
    "retention.average_wrong": {
        "zh": "平均订单金额不对：{keys}",
        "en": "the average order value is wrong for: {keys}",
    },
    "retention.average_wrong.hint": {
        "zh": "平均订单金额 = 营业收入合计 ÷ 订单数，每位客户分别计算。",
        "en": "average order value = total revenue ÷ number of orders, for each customer.",
    },
    "retention.profit_wrong": {
        "zh": "毛利不对：{keys}",
        "en": "the gross profit is wrong for: {keys}",
    },
    "retention.profit_wrong.hint": {
        "zh": "毛利 = 营业收入合计 − 成本合计，每位客户分别计算。",
        "en": "gross profit = total revenue − total cost, for each customer.",
    },
    "retention.carried_missing": {
        "zh": "客户资料没有带过来：缺少 {columns}",
        "en": "customer data not carried over: {columns} missing",
    },
    "retention.carried_missing.hint": {
        "zh": "客户数据库要有四类资料：把订单中的概况、地址和行为列（如客户名称、区域、下单渠道）"
              "按客户带过来，例如 groupby 后对这些列取 first 或 last。",
        "en": "a customer database holds four kinds of data: carry the profile, address and "
              "behaviour columns (name, region, channel …) over per customer, e.g. first or "
              "last after groupby.",
    },
    "retention.carried_wrong": {
        "zh": "“{column}”列的内容和订单中的不一致：{keys}",
        "en": "column '{column}' does not match the orders for: {keys}",
    },
    "retention.carried_wrong.hint": {
        "zh": "直接从该客户自己的订单中取这一列的值，不要手工填写。",
        "en": "take the value from the customer's own orders; do not type it in.",
    },
    # step 2 ------------------------------------------------------------------------------
    "retention.margin_on_cost": {
        "zh": "毛利率除以的是成本，而不是营业收入",
        "en": "the gross-margin rate was divided by cost instead of revenue",
    },
    "retention.margin_on_cost.hint": {
        "zh": "毛利率 = 毛利 ÷ 营业收入 × 100%；毛利 ÷ 成本是成本利润率，是另一个指标。",
        "en": "gross-margin rate = gross profit ÷ revenue × 100 %; profit ÷ cost is a mark-up, "
              "a different measure.",
    },
    "retention.margin_wrong": {
        "zh": "客户的毛利率不对",
        "en": "the customers' gross-margin rates are wrong",
    },
    "retention.margin_wrong.hint": {
        "zh": "每位客户：毛利率 = 毛利 ÷ 营业收入 × 100。",
        "en": "for each customer: gross-margin rate = gross profit ÷ revenue × 100.",
    },
    "retention.contribution_from_revenue": {
        "zh": "贡献率是用营业收入算的，这其实是收入比重",
        "en": "the contribution ratio was computed from revenue: that is the revenue share",
    },
    "retention.contribution_from_revenue.hint": {
        "zh": "贡献率 = 该客户的毛利 ÷ 全部客户的毛利合计 × 100：公司留下的是毛利，收入大、毛利薄的"
              "客户贡献并没有那么大。",
        "en": "contribution ratio = the customer's gross profit ÷ all customers' gross profit × "
              "100: the company keeps the profit, and a big customer with a thin margin "
              "contributes less than its revenue suggests.",
    },
    "retention.contribution_wrong": {
        "zh": "贡献率不对",
        "en": "the contribution ratios are wrong",
    },
    "retention.contribution_wrong.hint": {
        "zh": "贡献率 = 该客户的毛利 ÷ 全部客户的毛利合计 × 100，全部客户加起来是 100。",
        "en": "contribution ratio = the customer's gross profit ÷ all customers' gross profit × "
              "100; all customers add up to 100.",
    },
    "retention.line_margin_averaged": {
        "zh": "业务的毛利率是把每笔订单的毛利率直接平均得到的",
        "en": "each service line's margin is a plain average of the orders' margins",
    },
    "retention.line_margin_averaged.hint": {
        "zh": "先按业务类型把营业收入和毛利分别加总，再相除：大订单和小订单的分量不一样。",
        "en": "sum revenue and gross profit per service line first, then divide: big and small "
              "orders do not weigh the same.",
    },
    "retention.line_margin_wrong": {
        "zh": "这些业务的毛利率不对：{lines}",
        "en": "the margin is wrong for these service lines: {lines}",
    },
    "retention.line_margin_wrong.hint": {
        "zh": "按“业务类型”分组，毛利率 = 毛利合计 ÷ 营业收入合计 × 100。",
        "en": "group by '业务类型': margin = total gross profit ÷ total revenue × 100.",
    },
    # step 3 ------------------------------------------------------------------------------
    "retention.unknown_tier_label": {
        "zh": "层级名称“{label}”不是设置中的层级（{labels}）",
        "en": "the tier '{label}' is not one of the tiers set ({labels})",
    },
    "retention.unknown_tier_label.hint": {
        "zh": "层级名称请照教师设置中的写法：{labels}。",
        "en": "name the tiers as the teacher settings do: {labels}.",
    },
    "retention.ranked_by_revenue": {
        "zh": "客户是按营业收入排名的，但设置要求按毛利排名",
        "en": "customers were ranked by revenue, but the settings rank by gross profit",
    },
    "retention.ranked_by_revenue.hint": {
        "zh": "按“毛利”从高到低排序后再分层：公司看重的是留下来的利润。",
        "en": "sort by '毛利' (gross profit) from high to low before tiering: what the company "
              "keeps is the profit.",
    },
    "retention.ranked_by_profit": {
        "zh": "客户是按毛利排名的，但设置要求按营业收入（购买金额）排名",
        "en": "customers were ranked by gross profit, but the settings rank by revenue",
    },
    "retention.ranked_by_profit.hint": {
        "zh": "按“营业收入”从高到低排序后再分层。",
        "en": "sort by '营业收入' (revenue) from high to low before tiering.",
    },
    "retention.tiers_cumulative": {
        "zh": "层级是累计划分的：上一层的客户又被算进了下一层",
        "en": "the tiers were counted cumulatively: customers of a higher tier were counted "
              "again in the next",
    },
    "retention.tiers_cumulative.hint": {
        "zh": "主要客户 = 前 5% 减去 VIP 客户，普通客户 = 前 20% 减去 VIP 和主要客户：每位客户只属于"
              "一层（用 if … elif … else）。",
        "en": "major = top 5 % minus the VIPs, ordinary = top 20 % minus those above: each "
              "customer is in one tier only (use if … elif … else).",
    },
    "retention.tier_rounding": {
        "zh": "各层人数的取整方式不对",
        "en": "the head counts of the tiers are rounded the wrong way",
    },
    "retention.tier_rounding.hint": {
        "zh": "设置中的取整方式是“{rounding}”：ceil 为向上取整（1.2 人 → 2 人），floor 为向下取整。",
        "en": "the settings round with '{rounding}': ceil rounds up (1.2 customers → 2), floor "
              "rounds down.",
    },
    "retention.tiers_wrong": {
        "zh": "{n} 位客户的层级不对：{keys}",
        "en": "{n} customers are in the wrong tier: {keys}",
    },
    "retention.tiers_wrong.hint": {
        "zh": "先按设置的指标从高到低排序，再按名次分层：前 1% 为 VIP，前 5% 中其余的为主要客户，"
              "依此类推（人数向上取整）。",
        "en": "sort by the indicator set, high to low, then tier by place: the top 1 % are VIP, "
              "the rest of the top 5 % major, and so on (head counts rounded up).",
    },
    "retention.tier_count_wrong": {
        "zh": "各层的客户数不对",
        "en": "the number of customers per tier is wrong",
    },
    "retention.tier_count_wrong.hint": {
        "zh": "按层级分组数一数客户（groupby(层级).size()），每一层都要列出。",
        "en": "count the customers per tier (groupby(tier).size()), listing every tier.",
    },
    "retention.share_of_profit": {
        "zh": "各层的比重是按毛利算的，题目要的是销售额（营业收入）比重",
        "en": "the tiers' shares were computed from gross profit; the task asks for the share "
              "of sales (revenue)",
    },
    "retention.share_of_profit.hint": {
        "zh": "营业收入比重 = 该层的营业收入合计 ÷ 全部营业收入 × 100，再和“VIP 约占 70%～80%”比较。",
        "en": "share of sales = the tier's revenue ÷ all revenue × 100; then compare it with "
              "'VIP ≈ 70–80 %'.",
    },
    "retention.tier_share_wrong": {
        "zh": "各层的营业收入比重不对",
        "en": "the tiers' shares of sales are wrong",
    },
    "retention.tier_share_wrong.hint": {
        "zh": "营业收入比重 = 该层客户的营业收入合计 ÷ 全部客户的营业收入 × 100，各层加起来是 100。",
        "en": "share of sales = the tier's revenue ÷ all customers' revenue × 100; the tiers add "
              "up to 100.",
    },
    # step 4 ------------------------------------------------------------------------------
    "retention.threshold_comparison": {
        "zh": "正好落在分界线上的客户判断错了（比较符号用错了）",
        "en": "customers exactly on a threshold were judged wrongly (the wrong comparison)",
    },
    "retention.threshold_comparison.hint": {
        "zh": "{idle_days} 天或更久没有下单（≥，不是 >）为衰退期；近期订单数 ≤ 前期 × {drop}"
              "（≤，不是 <）为反复期。",
        "en": "no order for {idle_days} days or more (≥, not >) is 衰退期; recent orders ≤ "
              "previous × {drop} (≤, not <) is 反复期.",
    },
    "retention.stage_order": {
        "zh": "既在衰退又在下降的客户被标成了反复期",
        "en": "customers both declining and falling were marked 反复期 (repeating)",
    },
    "retention.stage_order.hint": {
        "zh": "先判断衰退期：已经衰退的客户就不再算反复期（或者先标反复期、再用衰退期覆盖）。",
        "en": "decide 衰退期 first: a declining customer is not also repeating (or mark 反复期 "
              "first and let 衰退期 overwrite it).",
    },
    "retention.idle_from_first_order": {
        "zh": "未下单天数是从首次下单日期算的",
        "en": "the days without an order were counted from the first order date",
    },
    "retention.idle_from_first_order.hint": {
        "zh": "未下单天数 = 检查日 − 最近下单日期：看的是客户最近还有没有业务。",
        "en": "days without an order = review date − last order date: what matters is whether "
              "the customer still does business.",
    },
    "retention.declining_wrong": {
        "zh": "{n} 位客户的衰退期判断不对：{keys}",
        "en": "{n} customers are wrongly judged 衰退期 (declining) or not: {keys}",
    },
    "retention.declining_wrong.hint": {
        "zh": "对每位客户算 检查日 − 最近下单日期 的天数，和设置中的天数比较。",
        "en": "for each customer compute review date − last order date in days and compare it "
              "with the days set.",
    },
    "retention.repeating_wrong": {
        "zh": "{n} 位客户的反复期判断不对：{keys}",
        "en": "{n} customers are wrongly judged 反复期 (repeating) or not: {keys}",
    },
    "retention.repeating_wrong.hint": {
        "zh": "数清近期（检查日前 N 天内）和前期（再往前 N 天）的订单数：近期不超过前期 × 比例，"
              "且前期有订单，才是反复期。",
        "en": "count the orders of the recent period (the N days up to the review date) and of "
              "the previous N days: repeating when recent ≤ previous × ratio and previous > 0.",
    },
    # step 5 ------------------------------------------------------------------------------
    "retention.not_a_chart": {
        "zh": "ax 不是一张图（matplotlib 的 Axes），而是 {got}",
        "en": "ax is not a chart (a matplotlib Axes) but a {got}",
    },
    "retention.not_a_chart.hint": {
        "zh": "用 fig, ax = plt.subplots() 画图，并保留变量 ax。",
        "en": "draw with fig, ax = plt.subplots() and keep the variable ax.",
    },
    "retention.pareto_no_bars": {
        "zh": "图上没有柱形",
        "en": "the chart has no bars",
    },
    "retention.pareto_no_bars.hint": {
        "zh": "用 ax.bar(投诉原因, 次数) 画出每种投诉原因的次数。",
        "en": "draw each cause's count with ax.bar(causes, counts).",
    },
    "retention.pareto_bars_count": {
        "zh": "图上有 {n} 根柱子，投诉原因却有 {causes} 种",
        "en": "the chart has {n} bars for {causes} complaint causes",
    },
    "retention.pareto_bars_count.hint": {
        "zh": "每种投诉原因一根柱子；没有投诉的订单（空白）不要算作一种原因。",
        "en": "one bar per cause; orders without a complaint (blank) are not a cause.",
    },
    "retention.pareto_labels": {
        "zh": "柱子下面的名称和投诉原因对不上（应为：{causes}）",
        "en": "the names under the bars do not match the causes (expected: {causes})",
    },
    "retention.pareto_labels.hint": {
        "zh": "把投诉原因写在横轴上：ax.bar(原因列表, 次数) 会自动写上。",
        "en": "put the causes on the x axis: ax.bar(list_of_causes, counts) writes them.",
    },
    "retention.pareto_counts_wrong": {
        "zh": "柱子的高度和各原因的投诉次数不一致",
        "en": "the bar heights do not match the complaint counts",
    },
    "retention.pareto_counts_wrong.hint": {
        "zh": "先数一数每种原因的投诉次数：value_counts()。",
        "en": "count each cause first: value_counts().",
    },
    "retention.pareto_unsorted": {
        "zh": "柱形没有按投诉次数从多到少排列",
        "en": "the bars are not sorted from most to fewest complaints",
    },
    "retention.pareto_unsorted.hint": {
        "zh": "帕累托图要从多到少排：sort_values(ascending=False) 后再画，才看得出哪几种原因最要紧。",
        "en": "a Pareto chart runs from most to fewest: sort_values(ascending=False) before "
              "drawing, so the vital few causes stand out.",
    },
    "retention.pareto_no_line": {
        "zh": "图上没有累计百分比折线",
        "en": "the chart has no cumulative percentage line",
    },
    "retention.pareto_no_line.hint": {
        "zh": "用 ax2 = ax.twinx() 在右侧画出累计百分比：cumsum() ÷ 合计 × 100。",
        "en": "draw the cumulative percentage on ax2 = ax.twinx(): cumsum() ÷ total × 100.",
    },
    "retention.pareto_line_wrong": {
        "zh": "折线不是柱形的累计百分比（应按柱子的顺序累计，最后到 100%）",
        "en": "the line is not the cumulative percentage of the bars (accumulate in bar order, "
              "ending at 100 %)",
    },
    "retention.pareto_line_wrong.hint": {
        "zh": "按柱子的顺序：累计次数 ÷ 投诉总数 × 100，一根柱子一个点。",
        "en": "in bar order: running count ÷ all complaints × 100, one point per bar.",
    },
    "retention.vip_includes_no_complaint": {
        "zh": "vip_complaints 中有没有投诉的订单",
        "en": "vip_complaints holds orders without a complaint",
    },
    "retention.vip_includes_no_complaint.hint": {
        "zh": "只留下“投诉原因”不是空白的订单：notna()。",
        "en": "keep only orders whose complaint cause is not blank: notna().",
    },
    "retention.vip_not_filtered": {
        "zh": "vip_complaints 中还有非 VIP 客户的投诉",
        "en": "vip_complaints also holds complaints of customers who are not VIP",
    },
    "retention.vip_not_filtered.hint": {
        "zh": "再按层级筛选：只留下第 3 步中层级为 VIP 的客户的投诉（isin）。",
        "en": "filter by tier as well: keep the complaints of the customers that step 3 made VIP "
              "(isin).",
    },
    "retention.vip_missing": {
        "zh": "vip_complaints 少了 {n} 笔 VIP 客户的投诉",
        "en": "vip_complaints lacks {n} complaints of VIP customers",
    },
    "retention.vip_missing.hint": {
        "zh": "每位 VIP 客户的所有投诉订单都要列出，一笔都不能漏：它们要最先处理。",
        "en": "list every complaint order of every VIP customer: they are handled first.",
    },
}
