"""Reading needs no write lock: while another program holds the database, the app and
the reading commands open it at once."""

import sqlite3
import time

from safety_helpers import studied

from studytui.cli import main
from studytui.store import open_store


def test_stats_and_open_do_not_wait_for_a_held_write_lock(tmp_path, capsys):
    studied(tmp_path)
    other = sqlite3.connect(tmp_path / "studytui.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    began = time.monotonic()
    store = open_store(tmp_path)
    store.set_setting("profile", "张三")  # unchanged: nothing to write
    store.close()
    assert main(["--data-dir", str(tmp_path), "stats"]) == 0
    assert time.monotonic() - began < 5
    other.execute("ROLLBACK")


def test_a_lock_held_too_long_is_said_in_chinese(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("studytui.store.connection.BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr("studytui.store.waiting.SAVE_WAIT", 0.05)
    other = sqlite3.connect(tmp_path / "studytui.db", isolation_level=None)
    other.execute("CREATE TABLE t(x)")
    other.execute("BEGIN EXCLUSIVE")
    assert main(["--data-dir", str(tmp_path), "stats"]) == 1
    err = capsys.readouterr().err
    assert "占用" in err and "database is locked" not in err
    other.execute("ROLLBACK")


def _held(data):
    other = sqlite3.connect(data / "studytui.db", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    other.execute("INSERT INTO settings(key, value) VALUES ('held', '1')")
    return other


async def test_the_tui_starts_at_once_under_a_held_lock_and_keeps_the_bank_chosen(tmp_path):
    """Choosing a bank is a setting: kept in memory while the database is held, written after."""
    from helpers import THREE

    from studytui.app import StudyApp

    studied(tmp_path)
    other = _held(tmp_path)
    began = time.monotonic()
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert time.monotonic() - began < 5 and app.profile_name == "张三"
        chosen = app.store.setting("bank")
        assert chosen is not None
        other.execute("ROLLBACK")
    assert open_store(tmp_path).setting("bank") == chosen


async def test_a_new_name_under_a_held_lock_is_told_not_frozen(tmp_path, monkeypatch):
    from textual.widgets import Input

    from helpers import THREE

    from studytui.app import StudyApp

    monkeypatch.setattr("studytui.store.waiting.SAVE_WAIT", 0.2)
    open_store(tmp_path).close()
    other = _held(tmp_path)
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.screen.query_one("#new-profile", Input).value = "李四"
        await pilot.press("enter")
        await pilot.pause()
        assert app.profile_id is None
        assert "数据库被另一个程序占用，请稍后再试" in [n.message for n in app._notifications]
        other.execute("ROLLBACK")
        app.screen.query_one("#new-profile", Input).value = "李四"
        await pilot.press("enter")
        await pilot.pause()
        assert app.profile_name == "李四"
