from logicrm_edu.classroom.server_view import view_args, wrapped_command


def test_nothing_to_show_when_every_folder_is_open(open_dir):
    env = open_dir / "opt" / "python"
    env.mkdir(parents=True)
    assert view_args([env], hidden=[]) == []


def test_closed_folder_replaced_by_one_showing_only_the_environment(open_dir):
    closed = open_dir / "root"
    env = closed / ".pyenv" / "versions" / "3.11"
    env.mkdir(parents=True)
    (closed / "secret.txt").write_text("x")
    closed.chmod(0o700)
    assert view_args([env, env / "lib"], hidden=[]) == [
        "--perms", "0755", "--tmpfs", str(closed),
        "--perms", "0755", "--dir", str(closed / ".pyenv"),
        "--perms", "0755", "--dir", str(closed / ".pyenv" / "versions"),
        "--ro-bind", str(env), str(env)]


def test_wrapped_command_drops_to_the_student():
    command = wrapped_command(["serve"], ["--ro-bind", "/a", "/a"], 1234, 5678)
    assert command[:3] == ["bwrap", "--dev-bind", "/"]
    assert command[command.index("--") + 1:] == ["setpriv", "--reuid=1234", "--regid=5678",
                                                  "--init-groups", "--inh-caps=-all", "serve"]


def test_answer_folders_are_hidden(open_dir):
    answers = open_dir / "course_template"
    answers.mkdir()
    assert view_args([], hidden=[answers]) == ["--tmpfs", str(answers)]
