"""The database schema, as the list of migrations that build it: version N is
the first N scripts applied in order (``PRAGMA user_version`` says which)."""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: profiles, banks, sessions, answers, review cards, the mistake book, settings
    """
    CREATE TABLE profiles (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created TEXT NOT NULL
    );
    CREATE TABLE banks (
        bank_id TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        title TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        PRIMARY KEY (bank_id, content_hash)
    );
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        profile_id INTEGER NOT NULL REFERENCES profiles(id),
        bank_id TEXT NOT NULL,
        bank_hash TEXT NOT NULL,
        mode TEXT NOT NULL,
        started TEXT NOT NULL,
        finished TEXT,
        settings TEXT NOT NULL DEFAULT '{}',
        quiz_code TEXT,
        group_id TEXT,
        answered INTEGER NOT NULL DEFAULT 0,
        score REAL NOT NULL DEFAULT 0,
        max_score REAL NOT NULL DEFAULT 0,
        seconds REAL NOT NULL DEFAULT 0
    );
    CREATE INDEX sessions_by_profile ON sessions(profile_id, started);
    CREATE INDEX sessions_by_code ON sessions(quiz_code);
    CREATE INDEX sessions_by_group ON sessions(group_id);
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id),
        profile_id INTEGER NOT NULL REFERENCES profiles(id),
        bank_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        section TEXT,
        kind TEXT,
        prompt TEXT NOT NULL,
        typed TEXT NOT NULL,
        verdict TEXT NOT NULL,
        score REAL NOT NULL,
        points REAL NOT NULL DEFAULT 1,
        seconds REAL NOT NULL,
        answered TEXT NOT NULL,
        day TEXT NOT NULL,
        overridden INTEGER NOT NULL DEFAULT 0,
        original_verdict TEXT
    );
    CREATE INDEX answers_by_session ON answers(session_id);
    CREATE INDEX answers_by_question ON answers(profile_id, bank_id, question_id, score);
    CREATE INDEX answers_by_section ON answers(profile_id, bank_id, section, score);
    CREATE INDEX answers_by_kind ON answers(profile_id, kind, score);
    CREATE INDEX answers_by_day ON answers(profile_id, day);
    CREATE TABLE review (
        profile_id INTEGER NOT NULL REFERENCES profiles(id),
        bank_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        card TEXT NOT NULL,
        due TEXT NOT NULL,
        PRIMARY KEY (profile_id, bank_id, question_id)
    );
    CREATE INDEX review_due ON review(profile_id, bank_id, due);
    CREATE TABLE mistakes (
        profile_id INTEGER NOT NULL REFERENCES profiles(id),
        bank_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        right_in_a_row INTEGER NOT NULL DEFAULT 0,
        last_wrong TEXT NOT NULL,
        PRIMARY KEY (profile_id, bank_id, question_id)
    );
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 2: ids that stay the same on every machine (so imports merge without duplicates),
    # and the log of contest scores
    """
    ALTER TABLE sessions ADD COLUMN uid TEXT;
    UPDATE sessions SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
    CREATE UNIQUE INDEX sessions_uid ON sessions(uid);
    ALTER TABLE answers ADD COLUMN uid TEXT;
    UPDATE answers SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
    CREATE UNIQUE INDEX answers_uid ON answers(uid);
    CREATE TABLE contest_events (
        id INTEGER PRIMARY KEY,
        group_id TEXT NOT NULL,
        team TEXT NOT NULL,
        kind TEXT NOT NULL,
        points INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
    );
    CREATE INDEX contest_events_by_group ON contest_events(group_id);
    """,
    # 3: sessions merged in from another machine's export, so that the people listed for
    # "who is studying" are the ones who studied here
    """
    ALTER TABLE sessions ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)
