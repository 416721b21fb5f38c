"""The TUI when the database cannot be written (held by another program, read-only) or is damaged."""

import sqlite3

from helpers import THREE, prepare
from test_exchange import read_only_data  # noqa: F401  (a fixture)

from studytui.app import WAITING, StudyApp
from studytui.store import Answer, open_store


async def test_an_answer_waits_visibly_while_the_database_is_held_and_is_saved_after(tmp_path, monkeypatch):
    monkeypatch.setattr("studytui.store.waiting.SAVE_WAIT", 0.05)
    prepare(tmp_path)
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        sid = app.store.start_session(app.profile_id, "three", "h", "practice", {})
        other = sqlite3.connect(tmp_path / "studytui.db", isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        assert app.store.record(Answer(sid, "q1", "题目", "两个维护", "correct", 1.0, 2.0)) is None
        await pilot.pause(1.3)
        assert WAITING in [n.message for n in app._notifications]
        other.execute("ROLLBACK")
        await pilot.pause(1.3)
        assert "等待中的作答已保存。" in [n.message for n in app._notifications]
    assert [r["typed"] for r in open_store(tmp_path).session_answers(sid)] == ["两个维护"]


async def test_a_read_only_data_folder_is_said_before_the_first_question(read_only_data):  # noqa: F811
    app = StudyApp(data_dir=read_only_data, banks=[THREE])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert any("作答无法保存" in n.message for n in app._notifications)
        await pilot.press(*"张三", "enter")
        await pilot.pause()
        assert app.profile_name == "张三"


async def test_switching_person_lists_only_people_who_study_here(tmp_path):
    store = open_store(tmp_path)
    store.set_setting("profile", "张三")
    store.start_session(store.profile("张三"), "three", "h", "practice", {})
    store.start_session(store.profile("红队"), "three", "h", "contest", {}, group_id="CT-1")
    store.close()
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.5)
        await pilot.press("f")
        await pilot.pause()
        assert type(app.screen).__name__ == "ProfileDialog" and app.screen.profiles == ["张三"]


async def test_damage_met_while_the_app_runs_is_salvaged_and_said(tmp_path):
    from test_store import _damage, _store_with_answers

    path = _store_with_answers(tmp_path, 5000)
    prepare(tmp_path)
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        _damage(path, 0.3, 0.6)
        app.store.db.execute("PRAGMA shrink_memory")
        await pilot.press("s")  # the stats read every answer
        await pilot.pause()
        assert type(app.screen).__name__ == "StatsScreen"
        assert any("已损坏" in n.message and "救回" in n.message for n in app._notifications)
        sid = app.store.start_session(app.profile_id, "three", "h", "practice", {})
        assert app.store.record(Answer(sid, "q1", "题目", "两个维护", "correct", 1.0, 2.0)) is not None
    assert list(tmp_path.glob("studytui.db.broken-*"))
    assert open_store(tmp_path).session_answers(sid)[-1]["typed"] == "两个维护"
