"""A room that one hostile participant cannot spoil (issue 24, items 1–6): names bound to
the browser that took them, limits per client address, the page under any of the room's
addresses and no other, one name rule, settings per person, a Chinese console."""

import asyncio
import io
import subprocess
import sys

import pytest
from helpers import THREE, prepare, settle
from test_serve import CHROMIUM, _close, _room, _wait, free_port, wait_for_port, wait_until

from studytui.names import BadName
from studytui.room import NAME_TAKEN, NEEDS_CODE, SEATS_KEPT, TOO_MANY_CODES, WRONG_CODE, Room, Setup, hashed
from studytui.store import open_store

# -- 1. a name is bound to the browser that took it ------------------------------------------


def test_a_closed_tab_does_not_free_its_name_and_the_instructors_code_moves_it(tmp_path):
    """A takes 王一 at http://localhost (the room is on 127.0.0.1) and closes the tab mid-quiz;
    C, another browser, cannot become 王一 without a code, while A, back, is 王一 at once; C
    becomes 王一 with the instructor's code, and A's session ends. Checked in the store."""
    from playwright.sync_api import sync_playwright

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "studytui", "serve", "--port", str(port), "--data-dir", str(tmp_path), "--bank", str(THREE)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        code = next(line for line in server.stderr if "教师码" in line).split("教师码 ")[1].split("：")[0]
        wait_for_port(port)
        store = open_store(tmp_path)

        def practised(name: str) -> int:
            sql = "SELECT count(*) FROM sessions s JOIN profiles p ON p.id = s.profile_id WHERE p.name = ?"
            return store.db.execute(sql, (name,)).fetchone()[0]

        def keys(page, *pressed: str) -> None:
            for key in pressed:
                page.keyboard.press(key) if key in ("Enter", "Backspace", "Control+a") else page.keyboard.type(key)
                page.wait_for_timeout(700)

        def open_room(browser, url: str):
            page = browser.new_page()
            page.goto(url)
            for _ in range(40):  # until the session draws
                page.wait_for_timeout(250)
                if page.evaluate("document.body.classList.contains('-first-byte')"):
                    break
            page.wait_for_timeout(1500)
            page.locator("body").click()
            return page

        with sync_playwright() as p:
            chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            a, c = (chromium.new_context(viewport={"width": 1000, "height": 640}) for _ in range(2))
            first = open_room(a, f"http://localhost:{port}/")
            keys(first, "王一", "Enter", "Enter", "Enter")  # the name, the bank, all its parts: a practice starts
            wait_until(lambda: practised("王一") == 1, what="A's practice as 王一")
            first.close()  # A leaves mid-quiz
            other = open_room(c, f"http://127.0.0.1:{port}/")
            keys(other, "王一", "Enter", "Enter", "Enter", "X9X9X9", "Enter", "Enter", "Enter")  # no code, a wrong one
            other.wait_for_timeout(1500)
            assert practised("王一") == 1  # C did not become 王一
            again = open_room(a, f"http://localhost:{port}/")  # A again, the same browser: its name, no code
            keys(again, "王一", "Enter", "Enter", "Enter")
            wait_until(lambda: practised("王一") == 2, what="A's second practice as 王一")
            assert practised("王一") == 2 and not again.evaluate("document.body.classList.contains('-closed')")
            keys(other, code, "Enter", "Enter", "Enter")  # the instructor's code
            wait_until(lambda: practised("王一") == 3, what="C's practice as 王一 after the instructor's code")
            again.wait_for_selector("body.-closed", timeout=10000)  # A's session ended: 王一 is C's now
            chromium.close()
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_codes_from_the_roster_and_the_instructor(tmp_path):
    folder = tmp_path / "rooms" / "r"
    roster = {"王一": ("王一", ""), "李二": ("李二", hashed("7q4k"))}
    Setup(roster, guest_seats=1, instructor=hashed("TEACH1")).write(folder)
    a, b = Room(tmp_path, "r", browser="a"), Room(tmp_path, "r", browser="b")
    assert a.claim("李二") == NEEDS_CODE and a.claim("李二", "0000") == WRONG_CODE
    assert a.claim("李二", " 7Q4K ") is None and a.holds("李二")  # the personal code, as printed
    assert b.claim("李二") == NAME_TAKEN and b.claim("李二", "7Q4K") is None
    assert not a.holds("李二") and b.holds("李二")
    assert a.claim("王一") is None and b.claim("王一", "teach1") is None and not a.holds("王一")
    guesser = Room(tmp_path, "r", browser="c")
    assert [guesser.claim("王一", f"{n:04d}") for n in range(5)] == [WRONG_CODE] * 5
    assert guesser.claim("王一", "TEACH1") == TOO_MANY_CODES  # a session guesses a few times, no more


# -- 2. one script cannot fill the room --------------------------------------------------------


def test_seats_are_kept_for_the_roster(tmp_path):
    Setup({"王一": ("王一", "")}, guest_seats=1).write(tmp_path / "rooms" / "r")
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        assert Room(tmp_path, "r", pid=sleeper.pid, browser="g1").claim("路人甲") is None
        assert Room(tmp_path, "r", browser="g2").claim("路人乙") == SEATS_KEPT
        assert Room(tmp_path, "r", browser="w").claim("王一") is None
    finally:
        sleeper.kill()
        sleeper.wait()
    assert Room(tmp_path, "r", browser="g2").claim("路人乙") is None  # 路人甲 has left: the seat is free


def test_one_address_gets_a_few_sessions_and_a_few_attempts_a_minute():
    from studytui.admission import Doorway

    now = [0.0]
    door = Doorway(per_address=2, attempts=4, clock=lambda: now[0])
    assert door.enter("10.0.0.9") is None and door.enter("10.0.0.9") is None
    assert "最多同时 2 个" in door.enter("10.0.0.9") and door.enter("10.0.0.8") is None
    door.leave("10.0.0.9")
    assert door.enter("10.0.0.9") is None  # a place freed
    for _ in range(10):
        now[0] += 1
        door.leave("10.0.0.9")
        assert "过于频繁" in door.enter("10.0.0.9")  # a loop stays refused, entering or not
    now[0] += 61
    assert door.enter("10.0.0.9") is None  # a minute of quiet: welcome again


async def test_the_server_refuses_a_fifth_session_from_one_address_but_not_another(tmp_path):
    import aiohttp

    from studytui.admission import Doorway

    room, server, sizes = await _room(tmp_path, doorway=Doorway(per_address=4))
    url = str(server.make_url("/ws"))
    async with aiohttp.ClientSession() as script:
        sockets = [await script.ws_connect(url) for _ in range(4)]
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await script.ws_connect(url)
        assert refused.value.status == 429
        elsewhere = aiohttp.TCPConnector(local_addr=("127.0.0.2", 0))
        async with aiohttp.ClientSession(connector=elsewhere) as student:
            mine = await student.ws_connect(url)
            await _wait(lambda: len(list(sizes.iterdir())) == 5, "five sessions started")
            await mine.close()
        for socket_ in sockets:
            await socket_.close()
    await _close(room, server)


async def test_behind_a_trusted_proxy_each_browser_counts_under_its_own_address(tmp_path):
    """The proxy (here 127.0.0.2, as nginx on another machine) forwards the browsers' addresses:
    one session each from its own, though all come from the proxy; from anyone else, a forwarded
    address is ignored (it is the sender's to forge)."""
    import aiohttp

    from studytui.admission import Doorway, Proxies

    room, server, sizes = await _room(tmp_path, doorway=Doorway(per_address=1), proxies=Proxies(["127.0.0.2"]))
    url = str(server.make_url("/ws"))

    def browser(address: str, forged: str = "") -> dict[str, str]:
        return {"X-Forwarded-For": ", ".join(filter(None, [forged, address]))}  # nginx appends whom it heard

    async with (
        aiohttp.ClientSession(connector=aiohttp.TCPConnector(local_addr=("127.0.0.2", 0))) as proxy,
        aiohttp.ClientSession() as stranger,
    ):
        sockets = [await proxy.ws_connect(url, headers=browser(f"10.1.0.{n}")) for n in range(1, 6)]
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await proxy.ws_connect(url, headers=browser("10.1.0.1", forged="10.9.9.9"))  # the first one's second tab
        assert refused.value.status == 429
        sockets.append(await stranger.ws_connect(url, headers=browser("10.1.0.2")))
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await stranger.ws_connect(url, headers=browser("10.1.0.3"))  # still 127.0.0.1, which has its one
        assert refused.value.status == 429
        await _wait(lambda: len(list(sizes.iterdir())) == 6, "six sessions started")
        for socket_ in sockets:
            await socket_.close()
    await _close(room, server)


def test_serve_refuses_a_trusted_proxy_that_is_no_address(tmp_path, capsys):
    from studytui.cli import main

    assert main(["--data-dir", str(tmp_path), "serve", "--trusted-proxy", "nginx.local", "--port", str(free_port())]) == 1
    assert "--trusted-proxy 应是反向代理的 IP 地址或网段" in capsys.readouterr().err


async def test_a_session_nobody_names_within_a_minute_ends(tmp_path, monkeypatch):
    from studytui import app as app_module
    from studytui.app import StudyApp

    monkeypatch.setattr(app_module, "NAME_WAIT", 0.2)
    app = StudyApp(data_dir=tmp_path, banks=[THREE], participant=True)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(40):
            await pilot.pause(0.1)
            if app._exit:
                break
    assert app._exit and open_store(tmp_path).profiles() == []


# -- 3. the room's addresses, and no other ----------------------------------------------------


async def _page(server, host: str) -> tuple[int, str]:
    import aiohttp

    async with aiohttp.ClientSession() as client, client.get(server.make_url("/"), headers={"Host": host}) as page:
        return page.status, await page.text()


async def test_the_page_points_back_at_the_address_the_browser_used(tmp_path):
    import aiohttp

    room, server, sizes = await _room(tmp_path)
    port = server.port
    status, html = await _page(server, f"localhost:{port}")
    assert status == 200 and f'data-session-websocket-url="ws://localhost:{port}/ws"' in html
    assert f"http://localhost:{port}/room/textual.js" in html
    async with aiohttp.ClientSession() as client:
        socket_ = await client.ws_connect(server.make_url("/ws"), origin=f"http://localhost:{port}")
        await _wait(lambda: len(list(sizes.iterdir())) == 1, "the session from localhost started")
        await socket_.close()
        for host, origin in [
            (f"evil.example:{port}", f"http://evil.example:{port}"),
            (f"127.0.0.1:{port}", "http://evil.example"),
        ]:
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:  # DNS rebinding: Host and Origin alike forged
                await client.ws_connect(server.make_url("/ws"), origin=origin, headers={"Host": host})
            assert refused.value.status == 403
    assert (await _page(server, f"evil.example:{port}"))[0] == 403
    await _close(room, server)
    room, server, sizes = await _room(tmp_path / "everywhere", host="0.0.0.0")
    status, html = await _page(server, f"192.168.1.5:{server.port}")
    assert status == 200 and f'"ws://192.168.1.5:{server.port}/ws"' in html and "0.0.0.0" not in html
    await server.close()


def test_every_address_of_a_room_served_everywhere_and_a_proxy():
    from studytui.admission import Addresses

    everywhere = Addresses("0.0.0.0", 8000)
    assert everywhere.allows("192.168.1.5:8000") and everywhere.allows("localhost:8000") and everywhere.allows("[::1]:8000")
    assert not everywhere.allows("192.168.1.5:9000") and not everywhere.allows("rebind.example:8000")
    assert everywhere.base_url("192.168.1.5:8000") == "http://192.168.1.5:8000"  # never 0.0.0.0
    proxied = Addresses("127.0.0.1", 8000, "https://room.example.cn/")
    assert proxied.allows_origin("https://room.example.cn") and proxied.allows("room.example.cn", "https")
    assert not proxied.allows_origin("http://room.example.cn") and proxied.base_url("127.0.0.1:8000") == "https://room.example.cn"


# -- 4. one name rule ------------------------------------------------------------------------


async def test_a_look_alike_or_too_long_name_is_refused_in_the_tui(tmp_path):
    from textual.widgets import Input

    from studytui.app import StudyApp

    open_store(tmp_path).profile("张三")
    app = StudyApp(data_dir=tmp_path, banks=[THREE], participant=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for name, said in [("張三", "与已有的“张三”看起来相同"), ("王" * 21, "最多 20 个字")]:
            app.screen.query_one("#new-profile", Input).value = name
            await pilot.press("enter")
            await pilot.pause()
            assert app.profile_id is None and any(said in n.message for n in app._notifications)
    assert open_store(tmp_path).profiles() == ["张三"]


def test_the_roster_holds_each_person_once(tmp_path):
    from studytui.roster import RosterError, read_roster

    roster = tmp_path / "名单.txt"
    roster.write_text("# 三班\n王一\n李二, 7Q4K\n張三\t1234\n张三\n" + "赵" * 21 + "\n", encoding="utf-8")
    with pytest.raises(RosterError) as refused:
        read_roster(roster)
    assert str(refused.value).splitlines() == [
        f"{roster}:5: “张三”与第 4 行的“張三”是同一个名字",
        f"{roster}:6: 姓名最多 20 个字",
    ]
    roster.write_text("王一\n李二, 7Q4K\nAnn Lee 4821\n", encoding="utf-8")
    assert read_roster(roster) == {"王一": ("王一", ""), "李二": ("李二", hashed("7Q4K")), "ann lee": ("Ann Lee", hashed("4821"))}
    with pytest.raises(BadName):
        Room(tmp_path, "r").claim("王\u200b一")


def test_serve_says_where_a_roster_is_wrong(tmp_path, capsys):
    from studytui.cli import main

    roster = tmp_path / "roster.txt"
    roster.write_text("王一\n王一\n", encoding="utf-8")
    assert main(["--data-dir", str(tmp_path), "serve", "--port", str(free_port()), "--roster", str(roster)]) == 1
    assert capsys.readouterr().err.strip() == f"{roster}:2: “王一”与第 1 行的“王一”是同一个名字"


# -- 5. settings per person ------------------------------------------------------------------


async def test_each_person_keeps_their_bank_and_a_shared_machine_asks_who_is_there(tmp_path):
    from studytui.app import StudyApp

    prepare(tmp_path, bank_id="example", profile="张三")
    store = open_store(tmp_path)
    store.set_setting("bank", "example", profile=store.profile("张三"))
    store.set_setting("bank", "three", profile=store.profile("李四"))
    store.set_setting("profile", "李四")
    store.close()
    app = StudyApp(data_dir=tmp_path, banks=[THREE])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "ProfileDialog" and app.profile_id is None  # not simply the last one
        assert app.screen.profiles == ["李四", "张三"]  # the last one first: one Enter away
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.profile_name == "张三" and app.screen.bank.id == "example"
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.profile_name == "李四" and app.screen.bank.id == "three"


async def test_participants_do_not_overwrite_each_others_bank(tmp_path):
    from studytui.app import StudyApp

    for name, steps in [("王一", ()), ("李二", ("up",))]:
        app = StudyApp(data_dir=tmp_path, banks=[THREE], participant=True)
        app.room = Room(tmp_path, "r", browser=name)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press(*name, "enter", *steps)
            await pilot.pause()
    store = open_store(tmp_path)
    chosen = {name: store.setting("bank", profile=store.profile(name)) for name in ("王一", "李二")}
    assert chosen["王一"] != chosen["李二"] and store.setting("bank") is None


# -- 6. the console and the page's fonts -----------------------------------------------------


async def test_the_console_says_one_chinese_line_per_event_and_no_traceback(tmp_path, capfd):
    import aiohttp

    from studytui.admission import Doorway
    from studytui.console import Console

    said = io.StringIO()
    console = Console(tmp_path / "logs" / "serve.log", stream=said)
    room, server, sizes = await _room(tmp_path, console=console, doorway=Doorway(per_address=1, attempts=1000))
    url = str(server.make_url("/ws"))
    async with aiohttp.ClientSession() as script:
        held = await script.ws_connect(url)
        knocks = await asyncio.gather(*(script.ws_connect(url) for _ in range(50)), return_exceptions=True)  # a script knocking
        assert all(isinstance(knock, aiohttp.WSServerHandshakeError) for knock in knocks)
        await held.send_str("not json {")  # garbage
        assert (await held.receive()).type == aiohttp.WSMsgType.CLOSE
    await _close(room, server)
    crashing = "exec sh -c 'echo Traceback boom >&2; exit 3'"
    room, server, sizes = await _room(tmp_path / "2", console=console, command=crashing)
    async with aiohttp.ClientSession() as client:
        crashed = await client.ws_connect(server.make_url("/ws"))
        assert (await crashed.receive()).type == aiohttp.WSMsgType.CLOSE  # its page is told
        await _wait(lambda: "异常结束" in said.getvalue(), "the crash to be said")
    await _close(room, server)
    lines = said.getvalue().splitlines()
    assert sum("同一地址最多同时 1 个会话" in line for line in lines) == 1
    assert any("发来无法识别的消息" in line for line in lines) and any("退出码 3" in line for line in lines)
    assert all(not line.isascii() for line in lines) and "Traceback" not in said.getvalue() + "".join(capfd.readouterr())
    assert "Traceback boom" in (tmp_path / "logs" / "serve.log").read_text()


async def test_the_terminal_finds_the_systems_cjk_fonts(tmp_path):
    import aiohttp

    room, server, sizes = await _room(tmp_path)
    async with aiohttp.ClientSession() as client:
        html = await (await client.get(server.make_url("/"))).text()
        script = html.split('<script src="')[1].split('"')[0]
        code = await (await client.get(script)).text()
    await server.close()
    installed = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout
    stack = code.split("scrollback:0,fontFamily:")[1].split("}")[0]
    assert "Noto Sans Mono CJK SC" in installed and "Noto Sans Mono CJK SC" in stack and "Microsoft YaHei" in stack
