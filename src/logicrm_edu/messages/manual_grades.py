"""Messages of manual_grades (see the package docstring)."""
from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # the workbook
    "manual.col.id": {"zh": "学号", "en": "id"},
    "manual.col.name": {"zh": "姓名", "en": "name"},
    "manual.col.step": {"zh": "步骤", "en": "step"},
    "manual.col.answer": {"zh": "学生的答案", "en": "student's answer"},
    "manual.col.mark_scheme": {"zh": "评分要点", "en": "mark scheme"},
    "manual.col.max_score": {"zh": "满分", "en": "max"},
    "manual.col.score": {"zh": "得分", "en": "score"},
    "manual.col.comment": {"zh": "评语", "en": "comment"},
    "manual.sheet_title": {"zh": "人工评分", "en": "Manual grading"},
    "manual.file_name": {"zh": "{assignment}_人工评分.xlsx", "en": "{assignment}_manual_grading.xlsx"},
    "manual.validation_title": {"zh": "得分不对", "en": "Wrong score"},
    "manual.validation": {"zh": "得分应是 0 到这一行“满分”之间的数；还没批改就空着。",
                          "en": "The score must be a number from 0 to this row's max; "
                                "leave it blank until you mark it."},
    # reading it back
    "manual.import.mistakes": {
        "zh": "“{file}”中有 {count} 处错误，成绩簿中没有写入任何分数。改正后再导入一次：",
        "en": "'{file}' has {count} mistake(s); nothing was written to the gradebook. "
              "Correct them and import again:",
    },
    "manual.import.not_found": {"zh": "找不到这个文件（{path}）。", "en": "there is no such file ({path})."},
    "manual.import.not_xlsx": {
        "zh": "这不是 Excel 工作簿（.xlsx）。请导入 logicrm manual export 生成、在 Excel 或 WPS 中"
              "填写后另存为 .xlsx 的文件。",
        "en": "this is not an Excel workbook (.xlsx). Import the file logicrm manual export made, "
              "filled in with Excel or WPS and saved as .xlsx.",
    },
    "manual.import.missing_columns": {
        "zh": "缺少列：{columns}。请使用 logicrm manual export 生成的表格，不要删除或改名这些列。",
        "en": "missing columns: {columns}. Use the sheet logicrm manual export made, without "
              "deleting or renaming these columns.",
    },
    "manual.import.unknown_student": {
        "zh": "学号“{student}”不在本作业的评分名单中（名单中没有这个学生，或者他的作业还没有评分）。",
        "en": "id '{student}' is not among this assignment's graded students (not in the roster, "
              "or not autograded yet).",
    },
    "manual.import.unknown_step": {
        "zh": "没有步骤“{step}”。本作业人工评分的步骤：{known}。",
        "en": "there is no step '{step}'. This assignment's manually graded steps: {known}.",
    },
    "manual.import.no_such_grade": {
        "zh": "学号 {student} 的作业中没有“{step}”这一步。",
        "en": "the submission of {student} has no step '{step}'.",
    },
    "manual.import.duplicate": {
        "zh": "学号 {student} 的“{step}”已经在第 {first} 行出现过；每位学生的每一步只能有一行。",
        "en": "{student}'s '{step}' is already on row {first}; one row per student and step.",
    },
    "manual.import.key_edited": {
        "zh": "这一列不能修改：表中是“{value}”，应是“{expected}”。只填写“得分”和“评语”两列"
              "（排序时请选中整张表）。",
        "en": "this column must not be changed: it says '{value}', it should say '{expected}'. "
              "Fill in only the score and comment columns (sort the whole sheet, not one column).",
    },
    "manual.import.not_number": {
        "zh": "得分“{value}”不是数字；请填 0 到 {top} 之间的数（如 1.5），还没批改就空着。",
        "en": "score '{value}' is not a number; write a number from 0 to {top} (e.g. 1.5), or "
              "leave it blank until you mark it.",
    },
    "manual.import.negative": {
        "zh": "得分 {value} 是负数；应是 0 到 {top} 之间的数。",
        "en": "score {value} is negative; it must be from 0 to {top}.",
    },
    "manual.import.above_max": {
        "zh": "得分 {value} 超过满分 {top}。",
        "en": "score {value} is above the maximum, {top}.",
    },
    # the command line
    "manual.cli.help": {
        "zh": "人工评分：把需要老师批改的步骤导出为 Excel 表格，填好后导入成绩簿。",
        "en": "Manual grading: export the steps a teacher marks to an Excel sheet, fill it in, "
              "import it into the gradebook.",
    },
    "manual.cli.export_help": {
        "zh": "把 ASSIGNMENT 需要人工批改的步骤写成 Excel 表格：每位学生每一步一行，"
              "有学生的答案和评分要点；填写“得分”和“评语”列。",
        "en": "Write ASSIGNMENT's manually graded steps to an Excel sheet: one row per student "
              "and step, with the student's answer and the mark scheme; fill in the score and "
              "comment columns.",
    },
    "manual.cli.import_help": {
        "zh": "把填好的表格 FILE 中的得分和评语写入成绩簿；表格有任何错误时一项也不写入，"
              "并列出全部错误。",
        "en": "Write the scores and comments of the filled-in sheet FILE into the gradebook; "
              "if the sheet has any mistake nothing is written and every mistake is listed.",
    },
    "manual.cli.opt_out": {
        "zh": "表格保存到这里（默认：课程文件夹下的 export/作业名_人工评分.xlsx）。",
        "en": "Where to save the sheet (default: export/ASSIGNMENT_manual_grading.xlsx in the "
              "course folder).",
    },
    "manual.cli.exported": {
        "zh": "已写出 {path}：{students} 名学生 × {steps} 个步骤，{pending} 行待批改。"
              "在 Excel 或 WPS 中填写“得分”和“评语”，保存后运行：logicrm manual import {assignment} \"{path}\"",
        "en": "Wrote {path}: {students} students × {steps} steps, {pending} rows to mark. Fill "
              "in the score and comment columns in Excel or WPS, save, then run: logicrm manual "
              "import {assignment} \"{path}\"",
    },
    "manual.cli.kept_aside": {
        "zh": "原来的同名表格已移到 {path}（其中可能有还没导入的分数）。",
        "en": "The earlier sheet of that name was moved to {path} (it may hold marks not yet "
              "imported).",
    },
    "manual.cli.imported": {
        "zh": "已写入成绩簿：{scores} 个得分、{comments} 条评语。还有 {pending} 个步骤待批改"
              "（空着的得分表示还没批改，不算 0 分）。运行 logicrm feedback {assignment} "
              "让学生看到最终成绩。",
        "en": "Written to the gradebook: {scores} scores, {comments} comments. {pending} steps "
              "are still to be marked (a blank score means not marked yet, not 0). Run logicrm "
              "feedback {assignment} so students see their final marks.",
    },
    "manual.cli.no_steps": {
        "zh": "作业“{assignment}”没有需要人工批改的步骤。",
        "en": "assignment '{assignment}' has no manually graded steps.",
    },
    "manual.cli.nothing_graded": {
        "zh": "作业“{assignment}”还没有评过分的作业：先运行 logicrm autograde {assignment}。",
        "en": "no submission of '{assignment}' has been graded yet: run logicrm autograde "
              "{assignment} first.",
    },
    "manual.cli.not_written": {
        "zh": "无法写入 {path}（{reason}）。如果它正在 Excel 或 WPS 中打开，请先关闭。",
        "en": "cannot write {path} ({reason}). If it is open in Excel or WPS, close it first.",
    },
    # logicrm autograde's score column while steps are not marked
    "manual.score.pending": {"zh": "{score}/{max} 自动 + {pending} 待批改",
                             "en": "{score}/{max} auto + {pending} pending"},
    "manual.score.partly": {"zh": "{score}/{max} 已评 + {pending} 待批改",
                            "en": "{score}/{max} marked + {pending} pending"},
}
