"""Messages of the graded assignments' notebook layer."""

MESSAGES = {
    "task.scheme": {
        "zh": "本次作业的分层方案：{scheme}；类别：{labels}。\n边界规则：{boundary}。\n并列规则：{ties}。",
        "en": "Tiering scheme of this assignment: {scheme}; classes: {labels}.\n"
              "Boundary rule: {boundary}.\nTie rule: {ties}.",
    },
    "task.required": {
        "zh": "找到了 {names}；这个单元格的隐藏测试会在评分时用你没见过的数据再核对一次。",
        "en": "found {names}; this cell's hidden test checks them again at grading time, on "
              "data you have not seen.",
    },
    "task.undefined": {
        "zh": "没有找到变量 {name}",
        "en": "the variable {name} does not exist",
    },
    "task.undefined.hint": {
        "zh": "这一步的答案单元格可能还没写完或运行出错：请从上到下重新运行，确保它给 {name} 赋了值。",
        "en": "the answer cell of this step may be unfinished or raise an error: run the notebook "
              "from the top and make sure it assigns {name}.",
    },
    "task.grader_only": {
        "zh": "这项检查用教师的数据核对，只在教师评分时进行",
        "en": "this check uses the teacher's data and runs only when the teacher grades",
    },
    "task.grader_only.hint": {
        "zh": "这不是你的错误：提交后，评分时会自动完成这项检查。",
        "en": "this is not your mistake: the check runs automatically when your work is graded.",
    },
}
