"""``jupyterhub_config.py`` for the course, written afresh at every start."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from .paths import ClassroomPaths
from .server_view import answer_folders, view_args


@dataclass(frozen=True)
class HubAddress:
    ip: str         # where students' browsers connect: 127.0.0.1, or 0.0.0.0 for the LAN
    port: int       # the public port (the proxy)
    hub_port: int   # the hub's own port, loopback only
    api_port: int   # the proxy's API, loopback only


def proxy_command() -> Path:
    """configurable-http-proxy as ``make setup`` installs it (npm, into the venv)."""
    return Path(sys.prefix) / "bin" / "configurable-http-proxy"


def hub_config_text(paths: ClassroomPaths, address: HubAddress, teachers) -> str:
    hub, bin_dir = paths.hub, Path(sys.prefix) / "bin"
    settings = {
        "JupyterHub.bind_url": f"http://{address.ip}:{address.port}",
        "JupyterHub.hub_bind_url": f"http://127.0.0.1:{address.hub_port}",
        "ConfigurableHTTPProxy.api_url": f"http://127.0.0.1:{address.api_port}",
        "ConfigurableHTTPProxy.command": [str(proxy_command())],
        "ConfigurableHTTPProxy.pid_file": str(hub / "proxy.pid"),
        "JupyterHub.db_url": f"sqlite:///{hub / 'jupyterhub.sqlite'}",
        "JupyterHub.cookie_secret_file": str(hub / "jupyterhub_cookie_secret"),
        "JupyterHub.pid_file": str(hub / "jupyterhub.pid"),
        # stopping the hub stops the proxy and every server: nothing is left running
        "JupyterHub.cleanup_servers": True,
        "JupyterHub.cleanup_proxy": True,
        "JupyterHub.authenticator_class": "logicrm_edu.classroom.authenticator.ClassroomAuthenticator",
        "ClassroomAuthenticator.accounts_file": str(paths.accounts),
        # only accounts in the store can log in at all (the authenticator checks)
        "Authenticator.allow_all": True,
        "Authenticator.admin_users": set(teachers),
        "JupyterHub.spawner_class": "logicrm_edu.classroom.spawner.ClassroomSpawner",
        "ClassroomSpawner.course_dir": str(paths.course),
        "ClassroomSpawner.teachers": list(teachers),
        "ClassroomSpawner.student_config": str(paths.student_config),
        "ClassroomSpawner.teacher_config": str(paths.teacher_config),
        "ClassroomSpawner.server_command": [str(bin_dir / "jupyterhub-singleuser")],
        # the course's own exchange stays visible even if it sits inside the template
        "ClassroomSpawner.view": view_args(hidden=[folder for folder in answer_folders()
                                                   if not paths.course.is_relative_to(folder)]),
        "Spawner.default_url": "/lab",
        "Spawner.http_timeout": 120,
        "Spawner.start_timeout": 120,
        "Spawner.environment": {"PATH": f"{bin_dir}:/usr/local/bin:/usr/bin:/bin",
                                "LANG": "C.UTF-8"},
    }
    lines = ['"""Written by `logicrm classroom start` at every start: edits here are lost."""',
             "c = get_config()  # noqa: F821", ""]
    lines += [f"c.{name} = {value!r}" for name, value in settings.items()]
    return "\n".join(lines) + "\n"


def write_hub_config(paths: ClassroomPaths, address: HubAddress, teachers) -> Path:
    paths.hub_config.write_text(hub_config_text(paths, address, teachers), encoding="utf-8")
    return paths.hub_config
