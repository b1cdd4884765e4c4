"""Messages of teacher_files: reading a teacher's spreadsheet (customer files, rosters)
and the cut-offs of ``logicrm tier`` (see the package docstring)."""
from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # what a file really is ---------------------------------------------------------------
    "sheet.xls": {
        "zh": "这是旧版 Excel 文件（.xls 格式），无法直接读取。请在 Excel 或 WPS 中打开它，"
              "选“另存为”→“Excel 工作簿 (*.xlsx)”，再用新文件。",
        "en": "this is an old Excel file (.xls format), which cannot be read. Open it in Excel "
              "or WPS, choose Save As → Excel Workbook (*.xlsx), and use the new file.",
    },
    "sheet.pdf": {
        "zh": "这是一个 PDF 文件（只是扩展名改成了“{suffix}”），里面的表格无法读取。"
              "请使用原来的 Excel 文件，或把表格复制到 Excel 后另存为 .xlsx。",
        "en": "this is a PDF file (only renamed to '{suffix}'); its tables cannot be read. Use "
              "the original Excel file, or copy the table into Excel and save it as .xlsx.",
    },
    "sheet.zip": {
        "zh": "这是一个压缩包（zip），不是 Excel 工作簿。请先解压，再选择其中的 .xlsx 或 .csv 文件。",
        "en": "this is a zip archive, not an Excel workbook. Unzip it first and use the .xlsx "
              "or .csv file inside.",
    },
    "sheet.damaged": {
        "zh": "文件无法读取：它不是完整的 Excel 工作簿（可能已损坏或下载不完整）。"
              "请在 Excel 或 WPS 中打开它并另存为 .xlsx，或重新导出。",
        "en": "the file cannot be read: it is not a complete Excel workbook (damaged or only "
              "partly downloaded). Open it in Excel or WPS and save it as .xlsx, or export it again.",
    },
    "sheet.unsupported": {
        "zh": "不支持“{suffix}”格式，请另存为 .xlsx 或 .csv 文件。",
        "en": "'{suffix}' files are not supported; save the data as .xlsx or .csv.",
    },
    # rows worth a word --------------------------------------------------------------------
    "sheet.hidden_rows": {
        "zh": "第 {rows} 行在 Excel 中是隐藏的（或被筛选掉了），已和其他行一样读入。"
              "如果不要这些行，请在文件中删除它们。",
        "en": "row(s) {rows} hidden in Excel (or filtered out) were read like the "
              "other rows. Delete them from the file if they should not count.",
    },
    "data.total_row": {
        "zh": "这是合计行（“{label}”），不是客户，已略去。",
        "en": "this is a total row ('{label}'), not a customer; it was left out.",
    },
    "data.total_mismatch": {
        "zh": "合计行的数值 {value} 与上面各客户之和 {sum} 不一致，请核对是否漏了客户或多填了数。",
        "en": "the total row says {value} but the customers above it add up to {sum}; check "
              "whether a customer is missing or a value is wrong.",
    },
    "data.rows_after_total": {
        "zh": "合计行下面还有第 {rows} 行，已当作客户读入。如果它们不是客户，请删除这些行。",
        "en": "row(s) {rows} below the total row were read as customers. Delete them if they "
              "are not customers.",
    },
    # rosters ---------------------------------------------------------------------------------
    "rubric.roster.empty": {
        "zh": "花名册里没有学生（只有表头或完全为空）。请每位学生填一行：学号、姓名、班级、小组。",
        "en": "the roster has no students (only a header, or nothing at all). Enter one row per "
              "student: id, name, class, group.",
    },
    "rubric.roster.total_row": {
        "zh": "这是合计行（“{label}”），不是学生，已略去。",
        "en": "this is a total row ('{label}'), not a student; it was left out.",
    },
    # cut-offs ---------------------------------------------------------------------------------
    "scheme.cuts_fractions": {
        "zh": "分界点 {given} 都不大于 1，已按比例理解为 {percent}（单位 %）。"
              "以后可以直接写 {percent}。",
        "en": "the cut-offs {given} are all at most 1, so they were read as fractions: "
              "{percent} (in %). You can write {percent} directly.",
    },
    "scheme.cuts_mixed": {
        "zh": "分界点 {given} 混用了比例（小于 1）和百分数（大于 1），无法确定你的意思。"
              "请统一写成百分数，例如 80 95；或统一写成比例，例如 0.8 0.95。",
        "en": "the cut-offs {given} mix fractions (below 1) and percentages (above 1), so "
              "their meaning is unclear. Write them all as percentages, e.g. 80 95, or all "
              "as fractions, e.g. 0.8 0.95.",
    },
    "scheme.tiers_changed": {
        "zh": "这张表的类别和分层规则算出的不一致（行被删除、筛选或改过）。"
              "请对完整的表重新调用 tier_customers。",
        "en": "the classes in this table no longer match its tiering rule (rows were removed, "
              "filtered or edited); call tier_customers again on the whole table.",
    },
}
