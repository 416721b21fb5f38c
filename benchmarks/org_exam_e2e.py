"""The organisation-wide exam end to end: three ``studytui serve --exam`` hosts on this machine
behind nginx (the README's configuration, nginx_proxy.py), one PostgreSQL database, and N
scripted participants (WebSockets, serve.py's) from loopback addresses of their own
(127.N.M.1, which nginx's ``ip_hash`` spreads over the hosts). One opens the exam's page
every ``--every`` seconds (1: people come to an exam over a few minutes, not in one second)
and signs in with name and personal code; once everyone has, one more browser gives the first
one's name on another host, and must be refused; then all answer the exam's questions,
typing as a person does, reading their screens as a browser does while they wait.

Printed per N: how nginx spread the participants over the hosts; answers expected, recorded
and recorded twice; time to a usable name dialog, sign-in (from the personal code's Enter to
the first question) and keystroke-to-screen, median and p95; each session's memory and the
machine's, with every session open; whether ``studytui stats --code`` ranks every
participant; the refusal.

    python benchmarks/org_exam.py e2e --participants 60 90 120 [--every 1]
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import aiohttp
from nginx_proxy import nginx, page_through
from serve import Gate, Screen, Taker, answer_one, free_port, listening, memory_mb, p95, start_server

HOSTS = 3
QUESTIONS = 10
SITE = "exam.example.cn"
REFUSED = "这个名字已在另一台电脑"


@dataclass
class Examinee(Taker):
    code: str = ""
    signed_in: float = 0.0

    @property
    def address(self) -> str:
        return f"127.{1 + self.index % 250}.{self.index // 250}.1"


@dataclass
class Proxied:
    """The hosts behind nginx: the public URL, nginx's port, each host's console and process."""

    url: str
    proxy: int
    logs: list[Path]
    hosts: list[int]

    def host_of(self, address: str) -> int | None:
        return next((n for n, log in enumerate(self.logs) if f" {address} 进入" in log.read_text(encoding="utf-8")), None)

    def sessions(self) -> list[int]:
        """The session processes the hosts started (their children)."""
        found = []
        for proc in Path("/proc").iterdir():
            try:
                parent = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            if parent in self.hosts:
                found.append(int(proc.name))
        return found


@contextmanager
def hosts_behind_nginx(folder: Path, bank: Path, code: str, count: int) -> Iterator[Proxied]:
    """Three ``serve --exam`` hosts (each with room for every participant: ``ip_hash`` need not
    spread evenly) and nginx in front, as the README sets them up."""
    proxy = free_port()
    public = f"http://{SITE}:{proxy}"
    logs = [folder / f"host{n}.log" for n in range(HOSTS)]
    options = ("--exam", code, "--public-url", public, "--trusted-proxy", "127.0.0.1")
    with ExitStack() as stack:
        ports, hosts = [], []
        for n, log in enumerate(logs):
            server, port = start_server(folder / f"host{n}", bank, count, *options, stderr=stack.enter_context(log.open("w")))
            stack.callback(server.wait, 60)
            stack.callback(server.terminate)
            ports.append(port)
            hosts.append(server.pid)
        stack.enter_context(nginx(folder / "nginx", [f"127.0.0.1:{port}" for port in ports], f"127.0.0.1:{proxy}", SITE))
        if not listening(proxy):
            raise SystemExit("nginx did not start")
        yield Proxied(public, proxy, logs, hosts)


async def sit(exam: Proxied, taker: Examinee, answers: list[tuple[str, list[str]]], gate: Gate, arrives: float) -> None:
    """One participant: the page through nginx ``arrives`` seconds after the first, then the
    exam; what stopped it, if anything."""
    await gate.start.wait()
    await asyncio.sleep(arrives)
    started = time.perf_counter()
    screen = None
    try:
        async with page_through(exam.proxy, exam.url, taker.address) as ws:
            screen = Screen(ws)
            await take_exam(screen, taker, answers, gate, started)
    except (asyncio.TimeoutError, ConnectionError, OSError, aiohttp.ClientError) as exc:
        taker.error = type(exc).__name__ + (
            f" waiting for {screen.waiting_for!r}; the screen ends {screen.text[-200:]!r}" if screen else f": {exc}"
        )
    finally:
        if not taker.signed_in:
            gate.arrive()


async def take_exam(screen: Screen, taker: Examinee, answers: list[tuple[str, list[str]]], gate: Gate, started: float) -> None:
    """Name and personal code typed; once everyone is signed in, every question answered."""
    await screen.until("请输入姓名", timeout=300)
    taker.dialog = time.perf_counter() - started
    await screen.type(taker.name, taker, clock=False)
    await screen.key("\r")
    await screen.until("请输入个人码")
    await screen.type(taker.code, taker)  # ASCII: typed, not timed
    entered = time.perf_counter()
    await screen.key("\r")
    await screen.until(f"1/{len(answers)}")
    taker.signed_in = time.perf_counter() - entered
    gate.arrive()
    await screen.idle(gate.then)
    for number, (kind, answer) in enumerate(answers, 1):
        if number > 1:
            await screen.until(f"{number}/{len(answers)}")
        await answer_one(screen, taker, kind, answer)
    await screen.until("完成")
    taker.done = True


async def refused_elsewhere(exam: Proxied, taker: Examinee) -> str:
    """``taker``'s name and code given in a browser that nginx sends to another host: what it says."""
    home = exam.host_of(taker.address)
    for n in range(1, 250):
        address = f"127.{n}.250.1"
        async with page_through(exam.proxy, exam.url, address) as ws:
            screen = Screen(ws)
            try:
                await screen.until("请输入姓名", timeout=300)
                elsewhere = exam.host_of(address)
                if elsewhere in (home, None):
                    continue
                await screen.type(taker.name, Taker(-1), clock=False)
                await screen.key("\r")
                await screen.until("请输入个人码")
                await screen.type(taker.code, Taker(-1))
                await screen.key("\r")
                await screen.until(REFUSED)
            except (asyncio.TimeoutError, ConnectionError) as exc:
                return f"{type(exc).__name__} waiting for {screen.waiting_for!r}; the screen ends {screen.text[-300:]!r}"
            return f"{taker.name} signed in on host {home}, refused on host {elsewhere}: {REFUSED}（…）"
    return f"{taker.name}: no browser reached another host"


def available_memory() -> float:
    """MemAvailable, in GB."""
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemAvailable:"):
            return int(line.split()[1]) / 1024**2
    return float("nan")


@dataclass
class Signed:
    """With everyone signed in: each session's memory (RSS, PSS MB), and how much more of the
    machine's memory is in use than before the first page."""

    memory: list[tuple[float, float]]
    machine: float

    @classmethod
    def measure(cls, exam: Proxied, available_before: float) -> Signed:
        return cls([memory_mb(pid) for pid in exam.sessions()], available_before - available_memory())


@dataclass
class Outcome:
    takers: list[Examinee]
    spread: list[int]
    recorded: int
    twice: int
    ranked: int
    refusal: str
    signed: Signed
    took: float


async def exam_day(exam: Proxied, takers: list[Examinee], answers, every: float) -> tuple[str, Signed, float]:
    """One participant opening the page ``every`` seconds; once all are signed in, memory is
    measured and the refusal tried, then everyone answers. The time from the first page to
    the last answer."""
    gate = Gate(len(takers))
    before = available_memory()
    tasks = [asyncio.create_task(sit(exam, t, answers, gate, t.index * every)) for t in takers]
    await asyncio.sleep(0.5)
    gate.start.set()
    begun = time.perf_counter()
    await gate.everyone.wait()
    signed = Signed.measure(exam, before)
    first = next((t for t in takers if t.signed_in), None)
    refusal = await refused_elsewhere(exam, first) if first else "nobody signed in"
    gate.then.set()
    await asyncio.gather(*tasks)
    return refusal, signed, time.perf_counter() - begun


def run(server: str, count: int, every: float) -> Outcome:
    from studytui.bankfile import loader
    from studytui.org_exam import Person, new_code
    from studytui.paths import shipped_banks_dir
    from studytui.quiz import pick_questions
    from studytui.quiz_code import class_code, find_bank, parse_code
    from studytui.store import exams, open_store

    bank_path = shipped_banks_dir() / "qichu-qifali.yaml"
    bank = loader.load(bank_path)
    code = class_code(bank, seed=13, count=QUESTIONS, minutes=30)
    quiz = parse_code(code)
    answers = [(q.type, list(q.answer)) for q in pick_questions(find_bank(quiz, [bank]), quiz.settings())]
    takers = [Examinee(i, code=new_code()) for i in range(count)]
    os.environ["STUDYTUI_DB"] = database(server, f"org_exam_e2e_{count}_{os.getpid()}")
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "instructor")
        exams.create_exam(store, code, bank.title, [Person(t.name, t.code) for t in takers])
        with hosts_behind_nginx(Path(folder), bank_path, code, count) as exam:
            refusal, signed, took = asyncio.run(exam_day(exam, takers, answers, every))
            spread = [sum(exam.host_of(t.address) == n for t in takers) for n in range(HOSTS)]
        recorded, twice = counted(store, code)
        store.close()
        ranked = ranked_by_stats(Path(folder) / "instructor", code, takers)
    return Outcome(takers, spread, recorded, twice, ranked, refusal, signed, took)


def database(server: str, name: str) -> str:
    import psycopg

    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    return server.replace("/postgres?", f"/{name}?")


def counted(store, code: str) -> tuple[int, int]:
    """The exam's answers on record, and how many were recorded twice (one session, one question)."""
    exam = "FROM answers a JOIN sessions s ON s.id = a.session_id WHERE s.quiz_code = ?"
    recorded = store.db.execute(f"SELECT count(*) {exam}", (code,)).fetchone()[0]
    twice = store.db.execute(
        f"SELECT count(*) FROM (SELECT a.session_id, a.question_id {exam} GROUP BY a.session_id, a.question_id "
        "HAVING count(*) > 1) t",
        (code,),
    ).fetchone()[0]
    return int(recorded), int(twice)


def ranked_by_stats(data: Path, code: str, takers: list[Examinee]) -> int:
    """How many participants ``studytui stats --code`` ranks."""
    done = subprocess.run(
        [sys.executable, "-m", "studytui", "--data-dir", str(data), "stats", "--code", code],
        capture_output=True,
        text=True,
        check=True,
    )
    return sum(t.name in done.stdout for t in takers)


def ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f} / {p95(values) * 1000:.0f} ms" if values else "-"


def seconds(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} / {p95(values):.2f} s" if values else "-"


def report(outcome: Outcome) -> None:
    takers, count = outcome.takers, len(outcome.takers)
    finished = sum(t.done for t in takers)
    keys = [k for t in takers for k in t.keystrokes]
    print(f"{count} participants, {QUESTIONS} questions each: {finished}/{count} finished in {outcome.took:.0f} s")
    print(f"  over the {HOSTS} hosts (nginx ip_hash): {' / '.join(map(str, outcome.spread))}")
    print(f"  answers: expected {count * QUESTIONS}, recorded {outcome.recorded}, recorded twice {outcome.twice}")
    print(f"  name dialog usable, median / p95: {seconds([t.dialog for t in takers if t.dialog])}")
    print(
        f"  sign-in (personal code's Enter to the first question), median / p95: {seconds([t.signed_in for t in takers if t.signed_in])}"
    )
    print(f"  keystroke to screen, median / p95: {ms(keys)} ({len(keys)} keys)")
    signed = outcome.signed
    print(
        f"  memory a session, RSS / PSS median: {statistics.median(m[0] for m in signed.memory):.0f} / "
        f"{statistics.median(m[1] for m in signed.memory):.0f} MB; the machine's in use grew {signed.machine:.1f} GB"
    )
    print(f"  leaderboard (stats --code): {outcome.ranked} of {count} ranked")
    print(f"  refusal: {outcome.refusal}")
    for taker in [t for t in takers if not t.done][:5]:
        print(f"  {taker.name} did not finish: {taker.error}")
    sys.stdout.flush()


def main(server: str, sizes: list[int], every: float) -> None:
    print(
        f"end to end: {HOSTS} serve --exam hosts behind nginx (the README's configuration), one PostgreSQL; "
        f"a participant opens the page every {every:g} s; {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}"
    )
    for count in sizes:
        report(run(server, count, every))
