"""The TUI when the database is held by another program, read-only, full or damaged, driven
with Pilot: it starts at once, says so, and loses no answer."""

import os
import sqlite3
import subprocess
import time
from contextlib import contextmanager

from helpers import answers_in, prepare, screen_name, settle, studied
from test_store import _damage, _store_with_answers
from textual.widgets import Input

from studytui.app import WAITING
from studytui.store import Answer, open_store


def held(data):
    """Another program holding the database's write lock: ROLLBACK lets it go."""
    other = sqlite3.connect(data / "studytui.db", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    other.execute("INSERT INTO settings(key, value) VALUES ('held', '1')")
    return other


def answer(session, qid="q1"):
    return Answer(session, qid, "题目", "两个维护", "correct", 1.0, 2.0)


@contextmanager
def unwritable(path):
    """``path`` cannot be written: its mode for a user, the immutable attribute for root."""
    root = os.getuid() == 0
    if root:
        subprocess.run(["chattr", "+i", str(path)], check=True)
    else:
        os.chmod(path, 0o444)
    try:
        yield
    finally:
        if root:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        else:
            os.chmod(path, 0o644)


async def test_the_tui_starts_at_once_under_a_held_lock_and_keeps_the_bank_chosen(tmp_path, start):
    """Choosing a bank is a setting: kept in memory while the database is held, written after."""
    studied(tmp_path)
    other = held(tmp_path)
    began = time.monotonic()
    async with start() as pilot:
        app = pilot.app
        assert time.monotonic() - began < 5 and app.profile_name == "张三"
        chosen = app.store.setting("bank")
        assert chosen is not None
        other.execute("ROLLBACK")
    assert open_store(tmp_path).setting("bank") == chosen


async def test_a_new_name_under_a_held_lock_is_told_not_frozen(tmp_path, start, monkeypatch):
    monkeypatch.setattr("studytui.store.waiting.SAVE_WAIT", 0.2)
    open_store(tmp_path).close()
    other = held(tmp_path)
    async with start() as pilot:
        app = pilot.app
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


async def test_an_answer_waits_visibly_while_the_database_is_held_and_is_saved_after(tmp_path, start, monkeypatch):
    monkeypatch.setattr("studytui.store.waiting.SAVE_WAIT", 0.05)
    prepare(tmp_path)
    async with start() as pilot:
        app = pilot.app
        sid = app.store.start_session(app.profile_id, "three", "h", "practice", {})
        other = sqlite3.connect(tmp_path / "studytui.db", isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        assert app.store.record(Answer(sid, "q1", "题目", "两个维护", "correct", 1.0, 2.0)) is None
        await pilot.pause(1.3)  # the app retries what waits once a second
        assert WAITING in [n.message for n in app._notifications]
        other.execute("ROLLBACK")
        await pilot.pause(1.3)
        assert "等待中的作答已保存。" in [n.message for n in app._notifications]
    assert [r.typed for r in open_store(tmp_path).session_answers(sid)] == ["两个维护"]


async def test_ctrl_q_while_answers_wait_quits_at_once_and_keeps_them(tmp_path, start):
    prepare(tmp_path)
    other = sqlite3.connect(tmp_path / "studytui.db", isolation_level=None)
    async with start() as pilot:
        app = pilot.app
        session = app.store.start_session(app.profile_id, "three", "h", "practice", {})
        other.execute("BEGIN IMMEDIATE")
        assert app.store.record(answer(session)) is None
        began = time.monotonic()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert time.monotonic() - began < 5
    assert list(tmp_path.glob("studytui.db.unsaved-*.json"))
    other.execute("ROLLBACK")
    assert len(open_store(tmp_path).session_answers(session)) == 1


async def test_a_read_only_data_folder_is_said_before_the_first_question(start, read_only_data):
    async with start(read_only_data) as pilot:
        app = pilot.app
        assert any("作答无法保存" in n.message for n in app._notifications)
        await pilot.press(*"张三", "enter")
        await pilot.pause()
        assert app.profile_name == "张三"


async def test_a_read_only_database_file_in_a_writable_folder_is_read(tmp_path, start):
    studied(tmp_path, answers=3)
    with unwritable(tmp_path / "studytui.db"):
        async with start() as pilot:
            app = pilot.app
            assert app.store.read_only and any("作答无法保存" in n.message for n in app._notifications)
            await pilot.press("f")
            await settle(pilot)
            await pilot.press("tab", *"李四", "enter")
            await pilot.pause()
            assert app.profile_name == "李四"
    assert answers_in(tmp_path) == 3


async def test_damage_met_while_the_app_runs_is_salvaged_and_said(tmp_path, start):
    path = _store_with_answers(tmp_path, 5000)
    prepare(tmp_path)
    async with start() as pilot:
        app = pilot.app
        _damage(path, 0.3, 0.6)
        app.store.db.execute("PRAGMA shrink_memory")
        await pilot.press("s")  # the stats read every answer
        await settle(pilot)
        assert screen_name(app) == "StatsScreen"
        assert any("已损坏" in n.message and "救回" in n.message for n in app._notifications)
        sid = app.store.start_session(app.profile_id, "three", "h", "practice", {})
        assert app.store.record(Answer(sid, "q1", "题目", "两个维护", "correct", 1.0, 2.0)) is not None
    assert list(tmp_path.glob("studytui.db.broken-*"))
    assert open_store(tmp_path).session_answers(sid)[-1].typed == "两个维护"
