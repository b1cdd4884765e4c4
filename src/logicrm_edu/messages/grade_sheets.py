"""Messages of grade_sheets (see the package docstring): the grade export and the final
grade sheet — pending grading, late submissions, uploads that are not notebooks."""
from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # cells and states ----------------------------------------------------------------------------
    "grade_sheets.pending": {"zh": "待批改", "en": "pending"},
    "grade_sheets.state.not_graded": {"zh": "已收，尚未评分", "en": "collected, not graded yet"},
    "grade_sheets.note.not_graded": {"zh": "作业已收到，还没有评分：请运行 logicrm autograde {assignment}",
                                     "en": "collected but not graded yet: run logicrm autograde {assignment}"},
    "grade_sheets.note.assignment_not_graded": {
        "zh": "作业“{assignment}”已收到但还没有评分，暂按 0 分计，总评为暂定",
        "en": "'{assignment}' was collected but is not graded yet: counted as 0 for now, the final "
              "grade is provisional"},
    "grade_sheets.state.not_notebook": {"zh": "交了文件，但不是 notebook", "en": "handed in a file that is not a notebook"},
    # columns of the export, per assignment ---------------------------------------------------------
    "grade_sheets.col.submitted_at": {"zh": "{assignment} 提交时间", "en": "{assignment} handed in"},
    "grade_sheets.col.late": {"zh": "{assignment} 迟交", "en": "{assignment} late"},
    "grade_sheets.col.penalty": {"zh": "{assignment} 迟交扣分", "en": "{assignment} late penalty"},
    "grade_sheets.col.after": {"zh": "{assignment} 扣分后得分", "en": "{assignment} score after penalty"},
    "grade_sheets.col.note": {"zh": "{assignment} 备注", "en": "{assignment} note"},
    # notes ------------------------------------------------------------------------------------------
    "grade_sheets.note.pending": {"zh": "{count} 个评分项待批改，得分为暂定",
                                  "en": "{count} grade cell(s) still to be graded by hand: the score is provisional"},
    "grade_sheets.note.not_notebook": {"zh": "交了文件，但不是 notebook：{files}",
                                       "en": "handed in files, but no notebook: {files}"},
    "grade_sheets.note.penalty": {"zh": "迟交扣 {percent}% 的得分", "en": "late: {percent}% of the score taken off"},
    "grade_sheets.note.assignment_pending": {"zh": "作业“{assignment}”还有待批改的题目，总评为暂定",
                                             "en": "'{assignment}' still has answers to grade by hand: "
                                                   "the final grade is provisional"},
    "grade_sheets.note.assignment_not_notebook": {
        "zh": "作业“{assignment}”交了文件，但不是 notebook（{files}），按 0 分计",
        "en": "'{assignment}': handed in files, but no notebook ({files}); counted as 0"},
    "grade_sheets.note.assignment_late": {"zh": "作业“{assignment}”迟交 {duration}",
                                          "en": "'{assignment}' handed in {duration} late"},
    "grade_sheets.note.assignment_penalty": {"zh": "作业“{assignment}”迟交 {duration}，扣 {percent}% 的得分",
                                             "en": "'{assignment}' handed in {duration} late: "
                                                   "{percent}% of the score taken off"},
    "grade_sheets.final_state.provisional": {"zh": "暂定", "en": "provisional"},
    "grade_sheets.final_state.final": {"zh": "已定", "en": "final"},
    # late -------------------------------------------------------------------------------------------
    "grade_sheets.late.yes": {"zh": "是，迟交 {duration}", "en": "yes, {duration} late"},
    "grade_sheets.late.no": {"zh": "否", "en": "no"},
    "grade_sheets.late.by_collect": {
        "zh": "是（收作业时按 --deadline 判定；迟交多久和扣分需在 course.toml 的 [late.deadlines] 中写明截止时间）",
        "en": "yes (found by collect --deadline; for how late and any penalty put the deadline in "
              "[late.deadlines] of course.toml)"},
    "grade_sheets.note.assignment_late_by_collect": {
        "zh": "作业“{assignment}”迟交（收作业时判定，截止时间未写入 course.toml，未扣分）",
        "en": "'{assignment}' handed in late (found by collect; no deadline in course.toml, no penalty)"},
    "grade_sheets.late.no_deadline": {"zh": "未设截止时间", "en": "no deadline set"},
    "grade_sheets.duration.days": {"zh": "{n} 天", "en": "{n} d"},
    "grade_sheets.duration.hours": {"zh": "{n} 小时", "en": "{n} h"},
    "grade_sheets.duration.minutes": {"zh": "{n} 分钟", "en": "{n} min"},
    "grade_sheets.late.unknown_key": {
        "zh": "course.toml 中没有“{toml_key}”这个设置；[late] 中可用的设置有：{allowed}。",
        "en": "course.toml has no setting '{toml_key}'; [late] knows: {allowed}."},
    "grade_sheets.late.bad_number": {
        "zh": "course.toml 中“{toml_key}”应是 0 以上的数字（百分比不超过 100），现在是“{given}”。",
        "en": "'{toml_key}' in course.toml must be a number from 0 (a percentage at most 100), not '{given}'."},
    "grade_sheets.late.bad_time": {
        "zh": "course.toml 中“{toml_key}”应是时间，例如 2025-03-14 23:59:00，现在是“{given}”。",
        "en": "'{toml_key}' in course.toml must be a time such as 2025-03-14 23:59:00, not '{given}'."},
    "grade_sheets.collect_record.bad": {
        "zh": "收作业记录已损坏（不是 logicrm collect 写的格式）。请重新运行 logicrm collect，或删除这个文件后再导出。",
        "en": "the collect record is damaged (not in the format logicrm collect writes). Run logicrm collect "
              "again, or delete this file and export again."},
    # the command ------------------------------------------------------------------------------------
    "grade_sheets.summary.pending": {"zh": "注意：{count} 份作业还有待批改的评分项，得分为暂定（表中以黄色标出）。",
                                     "en": "note: {count} submission(s) still have grade cells to grade by hand; "
                                           "their scores are provisional (shaded yellow)."},
    "grade_sheets.summary.late": {"zh": "注意：{count} 份作业迟交（见“迟交”列）。",
                                  "en": "note: {count} submission(s) were late (see the 'late' columns)."},
}
