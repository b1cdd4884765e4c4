"""Hub accounts and their passwords, in ``.classroom/hub/accounts.json`` (0600).

Each account keeps a salted scrypt hash, and its initial password in clear so the
teacher's handout can be printed again; a student never chooses a password, so a
classmate who knows their 学号 cannot claim their account first.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path

# no 0/O, 1/l/I: read from a paper slip and typed by a student
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
PASSWORD_LENGTH = 8
_SCRYPT = dict(n=2 ** 14, r=8, p=1)


@dataclass
class Account:
    role: str          # "student" or "teacher"
    salt: str
    hash: str
    initial: str       # the password handed out
    active: bool = True  # False once the student left the roster: the work stays


def new_password() -> str:
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_LENGTH))


def _digest(password: str, salt: str) -> str:
    return hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), **_SCRYPT).hex()


def make_account(role: str, password: str | None = None) -> Account:
    """A new account with ``password`` (default: a new random one)."""
    password = password or new_password()
    salt = secrets.token_hex(16)
    return Account(role, salt, _digest(password, salt), password)


def password_matches(account: Account, password: str) -> bool:
    return hmac.compare_digest(_digest(password, account.salt), account.hash)


def load_accounts(path) -> dict[str, Account]:
    path = Path(path)
    if not path.is_file():
        return {}
    return {name: Account(**fields) for name, fields in json.loads(path.read_text("utf-8")).items()}


def save_accounts(path, accounts: dict[str, Account]) -> None:
    """Written whole to a 0600 file, then moved into place: the hub never reads half."""
    path = Path(path)
    partial = path.with_suffix(".tmp")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump({name: asdict(a) for name, a in sorted(accounts.items())}, out,
                  ensure_ascii=False, indent=1)
    os.replace(partial, path)


def check_login(path, name: str, password: str) -> bool:
    """True when ``name`` is an active account and ``password`` is its password."""
    account = load_accounts(path).get(name)
    return bool(account and account.active and password_matches(account, password))
