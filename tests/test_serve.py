"""A room in browsers: ``studytui serve``, two pages in headless Chromium (Playwright)
take the same class quiz by typing into the page; the second cannot take the first
one's name; both are found in the leaderboard's ranking and in the store, nothing lost;
a request for a huge terminal leaves no process behind. Then the room's limits in
process (61st session, sizes, origins, the page) and who is who in the room."""

import asyncio
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from helpers import settle

from studytui.bankfile import loader
from studytui.quiz import pick_questions
from studytui.quiz_code import class_code, find_bank, parse_code
from studytui.store import open_store

THREE = Path(__file__).parent / "data" / "three.yaml"
CHROMIUM = "/usr/bin/chromium"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"studytui serve did not listen on {port}")


def wait_until(condition, timeout: float = 30, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def sessions_running(data: Path) -> list[int]:
    """Processes still running a session of the room in ``data``."""
    running = []
    for proc in Path("/proc").iterdir():
        try:
            command = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"--participant" in command and str(data).encode() in command:
            running.append(int(proc.name))
    return running


async def stop_under_a_huge_terminal(port: int, server: subprocess.Popen) -> None:
    """A browser asks for a 100000 × 100000 terminal; the server is stopped while it is open."""
    import aiohttp

    async with aiohttp.ClientSession() as client:
        socket_ = await client.ws_connect(f"http://127.0.0.1:{port}/ws?width=100000&height=100000")
        await asyncio.sleep(3)  # the session starts and draws
        assert not socket_.closed
        server.terminate()
        while server.poll() is None:
            await asyncio.sleep(0.1)


def test_two_browsers_take_the_same_class_quiz(tmp_path):
    from playwright.sync_api import sync_playwright

    three = loader.load(THREE)
    code = class_code(three, seed=7, count=3, minutes=10)
    quiz = parse_code(code)
    questions = pick_questions(find_bank(quiz, [three]), quiz.settings())
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "studytui", "serve", "--port", str(port), "--data-dir", str(tmp_path), "--bank", str(THREE)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    answers = {"王一": [q.answer[0] for q in questions], "李二": [questions[0].answer[0], "不知道", questions[2].answer[0]]}
    try:
        wait_for_port(port)
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM,
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                ],
            )
            pages = {name: browser.new_page(viewport={"width": 1100, "height": 700}) for name in answers}
            for page in pages.values():
                page.goto(f"http://127.0.0.1:{port}/")
            store = open_store(tmp_path)

            def started(name):
                return store.db.execute(
                    "SELECT count(*) FROM sessions s JOIN profiles p ON p.id = s.profile_id WHERE p.name = ? AND s.quiz_code = ?",
                    (name, code),
                ).fetchone()[0]

            def sessions_of(name):
                return store.db.execute(
                    "SELECT count(*) FROM sessions s JOIN profiles p ON p.id = s.profile_id WHERE p.name = ?", (name,)
                ).fetchone()[0]

            def answered(name):
                return store.db.execute(
                    "SELECT count(*) FROM answers a JOIN profiles p ON p.id = a.profile_id WHERE p.name = ?", (name,)
                ).fetchone()[0]

            for name, page in pages.items():
                for _ in range(5):  # until the served app is up and has taken the name
                    page.wait_for_timeout(1500)
                    page.locator("body").click()
                    if name == "李二":  # the first one's name asks for its code: back to the name dialog
                        page.keyboard.type("王一")
                        page.keyboard.press("Enter")
                        page.wait_for_timeout(1000)
                        page.keyboard.press("Escape")
                        page.wait_for_timeout(500)
                    page.keyboard.type(name)
                    page.keyboard.press("Enter")
                    try:
                        wait_until(lambda: name in store.profiles(), timeout=5, what=f"{name} in the store")
                        break
                    except AssertionError:
                        continue
            assert sessions_of("王一") == 0  # 李二 did not become 王一 (Enter would have started a practice)
            for name, page in pages.items():
                page.wait_for_timeout(1000)
                page.keyboard.press("c")  # 班级测验
                page.wait_for_timeout(1000)
                page.keyboard.press("Enter")  # 参加测验
                page.wait_for_timeout(1000)
                page.keyboard.type(code)
                page.keyboard.press("Enter")
                wait_until(lambda: started(name) == 1, what=f"{name}'s class quiz session")
            for index in range(len(questions)):
                for name, page in pages.items():
                    page.wait_for_timeout(300)
                    page.keyboard.type(answers[name][index])
                    page.keyboard.press("Enter")
                    wait_until(lambda: answered(name) == index + 1, what=f"{name}'s answer {index + 1}")
            browser.close()
        asyncio.run(stop_under_a_huge_terminal(port, server))
    finally:
        server.terminate()
        server.wait(timeout=20)
    wait_until(lambda: not sessions_running(tmp_path), timeout=10, what="every session to end with the server")
    ranking = store.ranking(quiz_code=code)
    assert [(r.name, r.score, r.answered) for r in ranking] == [("王一", 3.0, 3), ("李二", 2.0, 3)]
    typed = [(r.profile, r.typed) for r in store.export_rows(code)]
    assert sorted(typed) == sorted((name, text) for name, texts in answers.items() for text in texts)


# -- the room's limits, in process: a cheap stand-in app instead of 60 studytuis --------------

STAND_IN = (
    'exec {python} -c "import os, sys; '
    "open(os.path.join(sys.argv[1], str(os.getpid())), 'w').write(os.environ['COLUMNS'] + ' ' + os.environ['ROWS']); "
    'sys.stdin.buffer.read(1)" {folder}'
)


async def _room(tmp_path, max_sessions=60, command=None, host="127.0.0.1", **options):
    """A room of stand-ins (or of ``command``) listening on 127.0.0.1, served as on ``host``;
    ``options`` for ``RoomServer`` (a roomy doorway by default)."""
    from aiohttp.test_utils import TestServer

    from studytui.admission import Doorway
    from studytui.serve import RoomServer

    sizes = tmp_path / "sizes"
    sizes.mkdir(parents=True)
    port = free_port()
    options.setdefault("doorway", Doorway(per_address=100, attempts=1000))
    command = command or STAND_IN.format(python=sys.executable, folder=sizes)
    room = RoomServer(command, host, port, tmp_path, max_sessions, **options)
    server = TestServer(await room._make_app(), host="127.0.0.1", port=port)
    await server.start_server()
    return room, server, sizes


async def _wait(condition, what):
    import asyncio

    for _ in range(300):
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


async def _close(room, server):
    """Every session ended, the server closed, the stand-ins' pipes released while the loop runs."""
    import gc

    await _wait(lambda: room.sessions == 0, "every session to end")
    await server.close()
    gc.collect()


async def test_the_61st_session_is_refused_with_a_page_that_says_so(tmp_path):
    import aiohttp

    room, server, sizes = await _room(tmp_path)
    url = str(server.make_url("/ws"))
    async with aiohttp.ClientSession() as client:
        sockets = [await client.ws_connect(url) for _ in range(60)]
        await _wait(lambda: len(list(sizes.iterdir())) == 60, "60 sessions started")
        try:
            await client.ws_connect(url)
            raise AssertionError("the 61st session was let in")
        except aiohttp.WSServerHandshakeError as refused:
            assert refused.status == 503
        async with client.get(server.make_url("/")) as page:
            assert page.status == 503 and "人数已满" in await page.text()
        await sockets[0].close()
        await _wait(lambda: room.sessions == 59, "a place freed")
        async with client.get(server.make_url("/")) as page:
            assert page.status == 200
        for socket_ in sockets[1:]:
            await socket_.close()
    await _close(room, server)


async def test_sizes_are_clamped_and_other_origins_refused(tmp_path):
    import aiohttp

    room, server, sizes = await _room(tmp_path)
    url = server.make_url("/ws")
    async with aiohttp.ClientSession() as client:
        try:
            await client.ws_connect(url, origin="http://elsewhere.example")
            raise AssertionError("another origin was let in")
        except aiohttp.WSServerHandshakeError as refused:
            assert refused.status == 403
        same = f"http://{server.host}:{server.port}"
        huge = await client.ws_connect(url.with_query(width="100000", height="-5"), origin=same)
        await _wait(lambda: len(list(sizes.iterdir())) == 1, "the session started")
        assert next(sizes.iterdir()).read_text() == "400 8"
        await huge.close()
    await _close(room, server)


async def test_the_page_speaks_chinese_and_asks_for_no_outside_fonts(tmp_path):
    import aiohttp

    room, server, sizes = await _room(tmp_path)
    async with aiohttp.ClientSession() as client, client.get(server.make_url("/")) as page:
        html = await page.text()
    await server.close()
    assert "本次答题已结束" in html and "重新进入" in html and "Session ended" not in html
    assert "googleapis" not in html and "https://" not in html


def test_serve_checks_its_port_before_saying_it_serves(tmp_path, capsys):
    from studytui.cli import main

    assert main(["--data-dir", str(tmp_path), "serve", "--port", "70000"]) == 1
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        assert main(["--data-dir", str(tmp_path), "serve", "--port", str(taken.getsockname()[1])]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and "不在 1 到 65535 之间" in err[0] and "已被占用" in err[1]
    assert not any("已在" in line for line in err)


# -- who is who in the room ---------------------------------------------------------------


def test_a_name_stays_with_the_browser_that_took_it(tmp_path):
    from studytui.room import NAME_TAKEN, Room

    first, second = Room(tmp_path, "r", browser="a"), Room(tmp_path, "r", pid=os.getppid(), browser="b")
    assert first.claim("王一") is None and first.claim("王一") is None
    assert second.claim("王一") == NAME_TAKEN and second.claim("李二") is None
    assert Room(tmp_path, "other", browser="b").claim("王一") is None  # another server, another room
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    assert Room(tmp_path, "r2", pid=int(dead.stdout), browser="a").claim("赵三") is None
    assert Room(tmp_path, "r2", browser="b").claim("赵三") == NAME_TAKEN  # its session ended: still a's
    back = Room(tmp_path, "r2", browser="a")  # a, reloaded
    assert back.claim("赵三") is None and back.holds("赵三")


async def test_a_participant_cannot_become_someone_else(tmp_path):
    from studytui.app import StudyApp
    from studytui.room import Room

    Room(tmp_path, "r", pid=os.getppid()).claim("王一")  # another browser on this server
    app = StudyApp(data_dir=tmp_path, banks=[THREE], participant=True)
    app.room = Room(tmp_path, "r")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press(*"王一", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "TextDialog" and app.profile_id is None  # asks for its code
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "ProfileDialog" and app.profile_id is None
        await pilot.press(*"李二", "enter")
        await pilot.pause()
        assert app.profile_name == "李二" and type(app.screen).__name__ == "HomeScreen"
        shown = {key for key, active in app.screen.active_bindings.items() if active.enabled}
        assert not {"f", "t", "g"} & shown and "小组竞赛" not in str(app.screen.query_one("#modes").render())
        assert "（T）" not in str(app.screen.query_one("#summary").render())
        await pilot.press("b")
        await pilot.pause()
        assert "g" not in {key for key, active in app.screen.active_bindings.items() if active.enabled}  # no 从讲话生成
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        await pilot.press("q")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmDialog"  # ending a served session is asked first
        await pilot.press("n")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
