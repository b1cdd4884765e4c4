"""The hub's login: a 学号 (or a teacher's name) and the password the teacher handed out.

Read from the course's account store at every login, so ``logicrm roster import``
takes effect without restarting the hub.  Imported only by the hub process.
"""
from __future__ import annotations

import asyncio

from jupyterhub.auth import Authenticator
from traitlets import Unicode

from .accounts import check_login


class ClassroomAuthenticator(Authenticator):
    accounts_file = Unicode(config=True, help="the course's .classroom/hub/accounts.json")

    async def authenticate(self, handler, data):
        name = self.normalize_username((data.get("username") or "").strip())
        # scrypt takes tens of ms: off the event loop, so a class logging in at once is not queued
        if await asyncio.to_thread(check_login, self.accounts_file, name, data.get("password") or ""):
            return name
        self.log.warning("failed login for %r", name)
        return None
