"""An organisation-wide exam at the store level: 500 takers answering 40 questions each,
at once, through the store's API (no TUI), on PostgreSQL and on SQLite, side by side;
then the same on PostgreSQL with the server stopped for 10 s in the middle. Then end to
end (org_exam_e2e.py): three ``serve --exam`` hosts behind nginx, scripted participants.

    python benchmarks/org_exam.py [--takers 500] [--questions 40] [--processes 4]   # both parts
    python benchmarks/org_exam.py store                                             # the store level
    python benchmarks/org_exam.py e2e [--participants 60 90 120] [--every 1]        # end to end

Each taker is a thread with its own store (its own connection, as each served session
has), spread over a few processes so that Python's lock does not serialise them; every
taker signs in as a profile, starts the exam's session and records its answers one after
another with no pause (the worst case: a real taker thinks between answers). A write that
cannot be made within the store's wait (2 s: a held lock, a server away) is kept in memory
and saved again, as the app does every second; at the end every taker saves what waits.

Figures: answers recorded (all must be, none twice), how many waited in memory, the
latency of ``record`` (p50, p99, max), and answers per second over the run.

PostgreSQL runs as a throw-away cluster (``initdb`` into a temporary folder, started on
a unix socket, as ``nobody`` when run as root) with its defaults (fsync and synchronous
commit on) but ``max_connections`` = takers + 50 (end to end: participants + 50, or the
server of ``$STUDYTUI_TEST_PG`` when set). Needs PostgreSQL's server binaries (Debian:
``apt-get install postgresql``), nginx for the end-to-end part, and ``pip install ".[postgres]"``.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

CODE = "QZ-ORG-EXAM"
_barrier: threading.Barrier | None = None


@dataclass
class Outcome:
    latencies: list[float] = field(default_factory=list)
    waited: int = 0
    errors: list[str] = field(default_factory=list)


def _init(barrier: threading.Barrier) -> None:
    global _barrier
    _barrier = barrier


def takers(job: tuple[str | None, str, int, int, int]) -> Outcome:
    """One process's takers, ``first`` to ``first + count``: open, wait for every process,
    answer, save what waited."""
    url, data, first, count, questions = job
    if url:
        os.environ["STUDYTUI_DB"] = url
    outcome, lock = Outcome(), threading.Lock()
    opened = threading.Barrier(count + 1)
    go = threading.Event()

    def taker(n: int) -> None:
        try:
            store, session = _signed_in(Path(data), n)
        finally:
            opened.wait()  # ready or not, no process waits for this taker forever
        go.wait()
        mine, waited = [], 0
        for q in range(questions):
            if store.unsaved:
                store.save_unsaved()
            start = time.perf_counter()
            if store.record(_answer(session, n, q)) is None:
                waited += 1
            mine.append(time.perf_counter() - start)
        _drain(store)
        store.close()
        with lock:
            outcome.latencies.extend(mine)
            outcome.waited += waited

    threads = [threading.Thread(target=_guarded, args=(taker, n, outcome)) for n in range(first, first + count)]
    for thread in threads:
        thread.start()
    opened.wait()
    assert _barrier is not None
    _barrier.wait()  # every process's takers are ready
    go.set()
    for thread in threads:
        thread.join()
    return outcome


def _signed_in(data: Path, n: int, patience: float = 300.0):
    """The taker's store and exam session; a database held too long is tried again, as a
    person choosing a name would."""
    import sqlite3

    from studytui.store import open_store

    deadline = time.monotonic() + patience
    while True:
        store = open_store(data)
        try:
            return store, store.start_session(store.profile(f"考生{n:03d}"), "org", "h", "class", {}, quiz_code=CODE)
        except sqlite3.OperationalError:
            store.close()
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def _guarded(taker, n: int, outcome: Outcome) -> None:
    try:
        taker(n)
    except Exception as exc:  # told in the figures, not lost in a thread
        outcome.errors.append(f"考生{n:03d}: {exc!r}")


def _answer(session: int, n: int, q: int):
    from studytui.store import Answer

    right = (n + q) % 3 != 0
    return Answer(session, f"q{q:02d}", f"第{q}题", "作答", "correct" if right else "wrong", 1.0 if right else 0.0, 5.0)


def _drain(store, patience: float = 180.0) -> None:
    """Save what waits, as the app does each second, until it is all written."""
    deadline = time.monotonic() + patience
    while store.unsaved and time.monotonic() < deadline:
        if not store.save_unsaved():
            time.sleep(0.5)


class Cluster:
    """A throw-away PostgreSQL cluster on a unix socket in a temporary folder."""

    def __init__(self, max_connections: int):
        bins = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
        found = shutil.which("pg_ctl")
        self.bin = bins[-1] if bins else Path(found).parent if found else None
        if self.bin is None:
            raise SystemExit("需要 PostgreSQL 服务器程序（Debian：apt-get install postgresql）")
        self.folder = Path(tempfile.mkdtemp(prefix="studytui-org-exam-"))
        if os.geteuid() == 0:
            shutil.chown(self.folder, "nobody")
        self._as_owner("initdb", "-D", str(self.folder / "data"), "-U", "studytui", "-A", "trust", "-E", "UTF8", "--no-locale")
        self.options = f"-k {self.folder} -c listen_addresses= -c max_connections={max_connections}"
        self.start()
        self.url = f"postgresql://studytui@/postgres?host={self.folder}"

    def _as_owner(self, program: str, *args: str) -> None:
        command = [str(self.bin / program), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "nobody", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"{program}: {done.stdout}{done.stderr}")

    def start(self) -> None:
        self._as_owner(
            "pg_ctl", "-D", str(self.folder / "data"), "-l", str(self.folder / "log"), "-w", "-o", self.options, "start"
        )

    def stop(self) -> None:
        self._as_owner("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "-t", "60", "stop")

    def database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        return self.url.replace("/postgres?", f"/{name}?")

    def remove(self) -> None:
        try:
            self._as_owner("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "stop")
        except RuntimeError:
            pass
        shutil.rmtree(self.folder, ignore_errors=True)


@dataclass
class Run:
    name: str
    wall: float
    outcome: Outcome
    recorded: int
    twice: int
    totals: int
    down: float = 0.0


def run(name: str, url: str | None, args: argparse.Namespace, fault: Cluster | None = None) -> Run:
    data = tempfile.mkdtemp(prefix="studytui-org-exam-data-")
    if url:
        os.environ["STUDYTUI_DB"] = url
    from studytui.store import open_store

    open_store(Path(data)).close()  # the schema made once, before the takers open it
    os.environ.pop("STUDYTUI_DB", None)
    per = args.takers // args.processes
    jobs = [
        (url, data, p * per, per if p < args.processes - 1 else args.takers - p * per, args.questions)
        for p in range(args.processes)
    ]
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(args.processes + 1)
    down = [0.0]
    with context.Pool(args.processes, initializer=_init, initargs=(barrier,)) as pool:
        pending = pool.map_async(takers, jobs)
        barrier.wait()
        start = time.perf_counter()
        stopping = threading.Thread(target=_stop_for, args=(fault, args, down))
        if fault is not None:
            stopping.start()
        outcomes = pending.get()
        wall = time.perf_counter() - start
        if fault is not None:
            stopping.join()
    outcome = Outcome()
    for part in outcomes:
        outcome.latencies += part.latencies
        outcome.waited += part.waited
        outcome.errors += part.errors
    recorded, twice, totals = _count(url, data)
    shutil.rmtree(data, ignore_errors=True)
    return Run(name, wall, outcome, recorded, twice, totals, down[0])


def _stop_for(cluster: Cluster, args: argparse.Namespace, down: list[float]) -> None:
    time.sleep(args.fault_after)
    began = time.perf_counter()
    cluster.stop()
    time.sleep(args.down)
    cluster.start()
    down[0] = time.perf_counter() - began


def _count(url: str | None, data: str) -> tuple[int, int, int]:
    """Answers on record, answers recorded twice (one taker, one question), and the
    sessions' own count of their answers added up."""
    if url:
        os.environ["STUDYTUI_DB"] = url
    from studytui.store import open_store

    store = open_store(Path(data))
    os.environ.pop("STUDYTUI_DB", None)
    recorded = store.db.execute("SELECT count(*) FROM answers").fetchone()[0]
    twice = store.db.execute(
        "SELECT count(*) FROM (SELECT session_id, question_id FROM answers GROUP BY session_id, question_id HAVING count(*) > 1) t"
    ).fetchone()[0]
    totals = store.db.execute("SELECT coalesce(sum(answered), 0) FROM sessions").fetchone()[0]
    store.close()
    return int(recorded), int(twice), int(totals)


def report(runs: list[Run], expected: int) -> None:
    header = f"{'':24} {'recorded':>15} {'twice':>5} {'waited':>6} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} {'answers/s':>9} {'wall s':>6}"
    print(header)
    for r in runs:
        lat = sorted(r.outcome.latencies) or [0.0]
        p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))]
        print(
            f"{r.name:24} {r.recorded:>7}/{expected:<7} {r.twice:>5} {r.outcome.waited:>6} {statistics.median(lat) * 1000:>7.1f} "
            f"{p99 * 1000:>7.1f} {lat[-1] * 1000:>7.0f} {r.recorded / r.wall:>9.0f} {r.wall:>6.1f}"
        )
        if r.totals != r.recorded or len(r.outcome.latencies) != expected:
            print(f"    sessions count {r.totals} answers; {len(r.outcome.latencies)} answers given")
        for error in r.outcome.errors[:5]:
            print(f"    {error}")
        if r.down:
            print(f"    (the server stopped {ARGS.fault_after:.0f} s into the run and was back {r.down:.1f} s later)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parts", nargs="*", help="store, e2e (org_exam_e2e.py) or both (default)")
    parser.add_argument("--takers", type=int, default=500)
    parser.add_argument("--questions", type=int, default=40)
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--down", type=float, default=10.0, help="seconds the server is stopped in the fault run")
    parser.add_argument("--fault-after", type=float, default=2.0, help="seconds into the fault run the server stops")
    parser.add_argument("--participants", type=int, nargs="+", default=[60], help="end to end: participants per run")
    parser.add_argument("--every", type=float, default=1.0, help="end to end: seconds between two participants' arrivals")
    global ARGS
    ARGS = args = parser.parse_args()
    parts = args.parts or ["store", "e2e"]
    if "store" in parts:
        store_level(args)
    if "e2e" in parts:
        end_to_end(args.participants, args.every)


def store_level(args: argparse.Namespace) -> None:
    expected = args.takers * args.questions
    print(
        f"{args.takers} takers × {args.questions} answers = {expected}, over {args.processes} processes, {os.cpu_count()} cores"
    )
    cluster = Cluster(args.takers + 50)
    try:
        runs = [
            run("postgresql", cluster.database("org_exam_1"), args),
            run("sqlite", None, args),
            run("postgresql, 10 s stopped", cluster.database("org_exam_2"), args, fault=cluster),
        ]
    finally:
        cluster.remove()
    report(runs, expected)


def end_to_end(sizes: list[int], every: float) -> None:
    """On the server of ``$STUDYTUI_TEST_PG`` (.ci/run's), else on a throw-away cluster."""
    import org_exam_e2e

    server = os.environ.get("STUDYTUI_TEST_PG")
    cluster = None if server else Cluster(max(sizes) + 50)
    try:
        org_exam_e2e.main(server or cluster.url, sizes, every)
    finally:
        if cluster is not None:
            cluster.remove()


ARGS = argparse.Namespace()

if __name__ == "__main__":
    main()
