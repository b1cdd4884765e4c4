"""Messages of the class report (``logicrm report``): what a class got wrong, zh first.

``class_report.title.X`` is a short name for the mistake ``checks.X``, written for
the teacher: the mistake's own message quotes one student's facts through its
fields, and its hint is a fix with code, so neither works as a label on a chart
or in a spreadsheet column.  ``class_report.field.*`` stand in for a hint's
fields when the hint is shown for a whole class
(:func:`logicrm_edu.class_report.labels.generic_hint`).
"""

MESSAGES = {
    # the command -------------------------------------------------------------------------
    "cli.report.help": {
        "zh": "全班错误分析 ASSIGNMENT：各班各步骤的通过率、常见错误和下节课要讲的内容"
              "（report.xlsx 和 report.html，需先运行 autograde）。",
        "en": "What the class got wrong in ASSIGNMENT: pass rates per step and class, frequent "
              "mistakes and what to review next lesson (report.xlsx and report.html; run "
              "autograde first).",
    },
    "cli.report.opt_out": {"zh": "输出文件夹（默认：课程文件夹下的 reports/ASSIGNMENT）。",
                           "en": "Output folder (default: reports/ASSIGNMENT in the course folder)."},
    "cli.report.nothing": {
        "zh": "{assignment} 还没有评分记录（{folder} 中没有文件）。请先运行 logicrm autograde {assignment}。",
        "en": "{assignment} has no grading records yet (nothing in {folder}); run logicrm "
              "autograde {assignment} first.",
    },
    "cli.report.summary": {
        "zh": "{assignment}：已评分 {graded} 人，未交 {missing} 人，评分记录无法读取 {unreadable} 份。",
        "en": "{assignment}: {graded} graded, {missing} not handed in, {unreadable} grading "
              "record(s) unreadable.",
    },
    "cli.report.pass_rates": {"zh": "各步骤通过率：{rates}", "en": "pass rate per step: {rates}"},
    "cli.report.review": {"zh": "下节课要讲：{mistakes}", "en": "to review next lesson: {mistakes}"},
    "cli.report.mistake": {"zh": "{mistake}（{count} 人）", "en": "{mistake} ({count})"},
    "cli.report.no_mistakes": {"zh": "没有发现错误。", "en": "no mistakes found."},
    "cli.report.typed_in": {"zh": "手填答案（没有跟着数据变）：{count} 人，见 report.html。",
                            "en": "typed-in answers (not following the data): {count} student(s), "
                                  "see report.html."},
    # names and labels --------------------------------------------------------------------
    "class_report.heading": {"zh": "{assignment} 全班错误分析", "en": "{assignment}: what the class got wrong"},
    "class_report.step": {"zh": "第 {n} 步", "en": "step {n}"},
    "class_report.step_points": {"zh": "{step}（{points} 分）", "en": "{step} ({points} pt)"},
    "class_report.course": {"zh": "全部", "en": "all"},
    "class_report.no_class": {"zh": "（未分班）", "en": "(no class)"},
    "class_report.whole_class": {"zh": "（全班）", "en": "(whole class)"},
    "class_report.group": {"zh": "{name} 小组 {group}", "en": "{name} group {group}"},
    "class_report.no_group": {"zh": "（未分组）", "en": " (no group)"},
    "class_report.legend": {"zh": "{name}（已评分 {count} 人）", "en": "{name} ({count} graded)"},
    "class_report.state.graded": {"zh": "已评分", "en": "graded"},
    "class_report.state.missing": {"zh": "未交", "en": "not handed in"},
    "class_report.state.unreadable": {"zh": "评分记录无法读取", "en": "grading record unreadable"},
    # spreadsheet sheets and columns -----------------------------------------------------------
    "class_report.sheet.overview": {"zh": "总览", "en": "overview"},
    "class_report.sheet.mistakes": {"zh": "错误", "en": "mistakes"},
    "class_report.sheet.students": {"zh": "学生", "en": "students"},
    "class_report.sheet.cohorts": {"zh": "班级与小组", "en": "classes and groups"},
    "class_report.col.step": {"zh": "步骤", "en": "step"},
    "class_report.col.points": {"zh": "满分", "en": "points"},
    "class_report.col.pass_rate": {"zh": "{who} 通过率", "en": "{who} pass rate"},
    "class_report.col.mean_share": {"zh": "平均得分率", "en": "mean share of points"},
    "class_report.col.follow_through": {"zh": "按本人前一步判对（人）",
                                        "en": "right from own earlier answer (students)"},
    "class_report.col.hardcoded": {"zh": "手填答案（人）", "en": "typed-in answers (students)"},
    "class_report.col.mistake": {"zh": "错误", "en": "mistake"},
    "class_report.col.students": {"zh": "人数", "en": "students"},
    "class_report.col.hint": {"zh": "怎样改正", "en": "how to fix"},
    "class_report.col.key": {"zh": "错误代码", "en": "mistake key"},
    "class_report.col.roster": {"zh": "花名册人数", "en": "on the roster"},
    "class_report.col.graded": {"zh": "已评分", "en": "graded"},
    "class_report.col.missing": {"zh": "未交", "en": "not handed in"},
    "class_report.col.unreadable": {"zh": "记录无法读取", "en": "record unreadable"},
    "class_report.col.state": {"zh": "状态", "en": "state"},
    "class_report.col.mistakes": {"zh": "错误", "en": "mistakes"},
    "class_report.col.follow_steps": {"zh": "按本人前一步判对", "en": "right from own earlier answer"},
    "class_report.col.hardcoded_steps": {"zh": "手填答案的步骤", "en": "typed-in answers"},
    # the page ------------------------------------------------------------------------------
    "class_report.counts": {
        "zh": "已评分 {graded} 人，未交 {missing} 人，评分记录无法读取 {unreadable} 份（花名册共 {students} 人）。",
        "en": "{graded} graded, {missing} not handed in, {unreadable} grading record(s) unreadable "
              "({students} on the roster).",
    },
    "class_report.h.review": {"zh": "下节课要讲的", "en": "What to review in the next lesson"},
    "class_report.h.steps": {"zh": "各步骤通过率", "en": "Pass rate per step"},
    "class_report.h.mistakes": {"zh": "常见错误", "en": "Frequent mistakes"},
    "class_report.h.typed_in": {"zh": "手填答案的学生", "en": "Students with typed-in answers"},
    "class_report.typed_in_lead": {
        "zh": "以下 {count} 名学生的答案换一份数据重新运行后没有变化，很可能是直接填写的数字。"
              "这不计入上面的常见错误，请单独和他们谈谈。",
        "en": "The answers of these {count} student(s) did not change when the notebook was re-run "
              "on other data, so they were most likely typed in. They are not counted among the "
              "frequent mistakes above; talk to these students one by one.",
    },
    "class_report.typed_in_none": {"zh": "没有发现手填答案。", "en": "No typed-in answers found."},
    "class_report.h.cohorts": {"zh": "班级与小组", "en": "Classes and groups"},
    "class_report.h.students": {"zh": "学生", "en": "Students"},
    "class_report.h.notes": {"zh": "说明", "en": "Notes"},
    "class_report.review_item": {"zh": "{step}“{title}”：{count} 人。{hint}",
                                 "en": "{step}, \"{title}\": {count} student(s). {hint}"},
    "class_report.none": {"zh": "没有发现错误。", "en": "No mistakes found."},
    "class_report.nobody": {"zh": "还没有可统计的作业。", "en": "No graded work to count yet."},
    "class_report.chart.pass_title": {"zh": "各步骤通过率", "en": "Pass rate per step"},
    "class_report.chart.group_pass_title": {"zh": "各小组各步骤通过率",
                                            "en": "Pass rate per step and group"},
    "class_report.chart.pass_axis": {"zh": "通过率", "en": "pass rate"},
    "class_report.chart.mistakes_title": {"zh": "最常见的错误", "en": "Most frequent mistakes"},
    "class_report.chart.mistakes_axis": {"zh": "人数", "en": "students"},
    "class_report.alt.pass": {"zh": "各步骤、各班的通过率柱形图", "en": "bar chart of the pass rate per step and class"},
    "class_report.alt.group_pass": {"zh": "各步骤、各小组的通过率柱形图",
                                    "en": "bar chart of the pass rate per step and group"},
    "class_report.alt.mistakes": {"zh": "最常见错误的人数条形图", "en": "bar chart of the most frequent mistakes"},
    "class_report.note.pass": {
        "zh": "通过：这一步的每个测试（可见测试和用另一份数据的隐藏测试）都得满分。通过率和平均得分率只算已评分的学生。",
        "en": "Passed: every test of the step (the visible one and the hidden one on other data) "
              "earned full points. Pass rates and mean shares count graded students only.",
    },
    "class_report.note.follow_through": {
        "zh": "按本人前一步判对：前一步做错了，但这一步按他自己前一步的结果是对的（错误只在出错的那一步扣分）。",
        "en": "Right from own earlier answer: the earlier step was wrong, but this step is right "
              "given the student's own earlier result (the mistake costs points only where it was made).",
    },
    "class_report.note.hardcoded": {
        "zh": "手填答案：换一份数据重新运行时答案没有变化，很可能是直接填写的数字，而不是算出来的。",
        "en": "Typed-in answers: the answer did not change when the notebook was re-run on other "
              "data, so it was most likely typed in rather than computed.",
    },
    "class_report.note.missing": {
        "zh": "未交：没有评分记录（没有交作业，或交了还没有评分）。",
        "en": "Not handed in: no grading record (nothing handed in, or not graded yet).",
    },
    "class_report.note.unreadable": {
        "zh": "以下 {count} 份评分记录无法读取，没有计入统计（重新运行 autograde --force 可重新生成）：",
        "en": "These {count} grading record(s) could not be read and are not counted (autograde "
              "--force writes them again):",
    },
    # why a grading record is unreadable ----------------------------------------------------
    "class_report.bad.unopenable": {"zh": "无法打开（{detail}）", "en": "cannot be opened ({detail})"},
    "class_report.bad.json": {"zh": "不是有效的 JSON 文件", "en": "not a valid JSON file"},
    "class_report.bad.format": {"zh": "格式不对：{detail}", "en": "unexpected format: {detail}"},
    "class_report.bad.other": {"zh": "属于别的学生或作业（{detail}）",
                               "en": "belongs to another student or assignment ({detail})"},
    # a hint's fields, for the whole class ------------------------------------------------------
    "class_report.field.column": {"zh": "〈列名〉", "en": "<column>"},
    "class_report.field.value": {"zh": "〈指标〉", "en": "<indicator>"},
    # short names of the mistakes (checks.X) -------------------------------------------------
    "class_report.title.answer_too_big": {"zh": "答案太大无法读取", "en": "answer too big to read"},
    "class_report.title.answer_unreadable": {"zh": "答案无法读取", "en": "answer unreadable"},
    "class_report.title.audit_no_answer": {"zh": "审核结果未填写", "en": "audit answer missing"},
    "class_report.title.audit_not_number": {"zh": "审核结果不是一个数", "en": "audit answer not one number"},
    "class_report.title.blank_cells": {"zh": "表中有空格", "en": "blank cells in the table"},
    "class_report.title.boundary_rule": {"zh": "分界线边界规则用错", "en": "wrong boundary rule"},
    "class_report.title.chart_bar_count": {"zh": "柱子数与客户数不符", "en": "wrong number of bars"},
    "class_report.title.chart_bar_heights": {"zh": "柱子高度不对", "en": "wrong bar heights"},
    "class_report.title.chart_classes_no_legend": {"zh": "按类别着色但没有图例",
                                                   "en": "class colours without a legend"},
    "class_report.title.chart_empty": {"zh": "图是空的", "en": "empty chart"},
    "class_report.title.chart_line_axis_range": {"zh": "累计比重纵轴不是 0–100%",
                                                 "en": "cumulative axis not 0–100 %"},
    "class_report.title.chart_line_fraction": {"zh": "折线画成了小数", "en": "line drawn as fractions"},
    "class_report.title.chart_line_not_100": {"zh": "折线没有到 100%", "en": "line not reaching 100 %"},
    "class_report.title.chart_line_percent_scale": {"zh": "百分比刻度与折线不配套",
                                                    "en": "percent scale does not fit the line"},
    "class_report.title.chart_line_running_total": {"zh": "折线画成累计金额",
                                                    "en": "line shows running totals"},
    "class_report.title.chart_line_same_axis": {"zh": "折线与柱形共用纵轴", "en": "line on the bars' axis"},
    "class_report.title.chart_line_shifted": {"zh": "折线与柱子错位", "en": "line not aligned with bars"},
    "class_report.title.chart_line_wrong": {"zh": "折线的点不对", "en": "wrong line points"},
    "class_report.title.chart_missing_labels": {"zh": "缺标题或坐标轴名称", "en": "missing title or axis labels"},
    "class_report.title.chart_no_bars": {"zh": "图中没有柱形", "en": "no bars"},
    "class_report.title.chart_no_classes": {"zh": "图上没有标出类别", "en": "classes not marked"},
    "class_report.title.chart_no_line": {"zh": "没有累计比重折线", "en": "no cumulative line"},
    "class_report.title.chart_not_from_table": {"zh": "图与自己的分层表对不上",
                                                "en": "chart not drawn from own table"},
    "class_report.title.chart_not_returned": {"zh": "没有交图", "en": "chart not handed in"},
    "class_report.title.chart_unsorted": {"zh": "图没有从高到低排列", "en": "chart not sorted high to low"},
    "class_report.title.chart_wrong_classes": {"zh": "图上类别标错", "en": "wrong classes on the chart"},
    "class_report.title.could_not_check": {"zh": "无法自动检查", "en": "could not be checked"},
    "class_report.title.count_is_columns": {"zh": "客户数数成了列数", "en": "counted columns, not customers"},
    "class_report.title.count_off_by_one": {"zh": "客户数差 1", "en": "customer count off by one"},
    "class_report.title.count_skips_missing": {"zh": "客户数漏掉有空格的客户",
                                               "en": "count skips customers with blanks"},
    "class_report.title.cumulative_not_100": {"zh": "累计比重没到 100%", "en": "cumulative share not 100 %"},
    "class_report.title.cumulative_unsorted": {"zh": "排序前就累计", "en": "accumulated before sorting"},
    "class_report.title.duplicate_customers": {"zh": "客户重复", "en": "duplicate customers"},
    "class_report.title.empty_table": {"zh": "表格为空", "en": "empty table"},
    "class_report.title.extra_customers": {"zh": "多出客户", "en": "extra customers"},
    "class_report.title.hardcoded": {"zh": "答案是手工写入的", "en": "answer typed in, not computed"},
    # failures outside the checks: the answer missing, the program stopped
    "class_report.title.task.undefined": {"zh": "没有答案（变量未定义）", "en": "no answer (variable undefined)"},
    "class_report.title.task.grader_only": {"zh": "只在评分时核对", "en": "checked at grading only"},
    "class_report.title.grading.kernel_died": {"zh": "程序崩溃或退出", "en": "program crashed or exited"},
    "class_report.title.grading.answer_cell_failed": {
        "zh": "代码报错或超时，没有运行完", "en": "code stopped (error or time-out)"},
    "class_report.title.grading.answer_cell_failed.after": {
        "zh": "前面的步骤出错，这一步也没运行完", "en": "stopped after an earlier step failed"},
    "class_report.title.grading.earlier_cell_failed": {
        "zh": "前面的步骤出错，答案缺失", "en": "answer missing after an earlier step failed"},
    "class_report.title.grading.second_run_stopped": {
        "zh": "换一份数据后代码运行不下去", "en": "code stops on other data"},
    "class_report.title.labels_reversed": {"zh": "类别颠倒", "en": "classes upside down"},
    "class_report.title.missing_column": {"zh": "缺少列", "en": "missing column"},
    "class_report.title.missing_counted_present": {"zh": "缺失值数成了非空格",
                                                   "en": "counted filled cells as missing"},
    "class_report.title.missing_customers": {"zh": "漏掉客户", "en": "customers left out"},
    "class_report.title.no_answer": {"zh": "没有答案", "en": "no answer"},
    "class_report.title.not_a_chart": {"zh": "交的不是图", "en": "not a chart"},
    "class_report.title.not_a_table": {"zh": "交的不是表格", "en": "not a table"},
    "class_report.title.not_accumulated": {"zh": "没有累加", "en": "not accumulated"},
    "class_report.title.not_numbers": {"zh": "数值列里有文字", "en": "text in a number column"},
    "class_report.title.not_sorted": {"zh": "没有从高到低排序", "en": "not sorted high to low"},
    "class_report.title.rounded_too_coarse": {"zh": "比重取整太粗", "en": "shares rounded too coarsely"},
    "class_report.title.rounding_before_cumsum": {"zh": "先取整再累计", "en": "rounded before accumulating"},
    "class_report.title.share_as_fraction": {"zh": "比重写成小数", "en": "shares as fractions"},
    "class_report.title.sorted_ascending": {"zh": "按从低到高排序", "en": "sorted low to high"},
    "class_report.title.tie_rule": {"zh": "并列客户规则用错", "en": "wrong tie rule"},
    "class_report.title.tiers_from_wrong_table": {"zh": "按第 3 步算错的数分层",
                                                  "en": "tiered from a wrong step-3 table"},
    "class_report.title.tiers_unsorted": {"zh": "未排序就分层", "en": "tiered before sorting"},
    "class_report.title.total_is_mean": {"zh": "合计算成了平均值", "en": "total is the mean"},
    "class_report.title.total_of_wrong_column": {"zh": "合计用错了列", "en": "total of the wrong column"},
    "class_report.title.unknown_labels": {"zh": "不认识的类别名称", "en": "unknown class names"},
    "class_report.title.unknown_step": {"zh": "检查步骤名称不对", "en": "unknown check step"},
    "class_report.title.values_changed": {"zh": "改动了原始数据", "en": "data values changed"},
    "class_report.title.wrong_count": {"zh": "客户数不对", "en": "wrong customer count"},
    "class_report.title.wrong_cumulative": {"zh": "累计值不对", "en": "wrong running totals"},
    "class_report.title.wrong_cumulative_share": {"zh": "累计比重不对", "en": "wrong cumulative shares"},
    "class_report.title.wrong_cuts": {"zh": "分界点用错", "en": "wrong cut-offs"},
    "class_report.title.wrong_denominator": {"zh": "比重的分母用错", "en": "wrong denominator"},
    "class_report.title.wrong_missing": {"zh": "缺失值个数不对", "en": "wrong missing count"},
    "class_report.title.wrong_scheme": {"zh": "分层方法用错", "en": "wrong tiering method"},
    "class_report.title.wrong_share": {"zh": "比重算错", "en": "wrong shares"},
    "class_report.title.wrong_tiers": {"zh": "分层结果不对", "en": "wrong classes"},
    "class_report.title.wrong_total": {"zh": "合计不对", "en": "wrong total"},
}
