"""The store: nothing answered is ever lost, broken files are set aside, migrations, stats."""

import random
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date, datetime, timedelta, timezone

import pytest

from studytui import store as store_module
from studytui.store import Answer, Store, open_store


@pytest.fixture
def db(tmp_path, backend):
    """The store on each backend in turn (see ``backend`` in conftest.py)."""
    s = open_store(tmp_path)
    yield s
    s.close()


@pytest.fixture
def sqlite_db(tmp_path):
    """The store in the data folder's SQLite file, for what only a file has: WAL, locks, damage."""
    s = open_store(tmp_path)
    yield s
    s.close()


def session(s, name="张三", bank="b", mode="practice", code=None):
    return s.start_session(s.profile(name), bank, "h", mode, {}, quiz_code=code)


def answer(session_id, qid="q1", verdict="correct", score=1.0, section="s1", kind="quoted", seconds=3.0):
    return Answer(session_id, qid, f"题目{qid}", "作答", verdict, score, seconds, section, kind)


def test_new_store_is_wal_with_the_current_schema(tmp_path, sqlite_db):
    assert sqlite_db.version() == store_module.SCHEMA_VERSION
    assert sqlite_db.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert sqlite_db.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_migrates_from_every_earlier_version(tmp_path):
    for version in range(store_module.SCHEMA_VERSION):
        path = tmp_path / f"v{version}.db"
        raw = sqlite3.connect(path)
        for script in store_module.MIGRATIONS[:version]:
            raw.executescript(script)
        raw.execute(f"PRAGMA user_version = {version}")
        if version >= 1:  # answers given under the old schema survive the migration
            raw.execute("INSERT INTO profiles(name, created) VALUES ('老用户', '2025-01-01T00:00:00+00:00')")
            raw.execute(
                "INSERT INTO sessions(profile_id, bank_id, bank_hash, mode, started) VALUES (1, 'b', 'h', 'practice', '2025-01-01T00:00:00+00:00')"
            )
            raw.execute(
                "INSERT INTO answers(session_id, profile_id, bank_id, question_id, prompt, typed, verdict, score, seconds, answered, day) "
                "VALUES (1, 1, 'b', 'q1', 'p', '两个维护', 'correct', 1, 3, '2025-01-01T00:00:00+00:00', '2025-01-01')"
            )
            if version >= 2:  # ids made by migration 2 for the rows it found; later rows have their own
                raw.execute("UPDATE sessions SET uid = 's1'")
                raw.execute("UPDATE answers SET uid = 'a1'")
        raw.commit()
        raw.close()
        migrated = Store(path)
        assert migrated.version() == store_module.SCHEMA_VERSION
        rows = list(migrated.export_rows())
        if version >= 1:
            assert [(r.profile, r.typed) for r in rows] == [("老用户", "两个维护")]
            assert rows[0].uid and rows[0].session_uid
        migrated.close()


def test_a_newer_schema_is_refused_not_touched(tmp_path):
    path = tmp_path / "new.db"
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {store_module.SCHEMA_VERSION + 5}")
    raw.commit()
    raw.close()
    with pytest.raises(store_module.StoreError, match="更新版本"):
        Store(path)


def test_a_broken_file_is_moved_aside_and_reported_before_a_new_one(tmp_path):
    broken = tmp_path / "studytui.db"
    garbage = b"this is not a database at all" * 100
    broken.write_bytes(garbage)
    told = []

    def on_broken(path, moved, kept):
        told.append((path, moved, kept))

    s = open_store(tmp_path, on_broken)
    (path, moved, kept) = told[0]
    assert path == broken and moved.name.startswith("studytui.db.broken-") and kept == 0
    assert moved.read_bytes() == garbage
    sid = session(s)
    s.record(answer(sid))
    assert s.export_rows().__next__().question_id == "q1"


def test_each_answer_is_committed_when_recorded(tmp_path, sqlite_db):
    sid = session(sqlite_db)
    sqlite_db.record(answer(sid))
    other = sqlite3.connect(tmp_path / "studytui.db")
    assert other.execute("SELECT count(*) FROM answers").fetchone()[0] == 1


WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from studytui.store import Answer, open_store
    s = open_store(Path(sys.argv[1]))
    sid = s.start_session(s.profile(sys.argv[2]), "bank", "h", "practice", {})
    for i in range(500):
        s.record(Answer(sid, f"q{i}", "p", "t", "correct", 1.0, 1.0))
""")


def test_four_processes_writing_at_once_lose_nothing(tmp_path, backend):
    open_store(tmp_path).close()
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), f"p{n}"]) for n in range(4)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0, 0]
    s = open_store(tmp_path)
    assert s.db.execute("SELECT count(*) FROM answers").fetchone()[0] == 2000
    assert {r["answered"] for r in s.db.execute("SELECT answered FROM sessions")} == {500}


KILLED = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from studytui.bankfile import loader
    from studytui.paths import shipped_banks_dir
    from studytui.quiz import QuizSession, Settings
    from studytui.store import open_store
    s = open_store(Path(sys.argv[1]))
    b = loader.load(shipped_banks_dir() / "qichu-qifali.yaml")
    quiz = QuizSession.start(s, b, s.profile("李四"), Settings(seed=1))
    print("SESSION", quiz.session_id, flush=True)
    while not quiz.done:
        q = quiz.current
        quiz.submit(q.answer if q.type != "cloze" else list(q.answer))
        print("ANSWERED", quiz.position, flush=True)
        time.sleep(0.02)
""")


def test_killing_the_process_mid_session_loses_no_answer_and_it_resumes(tmp_path, backend):
    from studytui.bankfile import loader
    from studytui.paths import shipped_banks_dir
    from studytui.quiz import QuizSession

    proc = subprocess.Popen([sys.executable, "-c", KILLED, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    session_id = int(proc.stdout.readline().split()[1])
    answered = 0
    while answered < 25:
        answered = int(proc.stdout.readline().split()[1])
    proc.kill()  # SIGKILL
    proc.wait()
    s = open_store(tmp_path)
    recorded = s.session_answers(session_id)
    assert len(recorded) >= answered
    resumed = QuizSession.resume(s, loader.load(shipped_banks_dir() / "qichu-qifali.yaml"), session_id)
    assert resumed.position == len(recorded) and not resumed.done
    assert all(o.verdict == "correct" for o in resumed.outcomes)
    assert [u.id for u in s.unfinished_sessions(s.profile("李四"))] == [session_id]


def test_mistake_book_until_right_twice_in_a_row(db):
    sid = session(db)
    pid = db.profile("张三")
    db.record(answer(sid, "q1", "wrong", 0.0))
    db.record(answer(sid, "q2", "close", 0.5))
    assert db.mistakes(pid, "b") == ["q1", "q2"]
    db.record(answer(sid, "q1", "correct"))
    assert "q1" in db.mistakes(pid, "b")
    db.record(answer(sid, "q1", "wrong", 0.0))
    db.record(answer(sid, "q1", "correct"))
    db.record(answer(sid, "q1", "correct"))
    assert db.mistakes(pid, "b") == ["q2"]


def test_override_scores_right_and_keeps_the_original(db):
    sid = session(db)
    answer_id = db.record(answer(sid, "q1", "wrong", 0.0))
    db.override(answer_id)
    row = db.session_answers(sid)[0]
    assert (row.verdict, row.score, row.overridden, row.original_verdict) == ("correct", 1.0, 1, "wrong")
    assert db.session(sid).score == 1.0
    assert db.mistakes(db.profile("张三"), "b") == []


def test_stats(db):
    pid = db.profile("张三")
    sid = session(db)
    db.record(answer(sid, "q1", "correct", 1.0, "s1", "quoted"))
    db.record(answer(sid, "q2", "wrong", 0.0, "s1", "numbered"))
    db.record(answer(sid, "q3", "close", 0.5, "s2", "numbered"))
    assert {r.key: r.accuracy for r in db.accuracy_by_section(pid, "b")} == {"s1": 0.5, "s2": 0.5}
    assert {r.key: r.accuracy for r in db.accuracy_by_kind(pid)} == {"quoted": 1.0, "numbered": 0.25}
    assert [w.question_id for w in db.weakest_questions(pid)] == ["q2", "q3"]
    assert db.weakest_questions(pid)[0].prompt == "题目q2"
    assert db.answers_on(pid) == 3 and db.streak(pid) == 1
    (over_time,) = db.sessions_over_time(pid)
    assert over_time.score == 1.5 and over_time.max_score == 3


def test_streak_counts_days_in_a_row(db):
    pid = db.profile("张三")
    sid = session(db)
    today = date.today()
    for days_ago in (0, 1, 2, 4):
        moment = datetime.now(timezone.utc) - timedelta(days=days_ago)
        db.record(answer(sid), at=moment)
    assert db.streak(pid, today) == 3
    assert db.streak(pid, today + timedelta(days=1)) == 3  # today not yet studied: yesterday's streak
    assert db.streak(pid, today + timedelta(days=2)) == 0


def test_group_ranking_and_most_missed(db):
    for name, verdicts in (("甲", ["correct", "correct"]), ("乙", ["correct", "wrong"]), ("丙", ["wrong", "wrong"])):
        sid = session(db, name, code="QZ-1")
        for qid, verdict in zip(("q1", "q2"), verdicts):
            db.record(answer(sid, qid, verdict, 1.0 if verdict == "correct" else 0.0))
    assert [r.name for r in db.ranking(quiz_code="QZ-1")] == ["甲", "乙", "丙"]
    missed = db.most_missed(quiz_code="QZ-1")
    assert [(m.question_id, m.missed) for m in missed] == [("q2", 2), ("q1", 1)]


def _store_with_answers(folder, count):
    s = open_store(folder)
    sid = session(s)
    pid = s.profile("张三")
    with s.transaction() as db:
        db.executemany(
            "INSERT INTO answers(uid, session_id, profile_id, bank_id, question_id, prompt, typed, verdict, score, seconds, answered, day) "
            "VALUES (?, ?, ?, 'b', ?, '题目', '作答', 'correct', 1, 3, '2025-01-01T00:00:00+00:00', '2025-01-01')",
            [(f"u{i}", sid, pid, f"q{i}") for i in range(count)],
        )
    s.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    s.close()
    return folder / "studytui.db"


def test_damage_in_the_middle_is_found_at_open_and_readable_rows_are_salvaged(tmp_path):
    path = _store_with_answers(tmp_path, 5000)
    with path.open("r+b") as f:  # 2 KB of noise in the middle of the file
        f.seek(path.stat().st_size // 2)
        f.write(random.Random(7).randbytes(2048))
    told = []
    s = open_store(tmp_path, lambda path, moved, kept: told.append(kept))
    (kept,) = told
    assert 4500 < kept < 5000  # one page of answers lost, not the rest
    rows = list(s.export_rows())
    assert len(rows) == kept and all(r.profile == "张三" for r in rows)
    assert s.session(1).answered == kept
    assert list(tmp_path.glob("studytui.db.broken-*"))


def _damage(path, start, end):
    """Noise over the pages from ``start`` to ``end`` (fractions of the file)."""
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek(int(size * start) // 4096 * 4096)
        f.write(random.Random(7).randbytes(int(size * (end - start)) // 4096 * 4096))


def test_damage_met_while_in_use_is_salvaged_and_the_answer_being_saved_is_kept(tmp_path):
    path = _store_with_answers(tmp_path, 5000)
    told = []
    s = open_store(tmp_path, lambda path, moved, kept: told.append(kept))
    _damage(path, 0.6, 0.99)  # after the check at open passed
    s.db.execute("PRAGMA shrink_memory")  # what was read at open is read again from the file
    assert s.record(answer(1, "after")) is not None
    (kept,) = told
    assert 0 < kept < 5000 and list(tmp_path.glob("studytui.db.broken-*"))
    assert [r.question_id for r in s.session_answers(1)][-1] == "after"
    assert s.session(1).answered == kept + 1 and s.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_an_error_that_is_not_damage_leaves_the_file_where_it_is(tmp_path, db):
    with pytest.raises(sqlite3.IntegrityError):  # a DatabaseError too, but not damage
        db.start_session(999, "b", "h", "practice", {})
    assert not list(tmp_path.glob("studytui.db.broken-*"))


def test_an_answer_waits_in_memory_while_another_process_holds_the_lock(tmp_path, sqlite_db, monkeypatch):
    monkeypatch.setattr("studytui.store.waiting.SAVE_WAIT", 0.05)
    sid = session(sqlite_db)
    other = sqlite3.connect(tmp_path / "studytui.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # the write lock, held by someone else
    assert sqlite_db.record(answer(sid, "q1")) is None and sqlite_db.record(answer(sid, "q2", "wrong", 0.0)) is None
    sqlite_db.finish_session(sid)
    assert len(sqlite_db.unsaved) == 3 and not sqlite_db.save_unsaved()
    other.execute("ROLLBACK")
    assert sqlite_db.save_unsaved() and sqlite_db.unsaved == []
    assert [r.question_id for r in sqlite_db.session_answers(sid)] == ["q1", "q2"]
    assert sqlite_db.session(sid).finished is not None and sqlite_db.mistakes(sqlite_db.profile("张三"), "b") == ["q2"]
    assert sqlite_db.record(answer(sid, "q3")) is not None  # once free, answers are written at once again


def test_who_is_studying_lists_people_not_contest_teams_or_imported_names(tmp_path, db):
    session(db, "张三")
    db.profile("新来的")  # chose a name, has not answered yet
    session(db, "红队", mode="contest")
    with pytest.MonkeyPatch.context() as elsewhere:  # another machine, with its own SQLite file
        elsewhere.delenv("STUDYTUI_DB", raising=False)
        other = open_store(tmp_path / "elsewhere")
    sid = session(other, "外校学生", code=None)
    other.record(answer(sid))
    db.import_rows(other.export_rows())
    assert db.people() == sorted(["张三", "新来的"])
    assert set(db.profiles()) == {"张三", "新来的", "红队", "外校学生"}  # all still known to rankings and reports
