"""``studytui serve``: the TUI in a room's browsers, through textual-serve.

textual-serve is wrapped, not forked: ``RoomServer`` subclasses its ``Server``. It
serves the page and lets a WebSocket in only under the room's own addresses
(``admission.Addresses``), limits sessions per client address (``admission.Doorway``)
and in all, clamps the terminal size a browser asks for, gives the page a Chinese
template and a terminal font stack that finds the system's CJK fonts, and tells the
console one Chinese line per event (``console.Console``). Every browser gets a cookie;
its session runs ``studytui --participant`` with the room's id and the browser's id in its
environment, so that a name taken in the room stays that browser's (``room.py``).
"""

from __future__ import annotations

import asyncio
from asyncio.subprocess import Process
import json
import re
import secrets
import shlex
import socket
from contextlib import suppress
from urllib.parse import urlsplit
from pathlib import Path
from typing import Any

import aiohttp_jinja2
from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from studytui.admission import Addresses, Doorway, Proxies
from studytui.console import Console
from studytui.os_errors import said
from studytui.room import BROWSER_ENV, ROOM_ENV, Room, remove_room

MAX_SESSIONS = 60
WIDTH = (20, 400)
HEIGHT = (8, 200)
TEMPLATES = Path(__file__).with_name("templates")
COOKIE = "studytui_browser"
BROWSER_ID = re.compile(r"[0-9a-f]{32}")
SLOW_DOWN = 1.0
"""Seconds an attempt refused for its address waits for the answer: a script's loop is slowed
to a few attempts a second instead of keeping the server busy answering."""
LARGEST_MESSAGE = 64 * 1024
"""Bytes in one WebSocket message: keys and paste, never a flood."""
UPSTREAM_FONTS = "'Roboto Mono', Monaco, 'Courier New', monospace"
FONTS = (
    "'Roboto Mono', 'Noto Sans Mono CJK SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Sarasa Mono SC', "
    "'WenQuanYi Zen Hei Mono', 'WenQuanYi Micro Hei Mono', 'WenQuanYi Zen Hei', 'Droid Sans Fallback', "
    "'PingFang SC', 'Hiragino Sans GB', 'Heiti SC', 'Microsoft YaHei', 'SimHei', 'NSimSun', 'SimSun', "
    "Monaco, 'Courier New', monospace"
)
"""The terminal's fonts: Roboto Mono for Latin, then the CJK fonts of Linux (Noto, Source Han,
WenQuanYi, Droid), macOS and Windows, whichever the machine has."""
FULL_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>人数已满</title></head>
<body style="background:#0c181f;color:#eee;font-family:sans-serif;text-align:center;padding-top:20vh">
<h1>人数已满</h1><p>本教室最多同时 {limit} 人在线答题。请稍后刷新本页，或联系老师。</p>
</body></html>"""
FOREIGN = "这个地址不是本教室的地址，不予提供（请使用老师给出的地址）"


def clamp(value: int, bounds: tuple[int, int]) -> int:
    low, high = bounds
    return max(low, min(high, value))


def _int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except ValueError:
        return default


class RoomSession(AppService):
    """One browser's session: its process knows the room and the browser it serves."""

    def __init__(self, command: str, room_id: str, browser: str, **kwargs: Any) -> None:
        super().__init__(command, **kwargs)
        self.room_id, self.browser = room_id, browser

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        return {**super()._build_environment(width, height), ROOM_ENV: self.room_id, BROWSER_ENV: self.browser}


class RoomServer(Server):
    def __init__(
        self,
        command: str,
        host: str,
        port: int,
        data: Path,
        max_sessions: int = MAX_SESSIONS,
        *,
        public_url: str | None = None,
        doorway: Doorway | None = None,
        proxies: Proxies | None = None,
        console: Console | None = None,
        room_id: str | None = None,
    ) -> None:
        self.events = console or Console()
        errors = shlex.quote(self.events.log_path())  # a session's traceback: the log, not the console
        super().__init__(f"{command} 2>>{errors}", host=host, port=port, title="studytui 提法学习", templates_path=TEMPLATES)
        self.data = data
        self.max_sessions = max_sessions
        self.sessions = 0
        self.processes: set[Process] = set()
        self.endings: set[asyncio.Task[None]] = set()
        self.room_id = room_id or secrets.token_hex(6)
        self.room = Room(data, self.room_id)
        self.addresses = Addresses(host, port, public_url)
        self.doorway = doorway or Doorway()
        self.proxies = proxies or Proxies()
        self.script = ""

    @property
    def full(self) -> bool:
        return self.sessions >= self.max_sessions

    def full_page(self) -> web.Response:
        return web.Response(text=FULL_PAGE.format(limit=self.max_sessions), content_type="text/html", status=503)

    def client(self, request: web.Request) -> str:
        """The client's address; through a trusted proxy (``--trusted-proxy``), the one it forwards."""
        return self.proxies.client(request.remote or "?", request.headers.get("X-Forwarded-For", ""))

    def refuse(self, address: str, status: int, reason: str) -> web.Response:
        self.events.say(f"拒绝 {address}：{reason}", key=f"{address} {reason}")
        return web.Response(text=reason, status=status, content_type="text/plain", charset="utf-8")

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.router.add_get("/room/textual.js", self.handle_script)
        app.on_cleanup.append(self.on_cleanup)
        return app

    async def handle_script(self, request: web.Request) -> web.Response:
        """textual-serve's terminal, with a font stack that finds the system's CJK fonts."""
        if not self.script:
            upstream = (self.statics_path / "js" / "textual.js").read_text(encoding="utf-8")
            self.script = upstream.replace(json.dumps(UPSTREAM_FONTS), json.dumps(FONTS))
        return web.Response(text=self.script, content_type="application/javascript")

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        if not self.addresses.allows(request.host):
            return self.refuse(self.client(request), 403, FOREIGN)
        if self.full:
            return self.full_page()
        base = self.addresses.base_url(request.host)
        context = {
            "font_size": clamp(_int(request.query.get("fontsize"), 16), (8, 48)),
            "app_websocket_url": ("wss" if base.startswith("https") else "ws") + base[base.index(":") :] + "/ws",
            "config": {"static": {"url": f"{base}/static/"}},
            "script_url": f"{base}/room/textual.js",
            "application": {"name": self.title},
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        if not BROWSER_ID.fullmatch(request.cookies.get(COOKIE, "")):
            response.set_cookie(COOKIE, secrets.token_hex(16), httponly=True, samesite="Strict", path="/")
        return response

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]
        address = self.client(request)
        if not self.addresses.allows(request.host) or not self.addresses.allows_origin(request.headers.get("Origin")):
            return self.refuse(address, 403, FOREIGN)
        if self.full:
            self.events.say(f"拒绝 {address}：人数已满（{self.max_sessions} 人）", key="full")
            return self.full_page()
        if refused := self.doorway.enter(address):
            await asyncio.sleep(SLOW_DOWN)  # a loop waits for its answer, and knocks less often
            return self.refuse(address, 429, refused)
        self.sessions += 1
        try:
            return await self._session(request, address)
        finally:
            self.sessions -= 1
            self.doorway.leave(address)

    async def _session(self, request: web.Request, address: str) -> web.WebSocketResponse:
        query = request.rel_url.query
        width, height = clamp(_int(query.get("width"), 80), WIDTH), clamp(_int(query.get("height"), 24), HEIGHT)
        browser = request.cookies.get(COOKIE, "")
        browser = browser if BROWSER_ID.fullmatch(browser) else secrets.token_hex(16)  # no cookie: a browser of its own
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=LARGEST_MESSAGE)
        await websocket.prepare(request)
        service = RoomSession(
            self.command,
            self.room_id,
            browser,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
        )
        await service.start(width, height)
        process = service._process
        assert process is not None  # started
        self.processes.add(process)
        self.events.say(f"{address} 进入（在线 {self.sessions} 人）")
        gone = asyncio.create_task(self._close_when_gone(process, websocket))
        try:
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            pass
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            self.events.say(f"{address} 发来无法识别的消息，已断开", key=f"{address} garbled")
        except Exception as error:
            self.events.failed(f"{address} 的会话出错", error)
        finally:
            gone.cancel()
            ending = asyncio.create_task(self._ended(service, process, address))
            self.endings.add(ending)  # held: a task only shielded may be collected before it ends
            ending.add_done_callback(self.endings.discard)
            await asyncio.shield(ending)  # even when the handler is cancelled (its client gone)
            await websocket.close()
        return websocket

    @staticmethod
    async def _close_when_gone(process: Process, websocket: web.WebSocketResponse) -> None:
        """A session's process that ends by itself (it crashed, or nobody named it) closes its page."""
        await process.wait()
        await websocket.close()

    async def _process_messages(self, websocket: web.WebSocketResponse, app_service: AppService) -> None:
        """What the browser sends: keys, sizes (clamped), pings, focus."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            envelope = json.loads(message.data)
            kind, data = envelope[0], envelope[1:2]
            if kind == "stdin":
                await app_service.send_bytes(data[0].encode("utf-8"))
            elif kind == "resize":
                size = data[0]
                await app_service.set_terminal_size(
                    clamp(_int(size["width"], 80), WIDTH), clamp(_int(size["height"], 24), HEIGHT)
                )
            elif kind == "ping":
                await websocket.send_json(["pong", str(data[0])[:40]])
            elif kind in ("blur", "focus"):
                await getattr(app_service, kind)()

    async def _ended(self, service: AppService, process: Process, address: str) -> None:
        """The session is told to quit, its process gone (made to go after 5 s); the console
        says who left."""
        if service._task is not None and service._task.done():
            service._task = None  # its output has ended (or stopped being read): no quit to send
        with suppress(asyncio.TimeoutError):  # its output may never end: a grandchild holding the pipe
            await asyncio.wait_for(service.stop(), 5)
        try:
            await asyncio.wait_for(process.wait(), 5)
        except asyncio.TimeoutError:
            with suppress(ProcessLookupError):
                process.kill()
            await process.wait()
        self.processes.discard(process)
        who = self.room.name_of(process.pid) or "未输入姓名的会话"
        self.events.say(f"{who}（{address}）离开（在线 {self.sessions - 1} 人）")
        if process.returncode not in (0, -15, None):
            kept = self.events.keep(f"{who}（{address}）的会话结束，退出码 {process.returncode}")
            self.events.say(f"{who} 的会话异常结束（退出码 {process.returncode}）" + (f"，详情见 {kept}" if kept else ""))

    async def on_startup(self, app: web.Application) -> None:
        """textual-serve's banner is English; ``serve`` has printed its own lines."""

    async def on_shutdown(self, app: web.Application) -> None:
        """No session outlives the server, even one that does not answer its quit message."""
        for process in list(self.processes):
            if process.returncode is None:
                process.terminate()
        for process in list(self.processes):
            try:
                await asyncio.wait_for(process.wait(), 3)
            except asyncio.TimeoutError:
                process.kill()

    async def on_cleanup(self, app: web.Application) -> None:
        """Last, once every session has said who left: the room's claims go."""
        remove_room(self.data, self.room_id)

    def initialize_logging(self) -> None:
        self.events.take_over_logging()

    def serve(self, debug: bool = False) -> None:
        self.initialize_logging()
        web.run_app(self._make_app(), host=self.host, port=self.port, access_log=None, print=lambda *args: None)


def local_address() -> str:
    """This machine's address on its network, to tell the instructor (127.0.0.1 when none)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.255.255.255", 1))  # no packet is sent: this only picks the route
            return str(probe.getsockname()[0])
    except OSError:
        return "127.0.0.1"


class ServeError(Exception):
    """Why the server cannot start, in Chinese, on one line."""


def check_port(host: str, port: int) -> None:
    """Fail before anything is printed when the port cannot be served."""
    if not 1 <= port <= 65535:
        raise ServeError(f"端口 {port} 不在 1 到 65535 之间")
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as exc:
        taken = exc.errno in (98, 48, 10048)  # EADDRINUSE on Linux, macOS, Windows
        raise ServeError(
            f"端口 {port} 已被占用，请换一个（--port）" if taken else f"无法在 {host}:{port} 提供服务：{said(exc)}"
        ) from None


def check_public_url(url: str | None) -> None:
    if url is None:
        return
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise ServeError(f"--public-url 应是浏览器打开的地址，如 https://room.example.cn，而不是 {url!r}")
