import stat

from logicrm_edu.classroom.accounts import (PASSWORD_ALPHABET, check_login, load_accounts,
                                            make_account, new_password, save_accounts)


def test_new_passwords_are_eight_unambiguous_characters():
    passwords = {new_password() for _ in range(200)}
    assert len(passwords) == 200
    for password in passwords:
        assert len(password) == 8
        assert not set(password) & set("0O1lI")
        assert set(password) <= set(PASSWORD_ALPHABET)


def test_store_keeps_hashes_and_checks_logins(tmp_path):
    path = tmp_path / "accounts.json"
    save_accounts(path, {"2301": make_account("student", "abc23def"),
                         "teacher": make_account("teacher", "t3acher9")})
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text()
    assert "abc23def" in text  # the initial password, for the handout
    stored = load_accounts(path)
    assert stored["2301"].hash != "abc23def" and len(stored["2301"].hash) == 128
    assert check_login(path, "2301", "abc23def")
    assert not check_login(path, "2301", "abc23deg")
    assert not check_login(path, "2302", "abc23def")  # no such account
    assert check_login(path, "teacher", "t3acher9")


def test_closed_account_cannot_log_in(tmp_path):
    path = tmp_path / "accounts.json"
    account = make_account("student", "abc23def")
    account.active = False
    save_accounts(path, {"2301": account})
    assert not check_login(path, "2301", "abc23def")


def test_same_password_gets_different_salts():
    one, two = make_account("student", "same1234"), make_account("student", "same1234")
    assert one.salt != two.salt and one.hash != two.hash
