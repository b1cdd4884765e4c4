"""Messages of the feedback page: its frame, and student cells' errors in plain words."""

MESSAGES = {
    # the page's frame (nbgrader's feedback template, in Chinese first)
    "feedback.score": {"zh": "得分", "en": "Score"},
    "feedback.pending_total": {
        "zh": "另有 {points} 分待老师批改", "en": "{points} more points await the teacher's marking",
    },
    "feedback.pending": {"zh": "待批改", "en": "pending"},
    "feedback.top": {"zh": "回到顶部", "en": "Top"},
    "feedback.test_cell": {"zh": "自动评分", "en": "Test cell"},
    "feedback.code_response": {"zh": "代码作答", "en": "Coding free-response"},
    "feedback.written_response": {"zh": "书面作答", "en": "Written response"},
    "feedback.task": {"zh": "任务", "en": "Task"},
    "feedback.comment": {"zh": "老师评语", "en": "Comment"},
    "feedback.comments": {"zh": "老师评语：", "en": "Comments:"},
    "feedback.late_penalty": {"zh": "迟交扣分", "en": "Late submission penalty"},
    "feedback.answer": {"zh": "你的答案", "en": "Your answer"},
    "feedback.grade_cell": {"zh": "评分单元格", "en": "Grade cell"},
    # a student's cell that stopped, in one sentence: which cell, what happened, what to do
    "feedback.cell.answer": {"zh": "第 {step} 步的答案单元格", "en": "the answer cell of step {step}"},
    "feedback.cell.nth": {"zh": "第 {n} 个代码单元格", "en": "code cell {n}"},
    "feedback.error.timeout": {
        "zh": "{cell}运行超过了 {seconds} 秒，被停了下来：检查有没有停不下来的循环，或者一次算得太多。",
        "en": "{cell} ran longer than {seconds} s and was stopped: look for a loop that never "
              "ends, or work that is far too large.",
    },
    "feedback.error.out_of_time": {
        "zh": "{cell}没有运行：整份作业的运行时间（{seconds} 秒）已经用完。先让前面运行慢的单元格快起来。",
        "en": "{cell} did not run: the notebook's running time ({seconds} s) was used up. Make "
              "the slow cells before it faster.",
    },
    "feedback.error.memory": {
        "zh": "{cell}用掉的内存超过了允许的上限：不要一次生成很大的列表或表格，只处理题目给的数据。",
        "en": "{cell} used more memory than allowed: do not build huge lists or tables at once; "
              "work only with the data you were given.",
    },
    "feedback.error.crashed": {
        "zh": "{cell}运行时程序意外退出（内存用得太多，或代码让程序退出了）：改正这个单元格，"
              "再从上到下运行整个 Notebook。",
        "en": "{cell} made the program stop (too much memory, or code that exits the program): "
              "correct this cell, then run the whole notebook from the top.",
    },
    "feedback.error.not_run": {
        "zh": "{cell}没有运行，因为程序在前面的单元格中已经退出：先改正那里。",
        "en": "{cell} did not run because the program had stopped in an earlier cell: correct "
              "that one first.",
    },
    "feedback.error.name": {
        "zh": "{cell}用到了还没有定义的名字{name}：检查拼写，并确认定义它的单元格在前面、已经运行过。",
        "en": "{cell} uses the name {name}, which is not defined yet: check the spelling, and "
              "that the cell defining it comes earlier and has run.",
    },
    "feedback.error.module": {
        "zh": "{cell}导入了不存在的模块{name}：只使用课程环境里已有的库（pandas、matplotlib 等）。",
        "en": "{cell} imports the module {name}, which does not exist here: use only the course's "
              "libraries (pandas, matplotlib, ...).",
    },
    "feedback.error.file": {
        "zh": "{cell}找不到要打开的文件：用 DATA_FILE 读取数据，不要写自己电脑上的路径。",
        "en": "{cell} cannot find the file it opens: read the data with DATA_FILE, not a path "
              "on your own computer.",
    },
    "feedback.error.key": {
        "zh": "{cell}找不到列或键{name}：检查列名是否和题目要求的完全一样（包括括号和百分号）。",
        "en": "{cell} cannot find the column or key {name}: check that the column names are "
              "exactly as the task asks (brackets and % included).",
    },
    "feedback.error.syntax": {
        "zh": "{cell}第 {line} 行有语法错误，整个单元格都没有运行：检查括号、引号、冒号和缩进。",
        "en": "{cell} has a syntax error on line {line}, so none of it ran: check brackets, "
              "quotes, colons and indentation.",
    },
    "feedback.error.not_done": {
        "zh": "{cell}还没有作答：在 # YOUR CODE HERE 处写代码，并删掉 raise NotImplementedError()。",
        "en": "{cell} is not answered yet: write your code at # YOUR CODE HERE and delete "
              "raise NotImplementedError().",
    },
    "feedback.error.other": {
        "zh": "{cell}运行出错（{error}）：按这个提示改正后，从上到下重新运行整个 Notebook。",
        "en": "{cell} stopped with an error ({error}): correct it, then run the whole notebook "
              "from the top.",
    },
    # the teacher's side
    "feedback.manual_pending": {
        "zh": "注意：{count} 名学生还有没批改的题目（{students}）；他们的反馈中这些题目显示为“待批改”。"
              "在 formgrader 中批改后，再运行一次 logicrm feedback {assignment}。",
        "en": "note: {count} students have answers not yet marked ({students}); their feedback "
              "shows those answers as pending. Mark them in the formgrader, then run logicrm "
              "feedback {assignment} again.",
    },
}
