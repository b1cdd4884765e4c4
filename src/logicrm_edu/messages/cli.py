"""Messages of the instructor command line ``logicrm`` (help texts, summaries, errors)."""

MESSAGES = {
    # help --------------------------------------------------------------------------------
    "cli.main_help": {
        "zh": "LogiCRM Edu 教师命令行。一般顺序：init（建课程）→ roster import（导入花名册）→ "
              "release（发布作业）→ collect（收作业）→ autograde（自动评分）→ feedback（反馈）→ "
              "export（导出成绩）；status 随时查看进度；rubric 为小组展示评分。"
              "加 --lang en 显示英文。",
        "en": "LogiCRM Edu instructor command line. Usual order: init (new course) → roster import → "
              "release → collect → autograde → feedback → export; status shows progress at any "
              "time; rubric scores group presentations. Add --lang zh for Chinese.",
    },
    "cli.opt.lang": {"zh": "界面语言：zh（中文）或 en（英文）。", "en": "Language: zh (Chinese) or en (English)."},
    "cli.opt.help": {"zh": "显示本帮助并退出。", "en": "Show this message and exit."},
    "cli.opt.course": {"zh": "课程文件夹（含 nbgrader_config.py）。",
                       "en": "Course folder (holding nbgrader_config.py)."},
    "cli.init.help": {
        "zh": "新建课程文件夹 DIRECTORY：配置、作业和评分标准，并生成保密的数据密钥（course.toml）。"
              "默认每位学生一份数据。",
        "en": "Create a course in DIRECTORY: configuration, assignments and rubrics, with a secret "
              "data seed (course.toml). By default every student gets their own data.",
    },
    "cli.init.opt_textbook": {"zh": "用教材数据（全班相同），不为每位学生生成数据。",
                              "en": "Use the textbook data (the same for everyone) instead of per-student data."},
    "cli.init.opt_customers": {"zh": "每位学生数据中的客户数。", "en": "Customers in each student's data."},
    "cli.roster.help": {"zh": "花名册（学生名单）。", "en": "The class roster."},
    "cli.roster.import_help": {
        "zh": "导入花名册 FILE（.xlsx 或 .csv，表头：学号、姓名、班级、小组），使课程的学生名单（成绩库和小组评分库）与它一致："
              "先列出新增、信息有变化、不在文件中的学生，确认后才修改（--yes 不询问；课程还没有学生时直接导入）。"
              "不在文件中但已有作业或成绩的学生保留不删。",
        "en": "Import the roster FILE (.xlsx or .csv; headers id, name, class, group, or 学号, 姓名, "
              "班级, 小组) so that the course's students (gradebook and rubric database) match it: "
              "lists the students to add, those whose details change and those not in the file, and "
              "changes the course only once confirmed (--yes: without asking; a course with no "
              "students yet is filled at once). Students not in the file who have work or grades "
              "are kept.",
    },
    "cli.roster.show_help": {"zh": "显示已导入的花名册。", "en": "Show the imported roster."},
    "cli.release.help": {
        "zh": "发布作业 ASSIGNMENT：生成学生版（去掉答案和隐藏测试），发布到在线作业区；"
              "每人一份数据时，为每位学生生成个人作业文件（文件夹和 zip，供上传到教学平台）。",
        "en": "Release ASSIGNMENT: build the student version (no solutions or hidden tests), release "
              "it to the course exchange and, with per-student data, write each student's handout "
              "(folder and zip for the LMS).",
    },
    "cli.release.opt_no_exchange": {"zh": "不发布到在线作业区（只用教学平台发放）。",
                                     "en": "Do not release to the exchange (hand out through the LMS only)."},
    "cli.collect.help": {
        "zh": "收作业 ASSIGNMENT：从在线作业区收取，并可用 --from 导入从教学平台下载的 zip 或文件夹"
              "（文件名或文件夹名含学号或姓名；学生自己的压缩包会解压）。不会用旧文件替换较新的作业；"
              "逐个报告下载包中的每个文件（已收、迟交、重复、未匹配、不是 Notebook），未使用的文件都另存。",
        "en": "Collect ASSIGNMENT from the exchange and, with --from, from a zip or folder downloaded "
              "from the LMS (file or folder names carry the student id or name; students' own zips are "
              "unpacked). Never replaces newer work with an older file; reports every file of the "
              "download (collected, late, duplicate, unmatched, not a notebook) and keeps those not used.",
    },
    "cli.collect.opt_from": {"zh": "从教学平台下载的 zip 文件或文件夹。",
                             "en": "A zip file or folder downloaded from the LMS."},
    "cli.collect.opt_deadline": {
        "zh": "截止时间，如 \"2025-03-14 23:59\"（只写日期表示当天 23:59:59）；默认用成绩库中的截止时间。",
        "en": "Deadline, e.g. \"2025-03-14 23:59\" (a date alone means 23:59:59 that day); default: "
              "the due date in the gradebook.",
    },
    "cli.collect.opt_no_exchange": {"zh": "不从在线作业区收取。", "en": "Do not collect from the exchange."},
    "cli.autograde.help": {"zh": "自动评分 ASSIGNMENT 的全部已收作业，并显示汇总表。",
                           "en": "Autograde every collected submission of ASSIGNMENT and show a summary."},
    "cli.autograde.opt_workers": {"zh": "同时评分的作业数（默认：按 CPU 核数）。",
                                  "en": "Submissions graded at the same time (default: from the CPU count)."},
    "cli.autograde.opt_force": {"zh": "已评分的作业也重新评分（人工评分会保留）。",
                                "en": "Grade again submissions already graded (manual scores are kept)."},
    "cli.autograde.opt_student": {"zh": "只评这位学生（学号，可重复）。",
                                  "en": "Only this student (id; may be repeated)."},
    "cli.feedback.help": {"zh": "为 ASSIGNMENT 生成反馈（HTML，不含隐藏测试），并发布到在线作业区。",
                          "en": "Generate feedback for ASSIGNMENT (HTML, no hidden tests) and release it to the exchange."},
    "cli.feedback.opt_no_exchange": {"zh": "不发布到在线作业区。", "en": "Do not release to the exchange."},
    "cli.export.help": {
        "zh": "导出成绩：每位学生一行，含姓名、班级、小组、每一步的得分（未批改的写“待批改”）、提交时间、"
              "是否迟交及迟交扣分、扣分后得分和备注（grades.xlsx、grades.csv、grade_cells.csv，"
              "可直接用 Excel/WPS 打开）。迟交规则见 course.toml 的 [late]。",
        "en": "Export grades: one row per student with name, class, group, each step's score "
              "(\"pending\" where not marked yet), when it was handed in, whether late and the late "
              "penalty, the score after it and a note (grades.xlsx, grades.csv, grade_cells.csv; "
              "open in Excel/WPS). Late rules: [late] in course.toml.",
    },
    "cli.export.opt_out": {"zh": "输出文件夹（默认：课程文件夹下的 export）。",
                           "en": "Output folder (default: export in the course folder)."},
    "cli.status.help": {"zh": "各作业的进度：已发布、已收、已评分、待人工评分。",
                        "en": "Progress per assignment: released, collected, graded, waiting for manual grading."},
    "cli.demo.help": {
        "zh": "完整演示：在新文件夹 DIRECTORY 中建课程、导入 40 名学生、发布、模拟交作业、收作业、评分、"
              "反馈、导出，并模拟小组展示评分，生成总评成绩表。",
        "en": "Full demo in a new DIRECTORY: course, 40 students, release, simulated submissions, "
              "collect, autograde, feedback, export, simulated presentation scores and the final grade sheet.",
    },
    "cli.demo.opt_seed": {"zh": "模拟全班提交时用的随机数（同一个数得到同样的模拟）。", "en": "Random seed of the simulation."},
    # common -----------------------------------------------------------------------------
    "cli.yes": {"zh": "是", "en": "yes"},
    "cli.no": {"zh": "否", "en": "no"},
    "cli.wrote": {"zh": "已写入：{path}", "en": "written: {path}"},
    "course.file.syntax": {
        "zh": "course.toml 的写法有误：{reason}。请对照 course.toml 里的注释改正（字符串要加引号，每个设置一行）。",
        "en": "course.toml is not valid: {reason}. Compare it with the comments in course.toml "
              "(text in quotes, one setting per line)."},
    "course.file.encoding": {"zh": "course.toml 不是 UTF-8 编码：请用记事本“另存为”并选择 UTF-8。",
                             "en": "course.toml is not UTF-8: save it again as UTF-8."},
    "course.file.not_table": {"zh": "course.toml 中的 {section} 应是一个 [{section}] 小节。",
                              "en": "in course.toml, {section} must be a [{section}] section."},
    "cli.help.usage": {"zh": "用法：", "en": "Usage: "},
    "cli.help.options": {"zh": "选项", "en": "Options"},
    "cli.help.commands": {"zh": "命令", "en": "Commands"},
    "cli.help.default": {"zh": "[默认：", "en": "[default: "},
    "cli.err.prefix": {"zh": "错误：", "en": "Error: "},
    "cli.err.aborted": {"zh": "已中止，没有做完的部分不会生效。", "en": "Stopped; what was not finished has no effect."},
    "cli.err.try_help": {"zh": "用 “{command} --help” 查看说明。", "en": "Try '{command} --help' for help."},
    "cli.err.no_such_option": {"zh": "没有选项 {option}（相近的：{similar}）。",
                               "en": "no option {option} (similar: {similar})."},
    "cli.err.no_such_command": {"zh": "没有命令 {command}（相近的：{similar}）。",
                                "en": "no command {command} (similar: {similar})."},
    "cli.err.no_such_option_alone": {"zh": "没有选项 {option}。", "en": "no option {option}."},
    "cli.err.no_such_command_alone": {"zh": "没有命令 {command}。", "en": "no command {command}."},
    "cli.err.missing": {"zh": "缺少 {param}。", "en": "{param} is missing."},
    "cli.err.bad_value": {"zh": "{param} 的值不对：{expected}。", "en": "wrong value for {param}: {expected}."},
    "cli.err.expect_choice": {"zh": "只能是 {choices} 之一", "en": "it must be one of {choices}"},
    "cli.err.expect_range": {"zh": "应是 {low} 到 {high} 之间的数", "en": "it must be a number from {low} to {high}"},
    "cli.err.expect_int": {"zh": "应是整数", "en": "it must be a whole number"},
    "cli.err.expect_number": {"zh": "应是数字（例如 80 或 92.5）", "en": "it must be a number (e.g. 80 or 92.5)"},
    "cli.err.expect_path": {"zh": "找不到这个文件或文件夹，或者它不是所要的类型",
                            "en": "there is no such file or folder, or it is not the kind needed"},
    "cli.err.usage": {"zh": "命令的写法不对（{detail}）。", "en": "the command is not written right ({detail})."},
    "cli.err.teacher_extra": {
        "zh": "logicrm 是教师用的命令，需要教师部分：pip install \"logicrm-edu[teacher]\"\n"
              "logicrm is the teacher's command and needs the teacher part: "
              "pip install \"logicrm-edu[teacher]\"",
        "en": "logicrm is the teacher's command and needs the teacher part: "
              "pip install \"logicrm-edu[teacher]\""},
    "cli.err.not_course": {
        "zh": "“{course}”不是课程文件夹（没有 nbgrader_config.py）。请用 --course 指定课程文件夹，"
              "或先运行 logicrm init 新建课程。",
        "en": "'{course}' is not a course folder (no nbgrader_config.py). Name the course with "
              "--course, or create one with logicrm init.",
    },
    "cli.err.unknown_assignment": {"zh": "没有作业“{assignment}”。本课程的作业：{known}。",
                                   "en": "there is no assignment '{assignment}'. Assignments of this course: {known}."},
    "cli.err.not_released": {"zh": "作业“{assignment}”还没有发布：请先运行 logicrm release {assignment}，再收作业、评分或发反馈。",
                             "en": "assignment '{assignment}' has not been released yet: run logicrm release {assignment} first, then collect, grade or give feedback."},
    # init ---------------------------------------------------------------------------------
    "cli.init.not_empty": {"zh": "文件夹“{directory}”已存在且不是空的；为保护其中的文件，不会覆盖。请换一个新文件夹名。",
                           "en": "the folder '{directory}' exists and is not empty; it is not overwritten, "
                                 "to protect its files. Choose a new folder name."},
    "cli.init.no_template": {"zh": "找不到课程模板（已查找：{searched}）。可设置环境变量 LOGICRM_COURSE_TEMPLATE。",
                             "en": "the course template was not found (searched: {searched}). Set "
                                   "LOGICRM_COURSE_TEMPLATE to its folder."},
    "cli.init.done": {"zh": "已新建课程：{directory}（数据：{dataset}）。course.toml 中的数据密钥须保密。",
                      "en": "course created: {directory} (data: {dataset}). Keep the seed in course.toml secret."},
    "cli.init.textbook": {"zh": "教材数据，全班相同", "en": "textbook data, the same for everyone"},
    "cli.init.per_student": {"zh": "每位学生一份", "en": "one dataset per student"},
    "cli.init.next": {"zh": "下一步：logicrm roster import 花名册.xlsx --course {directory}",
                      "en": "next: logicrm roster import roster.xlsx --course {directory}"},
    # roster ---------------------------------------------------------------------------------
    "cli.roster.bad_id": {
        "zh": "学号“{value}”含有不能用作文件夹名的字符。学号只能包含字母、数字、下划线、点和连字符。",
        "en": "the student id '{value}' has characters a folder name cannot hold. Use letters, "
              "digits, _ . and - only.",
    },
    "cli.roster.imported": {
        "zh": "花名册已更新：{students} 名学生，{classes} 个班，{groups} 个小组（新增 {added}，更改 {changed}，"
              "删除 {removed}，保留不在文件中的 {kept}）。",
        "en": "roster updated: {students} students, {classes} classes, {groups} groups ({added} added, "
              "{changed} changed, {removed} removed, {kept} not in the file kept).",
    },
    "cli.roster.unknown_columns": {"zh": "提示：这些列不属于花名册，已忽略：{columns}",
                                   "en": "note: these columns are not roster columns and were ignored: {columns}"},
    "cli.roster.empty": {"zh": "还没有导入花名册。", "en": "no roster imported yet."},
    # release -------------------------------------------------------------------------------
    "cli.release.progress": {"zh": "生成每位学生的文件", "en": "students' files"},
    "cli.release.unit": {"zh": "人", "en": " students"},
    "cli.release.setup": {"zh": "无法发布：{reason}", "en": "cannot release: {reason}"},
    "cli.release.no_seed": {"zh": "{file} 中没有 [course] seed，无法生成每位学生的数据。",
                            "en": "{file} has no [course] seed, so per-student data cannot be made."},
    "cli.release.no_exchange": {"zh": "提示：未能发布到在线作业区（{assignment}），请用个人作业文件发放。",
                                "en": "note: {assignment} could not be released to the exchange; hand out the handouts."},
    "cli.release.done": {"zh": "已生成学生版作业 {assignment}：{folder}",
                         "en": "student version of {assignment} generated: {folder}"},
    "cli.release.exchange": {"zh": "已发布到在线作业区：{assignment}", "en": "released to the course exchange: {assignment}"},
    "cli.release.handouts": {"zh": "已为 {count} 名学生生成个人作业文件：{folder}；上传用 zip：{zips}",
                             "en": "handouts for {count} students: {folder}; zips for the LMS: {zips}"},
    "cli.release.no_students": {"zh": "花名册为空，没有生成个人作业文件。请先运行 logicrm roster import。",
                                "en": "the roster is empty, so no handouts were made. Run logicrm roster import first."},
    # collect ---------------------------------------------------------------------------------
    "cli.collect.bad_deadline": {"zh": "看不懂截止时间“{given}”，请写成 2025-03-14 23:59。",
                                 "en": "cannot read the deadline '{given}'; write it like 2025-03-14 23:59."},
    "cli.collect.bad_zip": {"zh": "“{file}”不是有效的 zip 文件（可能下载不完整）。没有改动任何作业。",
                            "en": "'{file}' is not a valid zip file (an incomplete download?). No submission was changed."},
    "cli.collect.summary": {
        "zh": "{assignment}：下载包中共 {files} 个文件（含学生压缩包里的文件）：收到 {collected} 份（其中迟交 {late} 份），"
              "保留已有的较新作业 {kept} 份，重复 {duplicates} 份，未匹配或损坏 {unmatched} 份，"
              "随作业保存的其他文件 {attached} 个，不是 Notebook 的作业文件 {not_notebook} 个，"
              "已解压的学生压缩包 {unpacked} 个，跳过的系统文件 {skipped} 个。",
        "en": "{assignment}: {files} files in the download (counting those in students' zips): "
              "{collected} collected ({late} late), {kept} newer existing kept, {duplicates} duplicates, "
              "{unmatched} unmatched or damaged, {attached} other files kept with the work, "
              "{not_notebook} handed in but not notebooks, {unpacked} students' zips unpacked, "
              "{skipped} system files skipped.",
    },
    "cli.collect.exchange_summary": {
        "zh": "{assignment}：从在线作业区收到 {collected} 份（其中迟交 {late} 份）。",
        "en": "{assignment}: {collected} collected from the exchange ({late} late).",
    },
    "cli.collect.late_mark": {"zh": "，迟交", "en": ", late"},
    "cli.collect.data_flagged": {
        "zh": "注意：{count} 份作业交回的数据文件不是发给该学生的（可能改动过数据或抄了别人的作业），评分时不会使用：",
        "en": "attention: {count} submissions hold a data file that is not the one handed to that "
              "student (edited data or copied work?); grading does not use it:",
    },
    "cli.collect.cannot_check": {
        "zh": "作业已收好，但无法核对数据文件：{reason}",
        "en": "the work is collected, but the data files cannot be checked: {reason}",
    },
    "cli.collect.data_missing": {
        "zh": "{count} 份作业没有交数据文件：评分时使用发给这些学生的数据，不影响成绩。",
        "en": "{count} submissions came without the data file: grading uses the data handed to "
              "those students, their grades are not affected.",
    },
    "cli.collect.not_in_roster": {"zh": "注意：这些学号不在花名册中：{ids}",
                                  "en": "attention: these ids are not in the roster: {ids}"},
    "cli.collect.set_aside": {"zh": "未使用的文件已另存到：{folder}", "en": "files not used are kept in: {folder}"},
    "cli.collect.record": {"zh": "每个文件的处理结果已记录在：{file}", "en": "what happened to each file is recorded in: {file}"},
    "cli.collect.not_gradable": {
        "zh": "有 {count} 名学生{state}：{ids}。文件已保存（见上表）；请让他们重新上传 .ipynb 文件。",
        "en": "{count} students {state}: {ids}. The files are kept (see the table); ask them to "
              "upload the .ipynb file again.",
    },
    "cli.collect.missing": {"zh": "还有 {count} 名学生没有交：{ids}", "en": "{count} students have not handed in: {ids}"},
    # autograde ---------------------------------------------------------------------------------
    "cli.autograde.status.graded": {"zh": "已评分", "en": "graded"},
    "cli.autograde.status.skipped": {"zh": "跳过（已评过）", "en": "skipped (already graded)"},
    "cli.autograde.status.failed": {"zh": "失败", "en": "failed"},
    "cli.autograde.summary": {
        "zh": "{assignment}：评分 {graded} 份，跳过 {skipped} 份，失败 {failed} 份；用时 {seconds} 秒（{workers} 个并行）。",
        "en": "{assignment}: {graded} graded, {skipped} skipped, {failed} failed in {seconds} s ({workers} workers).",
    },
    # feedback, export, status ----------------------------------------------------------------------
    "cli.feedback.nothing": {"zh": "{assignment} 还没有评过分的作业，请先运行 logicrm autograde {assignment}。",
                             "en": "{assignment} has no graded submissions yet; run logicrm autograde {assignment} first."},
    "cli.feedback.done": {"zh": "已生成 {assignment} 的反馈：{count} 名学生，{folder}",
                          "en": "feedback for {assignment}: {count} students, {folder}"},
    "cli.feedback.failed": {
        "zh": "有 {count} 名学生的反馈未能生成（其他学生的反馈已生成）。请查看 autograded 文件夹中他们的 Notebook，"
              "必要时用 logicrm autograde {assignment} --student 学号 --force 重新评分，再运行 logicrm feedback {assignment}：",
        "en": "feedback could not be made for {count} students (everyone else's was). Look at their notebooks "
              "in the autograded folder and, if needed, grade them again with logicrm autograde {assignment} "
              "--student ID --force, then run logicrm feedback {assignment}:",
    },
    "cli.feedback.failed_student": {"zh": "  {student} {name}，原因：{reason}", "en": "  {student} {name}: {reason}"},
    "cli.feedback.released": {
        "zh": "已发布到在线作业区：{count} 名学生（通过在线作业区交作业的）；其余 {others} 名学生的反馈请从 feedback 文件夹通过教学平台发放。",
        "en": "released to the exchange: {count} students (those who submitted through it); hand the "
              "other {others} students' feedback out through the LMS from the feedback folder.",
    },
    "cli.export.locked": {"zh": "无法写入“{file}”：文件可能正在 Excel/WPS 中打开。请关闭后再试。",
                          "en": "cannot write '{file}': it may be open in Excel/WPS. Close it and try again."},
    "cli.export.sheet_students": {"zh": "成绩", "en": "grades"},
    "cli.export.sheet_cells": {"zh": "分步得分", "en": "per step"},
    "cli.status.students": {"zh": "花名册：{count} 名学生", "en": "roster: {count} students"},
    "cli.status.none": {"zh": "课程中还没有作业。", "en": "the course has no assignments yet."},
    "cli.state.graded": {"zh": "已评分", "en": "graded"},
    "cli.state.manual": {"zh": "待人工评分", "en": "waiting for manual grading"},
    "cli.state.missing": {"zh": "未提交", "en": "not submitted"},
    # columns ------------------------------------------------------------------------------------
    "cli.col.id": {"zh": "学号", "en": "id"},
    "cli.col.student": {"zh": "学号", "en": "student"},
    "cli.col.name": {"zh": "姓名", "en": "name"},
    "cli.col.class": {"zh": "班级", "en": "class"},
    "cli.col.group": {"zh": "小组", "en": "group"},
    "cli.col.assignment": {"zh": "作业", "en": "assignment"},
    "cli.col.notebook": {"zh": "文件", "en": "notebook"},
    "cli.col.cell": {"zh": "评分项", "en": "grade cell"},
    "cli.col.score": {"zh": "得分", "en": "score"},
    "cli.col.max_score": {"zh": "满分", "en": "max"},
    "cli.col.needs_manual_grade": {"zh": "待人工评分", "en": "needs manual grading"},
    "cli.col.total": {"zh": "{assignment} 得分", "en": "{assignment} score"},
    "cli.col.max": {"zh": "{assignment} 满分", "en": "{assignment} max"},
    "cli.col.state": {"zh": "{assignment} 状态", "en": "{assignment} state"},
    "cli.col.file": {"zh": "文件", "en": "file"},
    "cli.col.time": {"zh": "时间", "en": "time"},
    "cli.col.status": {"zh": "结果", "en": "result"},
    "cli.col.detail": {"zh": "说明", "en": "detail"},
    "cli.col.seconds": {"zh": "秒", "en": "seconds"},
    "cli.col.note": {"zh": "备注", "en": "note"},
    "cli.col.due": {"zh": "截止时间", "en": "due"},
    "cli.col.released": {"zh": "已发布", "en": "released"},
    "cli.col.handouts": {"zh": "个人作业文件", "en": "handouts"},
    "cli.col.collected": {"zh": "已收", "en": "collected"},
    "cli.col.graded": {"zh": "已评分", "en": "graded"},
    "cli.col.manual": {"zh": "待人工评分", "en": "manual grading"},
    "cli.col.feedback": {"zh": "已反馈", "en": "feedback"},
    "cli.col.data_flagged": {"zh": "数据文件可疑", "en": "data file flagged"},
    "cli.col.data_file": {"zh": "{assignment} 数据文件", "en": "{assignment} data file"},
    # demo ---------------------------------------------------------------------------------------
    "cli.demo.step": {"zh": "== 第 {step} 步：{what}", "en": "== step {step}: {what}"},
    "cli.demo.s_init": {"zh": "新建课程 {directory}", "en": "new course {directory}"},
    "cli.demo.s_roster": {"zh": "导入花名册（{students} 名学生，{groups} 个小组）",
                          "en": "roster imported ({students} students, {groups} groups)"},
    "cli.demo.s_release": {"zh": "发布作业 {assignment}，每位学生一份数据",
                           "en": "release the assignment {assignment} with per-student data"},
    "cli.demo.s_collect": {"zh": "模拟全班交作业，从教学平台下载包收作业：{file}",
                           "en": "simulated class submissions, collected from the LMS download {file}"},
    "cli.demo.s_autograde": {"zh": "自动评分", "en": "autograde"},
    "cli.demo.s_feedback": {"zh": "生成反馈", "en": "feedback"},
    "cli.demo.s_report": {"zh": "全班错误分析", "en": "what the class got wrong"},
    "cli.demo.s_export": {"zh": "导出成绩", "en": "export grades"},
    "cli.demo.s_rubric": {"zh": "模拟小组展示评分并生成总评", "en": "simulated presentation scores and final grades"},
    "cli.demo.kind.correct": {"zh": "正确", "en": "correct"},
    "cli.demo.kind.mistake": {"zh": "典型错误", "en": "typical mistakes"},
    "cli.demo.kind.broken": {"zh": "无法运行", "en": "broken"},
    "cli.demo.kinds": {"zh": "模拟的作业：{counts}", "en": "simulated submissions: {counts}"},
    "cli.demo.done": {"zh": "演示完成，用时 {seconds} 秒。", "en": "demo finished in {seconds} s."},
    "cli.demo.grade_sheet": {"zh": "总评成绩表（含各步掌握情况）：{path}", "en": "final grade sheet (with the class's skills): {path}"},
    "cli.demo.students": {"zh": "每位学生一页的成绩单：{path}", "en": "one page per student: {path}"},
    "cli.demo.export": {"zh": "作业成绩（分步）：{path}", "en": "assignment grades (per step): {path}"},
    "cli.demo.feedback": {"zh": "学生反馈：{path}", "en": "student feedback: {path}"},
    "cli.demo.report": {"zh": "全班错误分析：{path}", "en": "class report: {path}"},
    # tier -------------------------------------------------------------------------------------
    "cli.tier.help": {"zh": "给自己的客户表（Excel/CSV）做 ABC 分层：写出表 3-8、分层图和汇总",
                      "en": "ABC-tier your own customer table (Excel/CSV): table 3-8, charts, summary"},
    "cli.tier.opt_sheet": {"zh": "工作表名称或第几个（从 1 数起；默认第一个）",
                           "en": "sheet name or position counting from 1 (default: the first)"},
    "cli.tier.opt_cuts": {"zh": "A/B 和 B/C 的累计比重分界点（%，从小到大，如 80 95；0.8 0.95 也按 80 95 理解）",
                         "en": "cumulative-share cut-offs A/B and B/C (%, increasing, e.g. 80 95; 0.8 0.95 is read as 80 95)"},
    "cli.tier.opt_boundary": {"zh": "越过分界点的客户：le / lt / cross", "en": "the customer crossing a cut: le / lt / cross"},
    "cli.tier.opt_ties": {"zh": "并列客户：same（同一类）/ order（严格按顺序）",
                          "en": "tied customers: same (one class) / order (strict order)"},
    "cli.tier.opt_out": {"zh": "输出文件夹", "en": "output folder"},
    "cli.autograde.not_linux": {
        "zh": "自动评分要在 Linux 上进行（学生的代码在 Linux 的沙箱中运行），本机是 {platform}。请在学校的 Linux "
              "服务器或 WSL 2 中的 Linux 上运行 logicrm autograde；导入花名册、发布、收作业、反馈和导出在本机也能用。",
        "en": "autograding runs on Linux (students' code runs in a Linux sandbox), and this computer is "
              "{platform}. Run logicrm autograde on the school's Linux server or in Linux under WSL 2; "
              "roster, release, collect, feedback and export work here too."},
    "cli.classroom.not_linux": {
        "zh": "在线课堂要在 Linux 上运行（每个学生在 Linux 上有自己的账户），本机是 {platform}。请在学校的 Linux "
              "服务器上运行 logicrm classroom；导入花名册、发布、收作业、反馈、导出、互评和 ABC 分类在本机也能用。",
        "en": "The classroom runs on Linux (each student gets their own Linux account), and this computer is "
              "{platform}. Run logicrm classroom on the school's Linux server; roster, release, collect, "
              "feedback, export, rubric and tier work here too."},
    "cli.autograde.lookup": {"zh": "无法评分：{reason}", "en": "cannot autograde: {reason}"},
    "cli.autograde.opt_unsandboxed": {
        "zh": "不用沙箱评分（学生的代码能读写你能读写的一切）：只在本机无法使用沙箱、且你接受这个风险时使用。",
        "en": "Grade without the sandbox (students' code can read and write whatever you can): only "
              "when this machine cannot sandbox and you accept the risk.",
    },
    "cli.autograde.unsandboxed": {
        "zh": "⚠ 注意：这次评分没有使用沙箱。学生的代码以你的权限运行，可能读取课程文件、改动成绩。",
        "en": "⚠ Warning: this grading ran without the sandbox. Students' code ran with your rights "
              "and could read course files or change grades.",
    },
    "cli.autograde.no_sandbox": {
        "zh": "无法评分：本机不能为学生的代码建立沙箱（{reason}）。在 Debian/Ubuntu 上以 root 运行 make setup "
              "会安装 bubblewrap；其他系统请见 README“可信的评分”。若确实要在没有沙箱的情况下评分，请加 --unsandboxed。",
        "en": "cannot autograde: this machine cannot sandbox students' code ({reason}). On Debian/"
              "Ubuntu, make setup run as root installs bubblewrap; for other systems see the README "
              "(\"Grading you can trust\"). To grade without a sandbox anyway, add --unsandboxed.",
    },
    "cli.autograde.setup": {
        "zh": "无法评分：作业的教师版 Notebook 有问题（{reason}）。请改正 source/ 中的 Notebook 后重新发布。",
        "en": "cannot autograde: the teacher's notebook of the assignment has a problem ({reason}). "
              "Correct the notebook in source/ and release again.",
    },
    "cli.autograde.course_visible": {
        "zh": "无法评分：课程文件夹位于沙箱必须显示的 Python 环境之内（{reason}），学生的代码将能读到它。请把课程放到别处。",
        "en": "cannot autograde: the course folder lies inside the Python environment the sandbox "
              "must show ({reason}), so students' code could read it. Move the course elsewhere.",
    },
}
