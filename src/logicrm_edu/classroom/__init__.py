"""The classroom: a JupyterHub for the course on this machine.

Students log in with their 学号 and work in a Chinese JupyterLab as their own Unix user;
the teacher logs in to the same hub and grades in formgrader.  ``start_classroom`` and
``stop_classroom`` (:mod:`.service`) are what ``logicrm classroom`` and tests call;
``sync_hub_users`` (:mod:`.sync`) keeps the hub's accounts in step with the roster.
Nothing here imports JupyterHub at module level: only the hub process itself does.
"""
from __future__ import annotations

from .service import classroom_status, start_classroom, stop_classroom
from .sync import sync_hub_users

__all__ = ["classroom_status", "start_classroom", "stop_classroom", "sync_hub_users"]
