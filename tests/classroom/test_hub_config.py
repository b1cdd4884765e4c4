import sys
from pathlib import Path

from traitlets.config import Config

from logicrm_edu.classroom.hub_config import HubAddress, hub_config_text
from logicrm_edu.classroom.paths import classroom_paths


def _run(text: str) -> Config:
    config = Config()
    exec(compile(text, "jupyterhub_config.py", "exec"), {"get_config": lambda: config})
    return config


def test_config_binds_loopback_and_keeps_state_in_the_course(tmp_path):
    paths = classroom_paths(tmp_path)
    config = _run(hub_config_text(paths, HubAddress("127.0.0.1", 8000, 8081, 8001), ["wang"]))
    hub = tmp_path / ".classroom" / "hub"
    assert config.JupyterHub.bind_url == "http://127.0.0.1:8000"
    assert config.JupyterHub.hub_bind_url == "http://127.0.0.1:8081"
    assert config.ConfigurableHTTPProxy.api_url == "http://127.0.0.1:8001"
    assert config.JupyterHub.db_url == f"sqlite:///{hub}/jupyterhub.sqlite"
    assert config.JupyterHub.cookie_secret_file == str(hub / "jupyterhub_cookie_secret")
    assert config.ConfigurableHTTPProxy.command == [str(Path(sys.prefix) / "bin" / "configurable-http-proxy")]
    assert config.JupyterHub.cleanup_servers is True and config.JupyterHub.cleanup_proxy is True


def test_config_names_teachers_authenticator_and_spawner(tmp_path):
    paths = classroom_paths(tmp_path)
    config = _run(hub_config_text(paths, HubAddress("0.0.0.0", 80, 1, 2), ["wang", "li"]))
    assert config.JupyterHub.bind_url == "http://0.0.0.0:80"
    assert config.Authenticator.admin_users == {"wang", "li"}
    assert config.JupyterHub.authenticator_class.endswith("ClassroomAuthenticator")
    assert config.ClassroomAuthenticator.accounts_file == str(tmp_path / ".classroom/hub/accounts.json")
    assert config.ClassroomSpawner.teachers == ["wang", "li"]
    assert config.ClassroomSpawner.course_dir == str(tmp_path)
    assert config.ClassroomSpawner.student_config == str(tmp_path / ".classroom/student")
    assert config.Spawner.default_url == "/lab"
