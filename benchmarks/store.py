"""The store with 200,000 answers on record: recording one answer, every stats query,
damage found and survived, and export.

    python benchmarks/store.py

The record is 40 profiles over 400 sessions (a room that has studied for a year),
plus one heavy profile that holds a quarter of all answers; queries are timed for
the heavy profile, the worst case. The baseline is a bare indexed lookup in the same
file, so the figures can be read as ratios as well as milliseconds.

Damage: 2 KB of random bytes written at five offsets across a copy of the file; each
must be found at open and the readable answers salvaged. Header damage: 256 random
bytes at offsets 0, 16 and 100, 4 at 44, 1 at 56 (the header and the first page, which
holds the list of tables): every answer must be read back. A full disk (SQLite's
``max_page_count`` at the file's size): answers given meanwhile wait, and are all kept
once there is room. Opening is timed with and
without the quick integrity check. Export: the whole record as JSON and as CSV, each
in its own process, with that process's peak memory and the file's size.
"""

from __future__ import annotations

import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from studytui.store import DB_NAME, Answer, Store, iso, local_day, open_store

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
        questions = {"questions": [f"s{k % 7}-{k:03d}" for k in range(60)]}  # what a session keeps of its question list
        sessions.append((store.start_session(owner, f"bank{n % 5}", "h", "practice", questions, quiz_code=f"QZ-{n % 20}"), owner))
    rows = []
    for i in range(ANSWERS):
        session_id, owner = sessions[i % len(sessions)]
        verdict, score = rng.choice(VERDICTS)
        moment = start + timedelta(minutes=i * 2.6)
        rows.append(
            (
                session_id,
                owner,
                f"bank{session_id % 5}",
                f"s{rng.randrange(7)}-{rng.randrange(60):03d}",
                f"s{rng.randrange(1, 8)}",
                rng.choice(("quoted", "numbered", "lead", "list", "slogan", "heading")),
                "题目",
                "作答",
                verdict,
                score,
                1,
                5.0,
                iso(moment),
                local_day(moment),
            )
        )
    with store.transaction() as db:
        db.executemany(
            "INSERT INTO answers(session_id, profile_id, bank_id, question_id, section, kind, prompt, typed, verdict, score, points, seconds, answered, day) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
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


OFFSETS = (0.1, 0.3, 0.5, 0.7, 0.9)
NOISE = 2048
PEAK_RSS = "import resource, sys; from studytui.cli import main; code = main(sys.argv[1:]); print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(code)"


def damage(folder: Path, total: int) -> None:
    """The file copied, noise written into the copy at each offset, opened: found, and salvaged."""
    original = folder / DB_NAME
    size = original.stat().st_size
    for n, share in enumerate(OFFSETS):
        where = folder / f"damaged{n}"
        where.mkdir()
        shutil.copy(original, where / DB_NAME)
        with (where / DB_NAME).open("r+b") as f:
            f.seek(int(size * share))
            f.write(random.Random(n).randbytes(NOISE))
        told: list[int] = []
        started = time.perf_counter()
        open_store(where, lambda path, moved, kept: told.append(kept)).close()
        seconds = time.perf_counter() - started
        found = "found" if told else "NOT FOUND"
        kept = f"{told[0]:,} of {total:,} answers salvaged ({told[0] / total:.2%})" if told else ""
        print(f"damage at {share:.0%} of {size / 1e6:.0f} MB: {found}; {kept}; set aside and salvaged in {seconds:.2f} s")
        shutil.rmtree(where)


def opening(path: Path) -> None:
    without = median_ms(lambda: Store(path, check=False).close(), 21)
    checked = median_ms(lambda: Store(path).close(), 21)
    print(f"open without the integrity check: {without:7.2f} ms; with it: {checked:7.2f} ms ({checked / without:.1f}x)")


def export(folder: Path, total: int) -> None:
    base = _peak_kb(["stats", "--data-dir", str(folder), "--profile", "nobody"])
    print(f"peak memory of a command that opens the store and stops: {base / 1024:.0f} MB")
    for fmt in ("json", "csv"):
        out = folder / f"export.{fmt}"
        peak = _peak_kb(["export", "--data-dir", str(folder), "--format", fmt, "-o", str(out)])
        print(f"export of {total:,} answers as {fmt}: peak memory {peak / 1024:.0f} MB, file {out.stat().st_size / 1e6:.1f} MB")


def _peak_kb(args: list[str]) -> int:
    done = subprocess.run([sys.executable, "-c", PEAK_RSS, *args], capture_output=True, text=True)
    return int(done.stderr.strip().splitlines()[-1])


HEADER_DAMAGE = ((0, 256), (16, 256), (44, 4), (56, 1), (100, 256))


def header_damage(folder: Path, total: int) -> None:
    """Noise in the header or the first page: every answer must still be read back."""
    for offset, length in HEADER_DAMAGE:
        where = folder / f"header{offset}"
        where.mkdir()
        shutil.copy(folder / DB_NAME, where / DB_NAME)
        with (where / DB_NAME).open("r+b") as f:
            f.seek(offset)
            f.write(random.Random(offset).randbytes(length))
        started = time.perf_counter()
        store = open_store(where)
        kept = store.db.execute("SELECT count(*) FROM answers").fetchone()[0]
        store.close()
        seconds = time.perf_counter() - started
        aside = "set aside and salvaged" if list(where.glob(f"{DB_NAME}.broken-*")) else "read as it is"
        print(f"{length} bytes of noise at offset {offset}: {kept:,} of {total:,} answers kept ({aside}, {seconds:.2f} s)")
        shutil.rmtree(where)


def full_disk(folder: Path, total: int, answers: int = 50) -> None:
    """Answers given while no page can be added wait in memory, then are all written."""
    where = folder / "full"
    where.mkdir()
    shutil.copy(folder / DB_NAME, where / DB_NAME)
    store = open_store(where)
    session = store.start_session(store.profile("满盘"), "bank0", "h", "practice", {})
    store.db.execute(f"PRAGMA max_page_count = {store.db.execute('PRAGMA page_count').fetchone()[0]}")
    prompt = "题目" * 2000  # each answer needs new pages
    waited = sum(store.record(Answer(session, f"q{n}", prompt, "作答", "wrong", 0.0, 3.0)) is None for n in range(answers))
    reason = store.waiting_for
    store.db.execute("PRAGMA max_page_count = 1073741823")
    store.save_unsaved()
    kept = store.db.execute("SELECT count(*) FROM answers WHERE session_id = ?", (session,)).fetchone()[0]
    store.close()
    print(f"full disk: {waited} of {answers} answers waited ({reason}); {kept} of {answers} kept once there was room")
    shutil.rmtree(where)


def main() -> None:
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder))
        heavy = fill(store, rng)
        session_id = store.start_session(heavy, "bank0", "h", "practice", {})
        counter = iter(range(10**9))

        def record():
            store.record(
                Answer(session_id, f"q{next(counter)}", "题目", "作答", "wrong", 0.0, 3.0, "s1", "quoted"),
                ("{}", iso(datetime.now(timezone.utc))),
            )

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
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.close()
        opening(Path(folder) / DB_NAME)
        damage(Path(folder), total)
        header_damage(Path(folder), total)
        full_disk(Path(folder), total)
        export(Path(folder), total)


if __name__ == "__main__":
    main()
