"""Reading needs no write lock: while another program holds the database, the reading
commands open it at once (the TUI: tui/test_database_trouble.py)."""

import sqlite3
import time

from helpers import studied

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
