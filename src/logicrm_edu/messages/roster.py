"""Messages of roster (see the package docstring)."""
from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # mistakes in the roster file or the command ----------------------------------------------
    "roster.mixed_ids": {
        "zh": "学号“{value}”没有开头的 0，比第 {other_row} 行的“{other}”短：Excel 会去掉数字格式单元格开头的 0。"
              "请选中学号列，设为“文本”格式（右键→设置单元格格式→文本），补上开头的 0，保存后再导入。",
        "en": "the student id '{value}' has no leading 0 and is shorter than '{other}' in row "
              "{other_row}: Excel drops the leading zeros of number cells. Select the id column, "
              "format it as Text (right-click → Format Cells → Text), type the missing zeros, save "
              "and import again.",
    },
    "roster.zeros_lost": {
        "zh": "学号“{value}”和课程中已有的学号“{existing}”（{name}）只差开头的 0：Excel 会去掉数字格式单元格开头的 0。"
              "请把学号列设为“文本”格式（右键→设置单元格格式→文本），按课程中的写法填写“{existing}”，保存后再导入。",
        "en": "the student id '{value}' differs from '{existing}' ({name}), already in the course, "
              "only by leading zeros: Excel drops the leading zeros of number cells. Format the id "
              "column as Text (right-click → Format Cells → Text), type '{existing}' as the course "
              "has it, save and import again.",
    },
    "roster.zeros_vs_work": {
        "zh": "学号“{value}”和课程中已有的学号“{existing}”（{name}）只差开头的 0，而“{existing}”已有作业或成绩"
              "（{work}），所以不会自动换成新学号。如果花名册中的学号正确，请先运行 logicrm roster remove {existing} "
              "--discard-work（会删除其成绩），再导入。",
        "en": "the student id '{value}' differs from '{existing}' ({name}), already in the course, "
              "only by leading zeros, and '{existing}' has work or grades ({work}), so it is not "
              "replaced automatically. If the roster's id is right, run logicrm roster remove "
              "{existing} --discard-work first (its grades are deleted), then import again.",
    },
    "roster.no_sheet": {
        "zh": "没有工作表“{wanted}”。这个文件的工作表：{sheets}（也可以写第几个工作表，从 1 数起）。",
        "en": "there is no sheet '{wanted}'. The sheets of this file: {sheets} (or give the tab's "
              "position, counting from 1).",
    },
    "roster.sheet_in_csv": {
        "zh": "CSV 文件没有工作表，不能使用 --sheet。",
        "en": "a CSV file has no sheets; --sheet cannot be used with it.",
    },
    "roster.unknown_student": {
        "zh": "课程中没有学号为“{value}”的学生。可用 logicrm roster show 查看名单。",
        "en": "there is no student with the id '{value}' in the course. See logicrm roster show.",
    },
    "roster.has_work": {
        "zh": "学生 {value}（{name}）已有作业或成绩：{work}。删除会丢失成绩库中的这些成绩，所以没有删除。"
              "确实要删除时，加 --discard-work 再运行。",
        "en": "the student {value} ({name}) has work or grades: {work}. Removing them would lose "
              "these grades in the gradebook, so nothing was removed. To remove them anyway, run "
              "again with --discard-work.",
    },
    "roster.blank_value": {
        "zh": "{column}不能为空。",
        "en": "the {column} cannot be blank.",
    },
    "roster.work.assignments": {"zh": "作业 {assignments}", "en": "assignments {assignments}"},
    "roster.work.scores": {"zh": "汇报评分 {count} 条", "en": "{count} rubric scores"},
    # the preview of an import -------------------------------------------------------------------
    "roster.preview.title": {"zh": "花名册 {file} 与课程中的名单对比：",
                             "en": "the roster {file} compared with the course:"},
    "roster.preview.added": {"zh": "新增 {count} 名学生：", "en": "{count} students to add:"},
    "roster.preview.changed": {"zh": "信息有变化的学生 {count} 名：",
                               "en": "{count} students whose details change:"},
    "roster.preview.change": {"zh": "{column}由“{old}”改为“{new}”", "en": "{column} '{old}' → '{new}'"},
    "roster.preview.removed": {
        "zh": "不在文件中、还没有作业和成绩，将从课程中删除 {count} 名学生：",
        "en": "{count} students not in the file, with no work or grades yet, to remove from the course:",
    },
    "roster.preview.kept": {
        "zh": "不在文件中、但已有作业或成绩，保留 {count} 名学生（确实要删除时用 logicrm roster remove 学号 --discard-work）：",
        "en": "{count} students not in the file but with work or grades are kept (to remove one "
              "anyway: logicrm roster remove ID --discard-work):",
    },
    "roster.preview.same": {"zh": "花名册与课程中的名单一致，没有需要更改的。",
                            "en": "the roster matches the course; nothing to change."},
    "roster.note.name_fixed": {
        "zh": "提示：第 {row} 行的姓名“{typed}”存为“{stored}”（去掉多余的空格，学生上传的文件才能按姓名匹配）。",
        "en": "note: the name '{typed}' in row {row} is stored as '{stored}' (extra spaces removed, so "
              "that uploads can be matched by name).",
    },
    "roster.confirm": {"zh": "应用这些更改吗？", "en": "Apply these changes?"},
    "roster.not_applied": {
        "zh": "没有做任何更改。核对无误后，加 --yes 再运行一次即可应用：logicrm roster import {file} --yes",
        "en": "nothing was changed. Once the changes look right, apply them by running again with "
              "--yes: logicrm roster import {file} --yes",
    },
    # remove, rename, move ------------------------------------------------------------------------
    "roster.removed": {"zh": "已从课程中删除学生 {id}（{name}）。", "en": "student {id} ({name}) removed from the course."},
    "roster.removed_work": {
        "zh": "成绩库中的成绩已删除（{work}）；已收的文件移到了 {folder}；汇报评分留在审计记录中，但不再计入。",
        "en": "their grades in the gradebook are deleted ({work}); their collected files were moved "
              "to {folder}; rubric scores stay in the audit trail but no longer count.",
    },
    "roster.updated": {"zh": "已更新学生 {id}：{details}。", "en": "student {id} updated: {details}."},
    "roster.unchanged": {"zh": "学生 {id}（{name}）的信息没有变化。", "en": "nothing changed for student {id} ({name})."},
    "roster.remove_help": {
        "zh": "从课程中删除学生 ID（成绩库和汇报评分库）。学生已有作业或成绩时拒绝删除，除非加 --discard-work"
              "（成绩库中的成绩被删除，已收的文件移到 removed_students/）。",
        "en": "Remove the student ID from the course (gradebook and rubric database). Refused when "
              "the student has work or grades, unless --discard-work is given (their gradebook "
              "grades are deleted, collected files moved to removed_students/).",
    },
    "roster.rename_help": {
        "zh": "把学生 ID 的姓名改为 NEW_NAME（成绩库和汇报评分库同时修改，作业和成绩不变）。",
        "en": "Change the name of student ID to NEW_NAME (in the gradebook and the rubric database; "
              "work and grades stay).",
    },
    "roster.move_help": {
        "zh": "把学生 ID 调到另一个班级（--class）或小组（--group）。",
        "en": "Move student ID to another class (--class) or group (--group).",
    },
    "roster.opt_sheet": {
        "zh": "要导入的工作表：名称，或第几个工作表（从 1 数起，和 Excel 下方标签的顺序一致）；默认第一个。",
        "en": "the sheet to import: its name, or its position among the tabs at the bottom of Excel "
              "(counting from 1); the first sheet by default.",
    },
    "roster.opt_yes": {"zh": "不询问，直接应用更改。", "en": "apply the changes without asking."},
    "roster.opt_discard": {"zh": "学生已有作业或成绩时也删除（成绩库中的成绩会丢失）。",
                           "en": "remove the student even with work or grades (their gradebook grades are lost)."},
    "roster.opt_class": {"zh": "新的班级。", "en": "the new class."},
    "roster.opt_group": {"zh": "新的小组。", "en": "the new group."},
}
