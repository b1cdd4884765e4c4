"""Messages of the classroom (``logicrm classroom``, the hub's accounts)."""
from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # help -------------------------------------------------------------------------------------
    "cli.classroom.help": {
        "zh": "在线课堂：在本机运行课程的 JupyterHub，学生用学号登录，在中文 JupyterLab 中领取、完成和提交作业；"
              "教师登录后在 formgrader 中批改。",
        "en": "The classroom: the course's JupyterHub on this machine. Students log in with their "
              "student id, fetch, do and submit assignments in a Chinese JupyterLab; the teacher "
              "logs in and grades in formgrader."},
    "cli.classroom.start_help": {
        "zh": "启动在线课堂（在后台运行，可以访问后返回）。学生账号来自花名册，初始密码在课程文件夹的 "
              "classroom_passwords.xlsx 中。需要 root 权限。",
        "en": "Start the classroom (in the background; returns once it answers). Student accounts "
              "come from the roster; their initial passwords are in classroom_passwords.xlsx in "
              "the course folder. Needs root."},
    "cli.classroom.stop_help": {"zh": "停止在线课堂（学生的文件都会保留）。",
                                "en": "Stop the classroom (students' files are kept)."},
    "cli.classroom.status_help": {"zh": "显示在线课堂是否在运行及其网址。",
                                  "en": "Show whether the classroom runs, and its address."},
    "cli.classroom.password_help": {
        "zh": "为一个账号（学号或教师名）重新生成初始密码并显示（学生忘记密码时）。",
        "en": "Make and show a new initial password for one account (a student id or a teacher's "
              "name), e.g. when a student forgot theirs."},
    "classroom.opt_port": {"zh": "学生浏览器访问的端口", "en": "the port students' browsers use"},
    "classroom.opt_lan": {"zh": "向学校局域网开放（默认只允许本机访问）",
                          "en": "open to the school LAN (by default only this computer can connect)"},
    # what the commands say -------------------------------------------------------------------
    "classroom.started": {"zh": "在线课堂已启动：{url}", "en": "The classroom is running: {url}"},
    "classroom.running": {"zh": "在线课堂正在运行：{url}（进程 {pid}，日志 {log}）",
                          "en": "The classroom is running: {url} (process {pid}, log {log})"},
    "classroom.not_running": {"zh": "在线课堂没有运行。", "en": "The classroom is not running."},
    "classroom.stopped": {"zh": "在线课堂已停止，学生的文件都已保留。",
                          "en": "The classroom has stopped; students' files are kept."},
    "classroom.lan_warning": {
        "zh": "注意：在线课堂向局域网开放，同一网络中的任何人都能打开登录页。连接没有加密（HTTP）：密码以明文传输。"
              "请只在学校内网使用；要加密，请在前面放一个 HTTPS 反向代理（如 nginx 或 Caddy，使用学校的证书）。",
        "en": "Warning: the classroom is open to the LAN; anyone on the same network can open the "
              "login page. The connection is not encrypted (HTTP): passwords travel in clear. Use "
              "it on the school network only; for encryption put an HTTPS reverse proxy in front "
              "(e.g. nginx or Caddy with the school's certificate)."},
    "classroom.own_data": {
        "zh": "在线课堂：每位学生在 Assignments 页面领取 {assignment} 时，会同时得到自己的数据文件。",
        "en": "classroom: each student gets their own data file with {assignment} when they fetch it "
              "in the Assignments tab."},
    "classroom.accounts": {
        "zh": "学生账号：新增 {added}，停用 {closed}，恢复 {returned}。初始密码表：{handout}（请打印后分发，学生用学号和这个密码登录）",
        "en": "Student accounts: {added} added, {closed} closed, {returned} reopened. Initial "
              "passwords: {handout} (print and hand out; students log in with their id and this password)"},
    "classroom.teacher_password": {
        "zh": "教师账号“{name}”的密码：{password}（请记下；忘记时运行 logicrm classroom password {name}）",
        "en": "Password of the teacher account '{name}': {password} (write it down; if forgotten, "
              "run logicrm classroom password {name})"},
    "classroom.new_password": {"zh": "账号“{name}”的新密码：{password}",
                               "en": "New password of the account '{name}': {password}"},
    "classroom.skipped": {"zh": "学号“{id}”没有账号：{reason}", "en": "student id '{id}' has no account: {reason}"},
    "classroom.skip.bad_id": {
        "zh": "它不能作为登录名（只能用小写字母、数字和 . _ -，不超过 32 个字符）",
        "en": "it cannot be a login name (lower-case letters, digits and . _ - only, at most 32 characters)"},
    "classroom.skip.teacher_name": {"zh": "它与 course.toml 中的教师账号同名",
                                    "en": "it is also a teacher's name in course.toml"},
    "classroom.skip.foreign_user": {
        "zh": "本机已有同名的系统用户，且不是课堂创建的学生用户（为安全起见不会使用它）",
        "en": "this computer already has a user of that name that the classroom did not make "
              "(it is not used, for safety)"},
    # mistakes -------------------------------------------------------------------------------
    "classroom.teachers_not_list": {
        "zh": "[classroom] 中的 teachers 应是教师账号名的列表，例如 teachers = [\"wanglaoshi\"]。",
        "en": "teachers in [classroom] must be a list of teacher account names, e.g. "
              "teachers = [\"wanglaoshi\"]."},
    "classroom.bad_teacher_name": {
        "zh": "[classroom] 中的教师账号名“{name}”不能用作登录名：只能用小写字母、数字和 . _ -，不超过 32 个字符。",
        "en": "the teacher account name '{name}' in [classroom] cannot be a login name: lower-case "
              "letters, digits and . _ - only, at most 32 characters."},
    "classroom.bad_homes": {
        "zh": "[classroom] 中的 homes 应是一个绝对路径（学生主目录所在的文件夹，如 \"/home\"），而不是“{value}”。",
        "en": "homes in [classroom] must be an absolute folder path (where students' home folders "
              "go, e.g. \"/home\"), not '{value}'."},
    "classroom.need_root": {
        "zh": "在线课堂需要 root 权限（要为每位学生建立系统用户，并以学生的身份运行其 JupyterLab）：请用 sudo 运行。",
        "en": "the classroom needs root (it makes a system user per student and runs each "
              "student's JupyterLab as that user): run it with sudo."},
    "classroom.linux_only": {"zh": "在线课堂只能在 Linux 服务器上运行。",
                             "en": "the classroom runs on a Linux server only."},
    "classroom.no_proxy": {
        "zh": "找不到 JupyterHub 的代理程序 {path}：请在项目文件夹中运行 make setup。",
        "en": "JupyterHub's proxy {path} is missing: run make setup in the project folder."},
    "classroom.no_jupyterhub": {
        "zh": "没有安装 JupyterHub：请运行 make setup（或 pip install \"logicrm-edu[classroom]\"）。",
        "en": "JupyterHub is not installed: run make setup (or pip install \"logicrm-edu[classroom]\")."},
    "classroom.no_acl": {
        "zh": "缺少 setfacl（用来保证学生看不到课程文件）：请运行 make setup，或 apt-get install acl。",
        "en": "setfacl is missing (it keeps course files away from students): run make setup, "
              "or apt-get install acl."},
    "classroom.no_bwrap": {
        "zh": "缺少 bubblewrap：学生的 JupyterLab 要通过它启动（看不到参考答案，也能使用本机的 Python）。请运行 make setup"
              "（或 apt-get install bubblewrap）。",
        "en": "bubblewrap is missing: students' JupyterLab starts through it (so it cannot see the "
              "reference answers and can use this machine's Python). Run make setup (or apt-get "
              "install bubblewrap)."},
    "classroom.unreachable": {
        "zh": "学生的程序无法进入课程文件夹 {course}：上层文件夹 {folder} 不允许其他用户通过。请把课程放到 /srv 之类的位置，"
              "或运行 chmod o+x {folder}（只允许通过，不允许查看其中的文件）。",
        "en": "students' servers cannot reach the course folder {course}: the folder {folder} above "
              "it is closed to other users. Move the course to e.g. /srv, or run chmod o+x {folder} "
              "(passing through only, its files stay hidden)."},
    "classroom.already_running": {"zh": "在线课堂已经在运行：{url}", "en": "the classroom is already running: {url}"},
    "classroom.port_taken": {
        "zh": "端口 {port} 已被占用（可能是另一个程序或另一门课程的在线课堂）：请用 --port 换一个端口。",
        "en": "port {port} is in use (another program, or another course's classroom): choose "
              "another with --port."},
    "classroom.start_failed": {"zh": "在线课堂没能启动，原因见日志 {log}，最后几行：\n{tail}",
                               "en": "the classroom did not start; its log {log} says why. Its last lines:\n{tail}"},
    "classroom.start_timeout": {
        "zh": "在线课堂 {seconds} 秒内没有响应，已停止。原因见日志 {log}，最后几行：\n{tail}",
        "en": "the classroom did not answer within {seconds} s and was stopped; see its log {log}. "
              "Its last lines:\n{tail}"},
    "classroom.unknown_account": {
        "zh": "在线课堂中没有账号“{name}”（学生账号来自花名册，教师账号在 course.toml 的 [classroom] teachers 中）。",
        "en": "the classroom has no account '{name}' (student accounts come from the roster, "
              "teachers' from [classroom] teachers in course.toml)."},
    "classroom.no_classroom": {
        "zh": "这门课程还没有启动过在线课堂：请先运行 logicrm classroom start。",
        "en": "this course has never started a classroom: run logicrm classroom start first."},
    # the password handout ---------------------------------------------------------------------
    "classroom.handout.sheet": {"zh": "课堂账号", "en": "Classroom accounts"},
    "classroom.handout.id": {"zh": "学号（登录名）", "en": "Student id (login)"},
    "classroom.handout.name": {"zh": "姓名", "en": "Name"},
    "classroom.handout.class": {"zh": "班级", "en": "Class"},
    "classroom.handout.password": {"zh": "初始密码", "en": "Initial password"},
}
