"""An organisation-wide exam behind the README's nginx (issue 26): three ``serve --exam`` hosts
on one PostgreSQL database and nginx in front, configured with the README's own block
(benchmarks/nginx_proxy.py), reached by scripted browsers (WebSockets, benchmarks/serve.py)
from loopback addresses of their own, which nginx's ``ip_hash`` spreads over the hosts.

Through nginx's one address: the page loads and points back at it; another name in Host or
another page's Origin is refused; a participant signs in with name and personal code and
answers, and the answer is in the database; each host sees the browser's own address (nginx
forwards it, ``--trusted-proxy`` believes it); the same name reaching another host is
refused while the first session lives."""

import asyncio
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest
from helpers import THREE
from nginx_proxy import nginx, page_through
from serve import Screen
from test_serve import free_port, wait_for_port

from studytui.bankfile import loader
from studytui.org_exam import Person
from studytui.quiz import pick_questions
from studytui.quiz_code import class_code, parse_code
from studytui.store import exams, open_store
from studytui.store.exams import SIGNED_IN_ELSEWHERE

pytestmark = pytest.mark.nginx

BANK = loader.load(THREE)
CODE = class_code(BANK, seed=5, count=3, minutes=10)
FIRST_ANSWER = pick_questions(BANK, parse_code(CODE).settings())[0].answer[0]
WANG = Person("王一", "AAAA-2222")
SITE = "exam.example.cn"
HOSTS = 3


@dataclass
class Exam:
    url: str
    """The public URL, nginx's address as the browsers name it."""
    proxy: int
    """nginx's port on 127.0.0.1."""
    logs: list[Path]
    """Each host's console."""

    def host_of(self, address: str) -> int | None:
        """The host that let in a browser from ``address`` (its console says so)."""
        return next((n for n, log in enumerate(self.logs) if f" {address} 进入" in log.read_text(encoding="utf-8")), None)


@pytest.fixture
def exam(tmp_path, server):
    """The exam created in the database, three hosts serving it behind nginx."""
    store = open_store(tmp_path / "instructor")
    exams.create_exam(store, CODE, BANK.title, [WANG, Person("李二", "BBBB-3333")])
    store.close()
    proxy, ports = free_port(), [free_port() for _ in range(HOSTS)]
    public = f"http://{SITE}:{proxy}"
    logs = [tmp_path / f"host{n}.log" for n in range(HOSTS)]
    hosts = [start_host(tmp_path / f"host{n}", port, public, log) for n, (port, log) in enumerate(zip(ports, logs))]
    try:
        for port in ports:
            wait_for_port(port, timeout=60)
        with nginx(tmp_path / "nginx", [f"127.0.0.1:{port}" for port in ports], f"127.0.0.1:{proxy}", SITE):
            wait_for_port(proxy)
            yield Exam(public, proxy, logs)
    finally:
        for host in hosts:
            host.terminate()
        for host in hosts:
            host.wait(timeout=30)


def start_host(data: Path, port: int, public_url: str, log: Path) -> subprocess.Popen:
    """``studytui serve --exam`` as the README starts it on each host (nginx on this machine)."""
    command = [sys.executable, "-m", "studytui", "serve", "--exam", CODE, "--port", str(port), "--data-dir", str(data)]
    command += ["--bank", str(THREE), "--public-url", public_url, "--trusted-proxy", "127.0.0.1"]
    with log.open("w") as console:
        return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=console)


async def sign_in(screen: Screen, person: Person) -> None:
    await screen.until("请输入姓名")
    await screen.key(person.name + "\r")
    await screen.until("请输入个人码")
    await screen.key(person.code + "\r")


@asynccontextmanager
async def kept_open(screen: Screen) -> AsyncIterator[None]:
    """Meanwhile the browser goes on reading, and so answers the server's pings, as a browser does."""
    done = asyncio.Event()
    reading = asyncio.create_task(screen.idle(done))
    try:
        yield
    finally:
        done.set()
        await reading


async def refused_on_another_host(exam: Exam, host: int) -> None:
    """王一's name and code given in a browser that nginx sends to a host other than ``host``."""
    for n in range(2, 20):
        address = f"127.{n}.0.1"
        async with page_through(exam.proxy, exam.url, address) as ws:
            second = Screen(ws)
            await second.until("请输入姓名")
            if exam.host_of(address) in (host, None):
                continue
            await sign_in(second, WANG)
            await second.until(SIGNED_IN_ELSEWHERE.split("（")[0])
            return
    raise AssertionError("nginx sent every browser to one host")


async def test_through_nginx_a_participant_signs_in_answers_and_is_one_host_at_a_time(exam, tmp_path):
    async with aiohttp.ClientSession() as client:
        public = {"Host": f"{SITE}:{exam.proxy}"}
        async with client.get(f"http://127.0.0.1:{exam.proxy}/", headers=public) as page:
            assert page.status == 200 and f'data-session-websocket-url="ws://{SITE}:{exam.proxy}/ws"' in await page.text()
        async with client.get(f"http://127.0.0.1:{exam.proxy}/") as page:  # the proxy asked under another name
            assert page.status == 403
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client.ws_connect(f"http://127.0.0.1:{exam.proxy}/ws", headers=public, origin="http://elsewhere.example")
        assert refused.value.status == 403

    async with page_through(exam.proxy, exam.url, "127.1.0.1") as ws:
        first = Screen(ws)
        await sign_in(first, WANG)
        await first.until("1/3")
        await first.key(FIRST_ANSWER + "\r")
        await first.until("2/3")  # the first answer is graded, and so written
        store = open_store(tmp_path / "instructor")
        assert [(row.name, row.answered) for row in store.ranking(quiz_code=CODE)] == [("王一", 1)]
        store.close()
        host = exam.host_of("127.1.0.1")
        assert host is not None  # the host saw the browser's address, not nginx's

        async with kept_open(first):
            await refused_on_another_host(exam, host)
        await first.key(FIRST_ANSWER + "\r")  # the first session lives on, and answers
        await first.until("3/3")
