"""A served room under load: ``studytui serve`` with N scripted participants (WebSockets,
no browsers), each from its own loopback address and with its own browser cookie. They
all join at once, type a name, open 班级测验, type the code and take the same 20-question
class quiz, typing answers a character at a time as a quick typist would, then leave.

Printed per N (10, 30, 60):
- time to a usable name dialog: from opening the WebSocket to the dialog's text on screen;
- CPU seconds to start a session: the session process's CPU time when its dialog shows;
- memory per session: resident set (RSS) and proportional set (PSS: shared pages split
  among the processes sharing them) of each session process, all sessions running;
- keystroke-to-screen: from sending a typed character to the first output showing it;
- answers recorded, counted in the room's database.

Then 30 takers again beside a hostile script on one address that opens and closes
WebSockets in a loop (8 at once, as fast as the server answers) and keeps the sessions it
gets without naming them: the takers' keystroke-to-screen p95 must stay under 1 s.

    python benchmarks/serve.py            # N = 10 30 60, then the hostile run
    python benchmarks/serve.py 10         # just N = 10 (no hostile run)
    python benchmarks/serve.py hostile    # just the hostile run
"""

from __future__ import annotations

import asyncio
import codecs
import os
import random
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

QUESTIONS = 20
TYPING = (0.15, 0.35)
"""Seconds between two typed characters (a quick typist with an input method)."""
ANSI = re.compile(r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|[()][0-9A-Za-z]|[@-_])")
HOSTILE_ADDRESS = "127.0.0.250"


@dataclass
class Taker:
    index: int
    dialog: float = 0.0
    start_cpu: float = 0.0
    keystrokes: list[float] = field(default_factory=list)
    done: bool = False
    error: str = ""
    step: str = "connecting"

    @property
    def name(self) -> str:
        return f"学员{self.index:02d}"


class Screen:
    """What a session's page would show, as text: its output, decoded, escapes removed."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws, self.text, self.waiting_for = ws, "", ""
        self.decoder = codecs.getincrementaldecoder("utf-8")("ignore")

    async def until(self, marker: str, timeout: float = 120) -> None:
        """Read output until ``marker`` shows; what was read is then forgotten."""
        self.waiting_for = marker
        deadline = time.perf_counter() + timeout
        while marker not in self.text:
            message = await asyncio.wait_for(self.ws.receive(), max(0.01, deadline - time.perf_counter()))
            if message.type == aiohttp.WSMsgType.BINARY:
                self.text += ANSI.sub("", self.decoder.decode(message.data))
            elif message.type != aiohttp.WSMsgType.TEXT:
                raise ConnectionError(f"closed while waiting for {marker!r}")
        self.text = ""

    async def idle(self, until: asyncio.Event) -> None:
        """Go on reading, as a browser does (it answers the server's pings as it reads), until
        ``until`` is set; what was read is forgotten."""
        while not until.is_set():
            try:
                message = await asyncio.wait_for(self.ws.receive(), 1)
            except asyncio.TimeoutError:
                continue
            if message.type == aiohttp.WSMsgType.BINARY:
                self.decoder.decode(message.data)
            elif message.type != aiohttp.WSMsgType.TEXT:
                raise ConnectionError("closed while idle")
        self.text = ""

    async def key(self, keys: str) -> None:
        await self.ws.send_json(["stdin", keys])

    async def type(self, text: str, taker: Taker, clock: bool = True) -> None:
        """Type ``text`` a character at a time, each once the one before shows, timing each
        from key to screen; with a ``clock`` on screen only the Chinese ones (a digit could
        be found in the clock's tick instead)."""
        for char in text:
            await asyncio.sleep(random.uniform(*TYPING))
            started = time.perf_counter()
            await self.key(char)
            if not (clock and char.isascii()):
                await self.until(char, timeout=30)
                taker.keystrokes.append(time.perf_counter() - started)


def session_pid(browser: str) -> int | None:
    """The session process serving the browser ``browser`` (its id is in its environment)."""
    needle = f"STUDYTUI_BROWSER={browser}".encode()
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if needle in (proc / "environ").read_bytes():
                    return int(proc.name)
            except OSError:
                continue
    return None


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def memory_mb(pid: int) -> tuple[float, float]:
    """RSS and PSS of ``pid``, in MB."""
    values = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("Rss", "Pss"):
            values[key] = int(rest.split()[0]) / 1024
    return values["Rss"], values["Pss"]


@dataclass
class Gate:
    """Everyone starts at once; what comes next (memory measured, answering begun) waits until
    everyone has arrived (named or signed in, or failed)."""

    count: int
    start: asyncio.Event = field(default_factory=asyncio.Event)
    arrived: int = 0
    everyone: asyncio.Event = field(default_factory=asyncio.Event)
    then: asyncio.Event = field(default_factory=asyncio.Event)

    def arrive(self) -> None:
        self.arrived += 1
        if self.arrived == self.count:
            self.everyone.set()


async def take(port: int, taker: Taker, code: str, answers: list[tuple[str, list[str]]], gate: Gate) -> None:
    browser = secrets.token_hex(16)
    connector = aiohttp.TCPConnector(local_addr=(f"127.0.0.{10 + taker.index}", 0))
    headers = {"Cookie": f"studytui_browser={browser}"}
    arrived = False
    async with aiohttp.ClientSession(connector=connector) as client:
        await gate.start.wait()
        started = time.perf_counter()
        ws = await client.ws_connect(f"http://127.0.0.1:{port}/ws?width=100&height=30", headers=headers, max_msg_size=0)
        screen = Screen(ws)
        try:
            await screen.until("你是谁")
            taker.dialog = time.perf_counter() - started
            pid = session_pid(browser)
            taker.start_cpu = cpu_seconds(pid) if pid else float("nan")
            await screen.type(taker.name, taker, clock=False)
            await screen.key("\r")
            await screen.until("今日作答")
            arrived = True
            gate.arrive()
            await gate.then.wait()
            await screen.key("c")
            await screen.until("参加测验")
            await screen.key("\r")
            await screen.until("班级测验码")  # the dialog; the menu says 测验码 alone
            await screen.type(code, taker, clock=False)
            await screen.key("\r")
            for number, (kind, answer) in enumerate(answers, 1):
                await screen.until(f"{number}/{QUESTIONS}")
                await answer_one(screen, taker, kind, answer)
            await screen.until("完成")
            taker.done = True
        except (asyncio.TimeoutError, ConnectionError) as exc:
            taker.error = f"{type(exc).__name__} waiting for {screen.waiting_for!r}; screen ends {screen.text[-200:]!r}"
        finally:
            if not arrived:
                gate.arrive()
            await ws.close()


async def answer_one(screen: Screen, taker: Taker, kind: str, answer: list[str]) -> None:
    """A right answer typed, or a pick made with keys, as the quiz screen takes it."""
    await asyncio.sleep(random.uniform(0.5, 1.5))  # reading the question
    if kind == "cloze":
        for blank in answer:
            await screen.type(blank, taker)
            await screen.key("\r")
    elif kind == "list":
        await screen.type("、".join(answer), taker)
        await screen.key("\r")
    elif kind in ("choice", "judge"):
        await screen.key("1" if kind == "choice" else "y")
    elif kind == "multi":
        await screen.key("1")
        await asyncio.sleep(0.3)
        await screen.key("\r")
    else:  # order: submitted as shown, asked once first
        await screen.key("\r")
        await asyncio.sleep(0.3)
        await screen.key("\r")


async def hostile(port: int, stop: asyncio.Event, counts: dict[str, int]) -> None:
    """One address, 8 loops: open a WebSocket, keep it if let in (never naming it), else again."""
    connector = aiohttp.TCPConnector(local_addr=(HOSTILE_ADDRESS, 0), limit=0)
    kept = []
    async with aiohttp.ClientSession(connector=connector) as client:

        async def loop() -> None:
            while not stop.is_set():
                counts["attempts"] += 1
                try:
                    ws = await client.ws_connect(f"http://127.0.0.1:{port}/ws?width=400&height=200")
                    counts["let in"] += 1
                    kept.append(ws)
                except aiohttp.WSServerHandshakeError:
                    counts["refused"] += 1
                except aiohttp.ClientError:
                    counts["failed"] += 1

        await asyncio.gather(*(loop() for _ in range(8)))
        for ws in kept:
            await ws.close()


def start_server(
    data: Path, bank: Path, count: int, *options: str, stderr: Any = subprocess.DEVNULL
) -> tuple[subprocess.Popen, int]:
    """``studytui serve`` for ``count`` sessions (and ``options``) on a free port, once it listens."""
    port = free_port()
    command = [sys.executable, "-m", "studytui", "serve", "--port", str(port), "--data-dir", str(data), "--bank", str(bank)]
    server = subprocess.Popen(command + ["--max-sessions", str(count + 10), *options], stderr=stderr)
    if not listening(port):
        raise SystemExit("studytui serve did not start")
    return server, port


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def listening(port: int, seconds: float = 20) -> bool:
    """Whether something listens on 127.0.0.1:``port`` within ``seconds``."""
    for _ in range(int(seconds * 10)):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.1)
    return False


async def room(count: int, bank: Path, code: str, answers, with_hostile: bool) -> None:
    from studytui.store import open_store

    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        server, port = start_server(data, bank, count)
        takers = [Taker(i) for i in range(count)]
        gate = Gate(count)
        stop, counts = asyncio.Event(), {"attempts": 0, "let in": 0, "refused": 0, "failed": 0}
        try:
            attacks = asyncio.create_task(hostile(port, stop, counts)) if with_hostile else None
            tasks = [asyncio.create_task(take(port, t, code, answers, gate)) for t in takers]
            await asyncio.sleep(0.5)
            gate.start.set()  # all at once
            begun = time.perf_counter()
            await asyncio.wait_for(gate.everyone.wait(), 900)
            memory = [memory_mb(pid) for t in takers if (pid := session_pid_of(data, t.name))]
            gate.then.set()
            await asyncio.gather(*tasks)
            took = time.perf_counter() - begun
            stop.set()
            if attacks:
                await attacks
        finally:
            server.terminate()
            server.wait(timeout=60)
        store = open_store(data)
        sql = "SELECT count(*) FROM answers a JOIN sessions s ON s.id = a.session_id WHERE s.quiz_code = ?"
        recorded = store.db.execute(sql, (code,)).fetchone()[0]
        store.close()
    report(count, takers, memory, recorded, took, counts if with_hostile else None)


def session_pid_of(data: Path, name: str) -> int | None:
    """The session process holding ``name`` in the room (from its claim)."""
    import json

    for claim in (data / "rooms").glob("*/*"):
        try:
            record = json.loads(claim.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if record.get("name") == name:
            return record["pid"]
    return None


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) > 1 else values[0]


def report(count, takers, memory, recorded, took, counts) -> None:
    failed = [t for t in takers if not t.done]
    dialogs = [t.dialog for t in takers if t.dialog]
    cpu = [t.start_cpu for t in takers if t.start_cpu == t.start_cpu and t.start_cpu]
    keys = [k for t in takers for k in t.keystrokes]
    rss, pss = [m[0] for m in memory], [m[1] for m in memory]
    title = f"N={count}" + (" + hostile loop" if counts else "")
    print(f"{title}: {count - len(failed)}/{count} finished in {took:.0f} s")
    print(f"  name dialog usable: median {statistics.median(dialogs):.2f} s, p95 {p95(dialogs):.2f} s")
    print(f"  CPU to start a session: median {statistics.median(cpu):.2f} s, p95 {p95(cpu):.2f} s")
    print(f"  memory per session: RSS median {statistics.median(rss):.0f} MB, PSS median {statistics.median(pss):.0f} MB")
    print(
        f"  keystroke to screen: median {statistics.median(keys) * 1000:.0f} ms, p95 {p95(keys) * 1000:.0f} ms ({len(keys)} keys)"
    )
    print(f"  answers recorded: {recorded} of {count * QUESTIONS}")
    if counts:
        verdict = "OK" if p95(keys) < 1 else "OVER 1 s"
        print(
            f"  hostile script: {counts['attempts']} attempts, {counts['let in']} let in, {counts['refused']} refused, "
            f"{counts['failed']} failed; takers' p95 keystroke-to-screen {p95(keys):.2f} s ({verdict})"
        )
    for taker in failed[:5]:
        print(f"  {taker.name} did not finish: {taker.error}")
    sys.stdout.flush()


def main() -> None:
    from studytui.bankfile import loader
    from studytui.paths import shipped_banks_dir
    from studytui.quiz import pick_questions
    from studytui.quiz_code import class_code, find_bank, parse_code

    bank_path = shipped_banks_dir() / "qichu-qifali.yaml"
    bank = loader.load(bank_path)
    code = class_code(bank, seed=11, count=QUESTIONS, minutes=30)
    quiz = parse_code(code)
    answers = [(q.type, list(q.answer)) for q in pick_questions(find_bank(quiz, [bank]), quiz.settings())]
    sizes = [int(arg) for arg in sys.argv[1:] if arg.isdigit()] or ([] if "hostile" in sys.argv else [10, 30, 60])
    print(f"studytui serve, {QUESTIONS}-question class quiz {code}; {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")
    for count in sizes:
        asyncio.run(room(count, bank_path, code, answers, with_hostile=False))
    if not sys.argv[1:] or "hostile" in sys.argv:
        asyncio.run(room(30, bank_path, code, answers, with_hostile=True))


if __name__ == "__main__":
    main()
