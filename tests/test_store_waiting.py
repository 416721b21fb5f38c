"""Answers that cannot be written yet (a full disk, another program's lock) are kept:
retried while the app runs, and in a journal beside the database that the next start replays."""

import sqlite3

import pytest

from studytui.store import Answer, open_store


@pytest.fixture(autouse=True)
def short_wait(monkeypatch):
    monkeypatch.setattr("studytui.store.waiting.SAVE_WAIT", 0.05)


def started(data):
    store = open_store(data)
    return store, store.start_session(store.profile("张三"), "three", "h", "practice", {})


def answer(session, qid="q1"):
    return Answer(session, qid, "题目", "两个维护", "correct", 1.0, 2.0)


def fill_the_disk(store):
    """What SQLite says when the disk is full: no page can be added to the file."""
    store.db.execute(f"PRAGMA max_page_count = {store.db.execute('PRAGMA page_count').fetchone()[0]}")
    big = "x" * 200_000
    with pytest.raises(sqlite3.OperationalError, match="full"):
        store.db.execute("INSERT INTO settings(key, value) VALUES ('filler', ?)", (big,))


def test_an_answer_on_a_full_disk_is_kept_and_saved_when_there_is_room(tmp_path):
    store, session = started(tmp_path)
    store.record(answer(session, "q0"))
    fill_the_disk(store)
    big_prompt = "很长的题目" * 20_000
    assert store.record(Answer(session, "q1", big_prompt, "两个维护", "correct", 1.0, 2.0)) is None
    assert store.waiting_for == "full" and len(store.unsaved) == 1
    store.db.execute("PRAGMA max_page_count = 1073741823")  # room again
    assert store.save_unsaved() and store.waiting_for is None
    assert [r.question_id for r in store.session_answers(session)] == ["q0", "q1"]


def test_answers_waiting_at_close_are_journalled_and_replayed_at_the_next_start(tmp_path):
    store, session = started(tmp_path)
    other = sqlite3.connect(tmp_path / "studytui.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    assert store.record(answer(session, "q1")) is None and store.record(answer(session, "q2")) is None
    store.finish_session(session)
    assert store.waiting_for == "locked"
    journal = store.keep_unsaved()
    assert journal is not None and journal.exists()
    store.close()  # quitting: nothing waits 30 s, nothing is dropped
    other.execute("ROLLBACK")
    other.close()
    again = open_store(tmp_path)
    assert [r.question_id for r in again.session_answers(session)] == ["q1", "q2"]
    assert again.session(session).finished is not None and again.session(session).answered == 2
    assert not journal.exists()
    again.close()
    assert len(open_store(tmp_path).session_answers(session)) == 2  # replayed once only


def test_a_journal_replayed_twice_adds_its_answers_once(tmp_path):
    store, session = started(tmp_path)
    other = sqlite3.connect(tmp_path / "studytui.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    store.record(answer(session))
    journal = store.keep_unsaved()
    copy = journal.read_bytes()
    other.execute("ROLLBACK")
    assert store.save_unsaved()
    journal.with_name(journal.name + "x").write_bytes(copy)  # a stale copy left behind
    store.close()
    assert len(open_store(tmp_path).session_answers(session)) == 1
