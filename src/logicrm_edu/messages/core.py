"""Messages of the tiering library: data reading, locations, tiering schemes."""

MESSAGES = {
    # where an error is ------------------------------------------------------
    "where.file": {"zh": "文件“{file}”", "en": "file '{file}'"},
    "where.sheet": {"zh": "工作表“{sheet}”", "en": "sheet '{sheet}'"},
    "where.row": {"zh": "第 {row} 行", "en": "row {row}"},
    "where.column": {"zh": "“{column}”列", "en": "column '{column}'"},
    "where.sep": {"zh": "，", "en": ", "},
    "where.colon": {"zh": "：", "en": ": "},
    # reading customer data --------------------------------------------------
    "data.not_found": {
        "zh": "找不到这个文件，请检查文件名和所在文件夹。",
        "en": "the file does not exist; check its name and folder.",
    },
    "data.unsupported_format": {
        "zh": "不支持“{suffix}”格式，请另存为 .xlsx 或 .csv 文件。",
        "en": "'{suffix}' files are not supported; save the data as .xlsx or .csv.",
    },
    "data.unreadable": {
        "zh": "文件无法读取（可能已损坏，或不是真正的 Excel/CSV 文件）：{reason}",
        "en": "the file cannot be read (damaged, or not really an Excel/CSV file): {reason}",
    },
    "data.no_sheet": {
        "zh": "没有名为“{sheet}”的工作表；现有工作表：{sheets}。",
        "en": "there is no sheet named '{sheet}'; the sheets are: {sheets}.",
    },
    "data.empty": {
        "zh": "表中没有客户数据（只有表头或完全为空）。",
        "en": "the table has no customer rows (only a header, or nothing at all).",
    },
    "data.missing_column": {
        "zh": "缺少“{column}”列。现有的列：{columns}。请把表头改成“{column}”（或对应的英文名）。",
        "en": "the column '{column}' is missing. Columns found: {columns}. "
              "Rename the header to '{column}' (or its English name).",
    },
    "data.blank_id": {
        "zh": "客户编号为空。每位客户都需要一个编号。",
        "en": "the customer id is blank. Every customer needs an id.",
    },
    "data.duplicate_id": {
        "zh": "客户编号“{value}”重复（第 {first_row} 行已出现）。请合并或改正重复的客户。",
        "en": "customer id '{value}' appears twice (first at row {first_row}). "
              "Merge or correct the duplicate.",
    },
    "data.missing_value": {
        "zh": "数值为空。请填写数字（没有业务请填 0）。",
        "en": "the value is missing. Enter a number (0 if there was no business).",
    },
    "data.not_number": {
        "zh": "“{value}”不是数字。请只填写数字，不要带单位或文字。",
        "en": "'{value}' is not a number. Enter digits only, without units or words.",
    },
    "data.negative": {
        "zh": "数值 {value} 是负数。{column}不能为负，请核对。",
        "en": "the value {value} is negative. {column} cannot be negative; please check it.",
    },
    "data.unknown_unit": {
        "zh": "不认识的金额单位“{unit}”，只能是“万元”或“元”。",
        "en": "unknown money unit '{unit}'; use 万元 (10k yuan) or 元 (yuan).",
    },
    "data.bad_value_in_table": {
        "zh": "第 {position} 位客户“{customer}”的{column}是“{value}”，不是非负数字。",
        "en": "customer '{customer}' (position {position}) has {column} = '{value}', "
              "which is not a non-negative number.",
    },
    "data.blank_group_in_table": {
        "zh": "第 {position} 位客户“{customer}”的{column}是空的，这位客户不会算进任何一组，"
              "各组的比重也就不对了。请填写{column}。",
        "en": "customer '{customer}' (position {position}) has a blank {column}, so it would "
              "be left out of every group and the shares would be wrong. Fill in the {column}.",
    },
    "data.missing_value_in_table": {
        "zh": "第 {position} 位客户“{customer}”的{column}是空的。请填写数字（没有业务请填 0）。",
        "en": "customer '{customer}' (position {position}) has a blank {column}. "
              "Enter a number (0 if there was no business).",
    },
    "data.not_number_in_table": {
        "zh": "第 {position} 位客户“{customer}”的{column}是“{value}”，不是数字。"
              "请只填写数字，不要带单位或文字。",
        "en": "customer '{customer}' (position {position}) has {column} = '{value}', "
              "which is not a number. Enter digits only, without units or words.",
    },
    "data.blank_transaction_customer": {
        "zh": "第 {position} 笔交易的{column}是空的，不知道是哪位客户的，这笔交易会被漏算。"
              "请填写{column}。",
        "en": "transaction {position} has a blank {column}, so it belongs to no customer and "
              "would be left out. Fill in the {column}.",
    },
    "data.missing_transaction_value": {
        "zh": "第 {position} 笔交易（客户“{customer}”）的{column}是空的。"
              "请填写数字（没有金额请填 0）。",
        "en": "transaction {position} (customer '{customer}') has a blank {column}. "
              "Enter a number (0 if there was no amount).",
    },
    "data.transaction_not_number": {
        "zh": "第 {position} 笔交易（客户“{customer}”）的{column}是“{value}”，不是数字。"
              "请只填写数字，不要带单位或文字。",
        "en": "transaction {position} (customer '{customer}') has {column} = '{value}', "
              "which is not a number. Enter digits only, without units or words.",
    },
    "data.zero_total": {
        "zh": "所有客户的{column}合计为 0，无法计算比重。",
        "en": "the {column} of all customers adds up to 0, so shares cannot be computed.",
    },
    "data.unknown_dataset": {
        "zh": "没有名为“{name}”的数据集；可用的有：{names}。",
        "en": "there is no dataset named '{name}'; available: {names}.",
    },
    # tiering schemes ---------------------------------------------------------
    "scheme.unknown_option": {
        "zh": "{option}=“{given}”无效，只能是：{allowed}。",
        "en": "{option}='{given}' is not valid; use one of: {allowed}.",
    },
    "scheme.no_cuts": {
        "zh": "至少需要一个分界点（例如 cuts=(80, 95)）。",
        "en": "give at least one cut-off (for example cuts=(80, 95)).",
    },
    "scheme.cuts_not_numbers": {
        "zh": "分界点 {cuts} 必须都是数字。",
        "en": "the cut-offs {cuts} must all be numbers.",
    },
    "scheme.cuts_order": {
        "zh": "分界点 {cuts} 必须从小到大排列且不重复，例如 (80, 95)。",
        "en": "the cut-offs {cuts} must increase without repeats, e.g. (80, 95).",
    },
    "scheme.cuts_order_value": {
        "zh": "按数值分层时，分界点 {cuts} 必须从大到小排列，例如 (500, 100)。",
        "en": "when tiering by value the cut-offs {cuts} must decrease, e.g. (500, 100).",
    },
    "scheme.cuts_range": {
        "zh": "百分比分界点 {cuts} 必须大于 0 且不超过 100。",
        "en": "percentage cut-offs {cuts} must be above 0 and at most 100.",
    },
    "scheme.cuts_count": {
        "zh": "按客户数分层时，分界点 {cuts} 必须是正整数（前 N 名）。",
        "en": "when tiering by count the cut-offs {cuts} must be positive whole numbers (top N).",
    },
    "scheme.labels": {
        "zh": "类别名称有 {n_labels} 个，但分界点分出 {n_tiers} 层；名称个数要等于层数且不能重复。",
        "en": "{n_labels} labels were given for {n_tiers} tiers; give one distinct label per tier.",
    },
    "scheme.not_sorted": {
        "zh": "表格没有按“{column}”从高到低排序。请先用 share_table 计算并排序。",
        "en": "the table is not sorted by '{column}' from high to low; run share_table first.",
    },
    "scheme.not_tiered": {
        "zh": "这张表还没有分层。请先调用 tier_customers。",
        "en": "this table has not been tiered yet; call tier_customers first.",
    },
    "scheme.no_value_column": {
        "zh": "找不到指标列（如“营业收入”）。现有的列：{columns}。请用 value= 指定。",
        "en": "no indicator column (such as 'revenue') found among: {columns}. Pass value=.",
    },
    # charts -------------------------------------------------------------------
    "fonts.missing": {
        "zh": "没有找到中文字体，图中的中文会显示成方框。Linux 请安装 fonts-noto-cjk；"
              "Windows/macOS 自带的微软雅黑 / 苹方即可。",
        "en": "No Chinese font found; Chinese text in charts would show as boxes. On Linux "
              "install fonts-noto-cjk; Windows and macOS fonts (Microsoft YaHei, PingFang) work.",
    },
    "chart.pareto_title": {"zh": "客户ABC分层图", "en": "ABC customer tiering chart"},
    "chart.value_axis": {"zh": "{value}（万元）", "en": "{value} (10k yuan)"},
    "chart.customer_axis": {"zh": "客户（按{value}从高到低排序）",
                            "en": "customers (sorted by {value}, high to low)"},
    "chart.cumulative_axis": {"zh": "累计比重(%)", "en": "cumulative share (%)"},
    "chart.cumulative_line": {"zh": "累计比重", "en": "cumulative share"},
    "chart.tier_legend": {"zh": "{tier} 类客户", "en": "class {tier}"},
    "chart.tier_axis": {"zh": "客户类别", "en": "customer class"},
    "chart.tier_title": {"zh": "各类客户：客户数比重与价值比重",
                         "en": "Share of customers vs share of value per class"},
    # strategies ---------------------------------------------------------------
    "strategy.unknown_label": {
        "zh": "没有“{label}”类客户的策略。认识的类别有：{known}。",
        "en": "no strategies for class '{label}'. Known classes: {known}.",
    },
    "strategy.goal": {"zh": "目标：{goal}", "en": "Goal: {goal}"},
    # tiering report -------------------------------------------------------------
    "report.heading": {"zh": "客户ABC分层（表 3-8，分界点 {cuts}）",
                       "en": "ABC customer tiering (table 3-8, cut-offs {cuts})"},
    "report.wrote": {"zh": "已写入：{path}", "en": "written: {path}"},
    "report.table_sheet": {"zh": "表3-8", "en": "table 3-8"},
    "report.summary_sheet": {"zh": "分层汇总", "en": "summary"},
    "report.tie_note": {
        "zh": "注意：客户 {customers} 的数值相同（{value}），严格按顺序会分别归入 {order} 类；"
              "按 ties=\"same\" 规则（并列客户归入较高的一类）它们都是 {given} 类。"
              "用 ties=\"order\" 可改为严格按顺序。",
        "en": "Note: customers {customers} have the same value ({value}); strict order would put "
              "them in classes {order}. Under ties=\"same\" (tied customers share the higher "
              "class) they are all class {given}. Use ties=\"order\" for strict order.",
    },
    # lesson explorer ----------------------------------------------------------
    "explorer.indicator": {"zh": "分类指标", "en": "Indicator"},
    "explorer.by": {"zh": "分层方法", "en": "Scheme"},
    "explorer.by_cumulative": {"zh": "按累计比重", "en": "cumulative share"},
    "explorer.by_rank": {"zh": "按客户数比例", "en": "share of customers"},
    "explorer.cut_a": {"zh": "A/B 分界(%)", "en": "A/B cut (%)"},
    "explorer.cut_b": {"zh": "B/C 分界(%)", "en": "B/C cut (%)"},
    "explorer.boundary": {"zh": "边界规则", "en": "Boundary"},
    "explorer.ties": {"zh": "并列规则", "en": "Ties"},
    "explorer.cuts_order": {"zh": "A/B 分界必须小于 B/C 分界。", "en": "The A/B cut must be below the B/C cut."},
}
