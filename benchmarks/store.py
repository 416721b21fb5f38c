"""Store speed with 200,000 answers on record: recording one answer, and every stats query.

    python benchmarks/store.py

The record is 40 profiles over 400 sessions (a room that has studied for a year),
plus one heavy profile that holds a quarter of all answers; queries are timed for
the heavy profile, the worst case. The baseline is a bare indexed lookup in the same
file, so the figures can be read as ratios as well as milliseconds.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from studytui.store import Answer, iso, local_day, open_store

ANSWERS = 200_000
VERDICTS = (("correct", 1.0), ("close", 0.5), ("wrong", 0.0))


def fill(store, rng: random.Random) -> int:
    """Bulk-load the record straight through SQL (the store's own schema)."""
    profiles = [store.profile(f"学员{i:02d}") for i in range(40)]
    heavy = profiles[0]
    start = datetime(2025, 11, 1, tzinfo=timezone.utc)
    sessions = []
    for n in range(400):
        owner = heavy if n % 4 == 0 else rng.choice(profiles[1:])
        sessions.append((store.start_session(owner, f"bank{n % 5}", "h", "practice", {}, quiz_code=f"QZ-{n % 20}"), owner))
    rows = []
    for i in range(ANSWERS):
        session_id, owner = sessions[i % len(sessions)]
        verdict, score = rng.choice(VERDICTS)
        moment = start + timedelta(minutes=i * 2.6)
        rows.append((session_id, owner, f"bank{session_id % 5}", f"s{rng.randrange(7)}-{rng.randrange(60):03d}", f"s{rng.randrange(1, 8)}",
                     rng.choice(("quoted", "numbered", "lead", "list", "slogan", "heading")), "题目", "作答", verdict, score, 1, 5.0,
                     iso(moment), local_day(moment)))
    with store.transaction() as db:
        db.executemany(
            "INSERT INTO answers(session_id, profile_id, bank_id, question_id, section, kind, prompt, typed, verdict, score, points, seconds, answered, day) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        db.execute(
            "UPDATE sessions SET answered = (SELECT count(*) FROM answers a WHERE a.session_id = sessions.id), "
            "score = (SELECT coalesce(sum(score), 0) FROM answers a WHERE a.session_id = sessions.id), "
            "max_score = (SELECT count(*) FROM answers a WHERE a.session_id = sessions.id)"
        )
    store.db.execute("ANALYZE")
    return heavy


def median_ms(work, runs: int = 15) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder))
        heavy = fill(store, rng)
        session_id = store.start_session(heavy, "bank0", "h", "practice", {})
        counter = iter(range(10**9))

        def record():
            store.record(Answer(session_id, f"q{next(counter)}", "题目", "作答", "wrong", 0.0, 3.0, "s1", "quoted"), ("{}", iso(datetime.now(timezone.utc))))

        baseline = median_ms(lambda: store.db.execute("SELECT id FROM answers WHERE id = ?", (12345,)).fetchone(), 200)
        record_ms = median_ms(record, 200)
        queries = {
            "sessions over time": lambda: store.sessions_over_time(heavy),
            "accuracy per bank": lambda: store.accuracy_by_bank(heavy),
            "accuracy per section": lambda: store.accuracy_by_section(heavy, "bank0"),
            "accuracy per kind": lambda: store.accuracy_by_kind(heavy),
            "weakest questions": lambda: store.weakest_questions(heavy),
            "streak": lambda: store.streak(heavy),
            "answers today": lambda: store.answers_on(heavy),
            "mistake book": lambda: store.mistakes(heavy, "bank0"),
            "due for review": lambda: store.due(heavy, "bank0"),
            "class ranking": lambda: store.ranking(quiz_code="QZ-3"),
            "most missed (class)": lambda: store.most_missed(quiz_code="QZ-3"),
        }
        total = store.db.execute("SELECT count(*) FROM answers").fetchone()[0]
        own = store.db.execute("SELECT count(*) FROM answers WHERE profile_id = ?", (heavy,)).fetchone()[0]
        print(f"answers on record: {total:,} (the heavy profile's: {own:,})")
        print(f"baseline (indexed lookup): {baseline:7.3f} ms")
        print(f"record one answer:         {record_ms:7.3f} ms  ({record_ms / baseline:,.0f}x baseline; target < 5 ms)")
        for name, query in queries.items():
            ms = median_ms(query)
            print(f"{name + ':':26} {ms:7.3f} ms  ({ms / baseline:,.0f}x baseline; target < 50 ms)")
        store.close()


if __name__ == "__main__":
    main()
