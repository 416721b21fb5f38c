"""``studytui serve``: the TUI in a room's browsers, through textual-serve.

textual-serve is wrapped, not forked: ``RoomServer`` subclasses its ``Server`` to
cap the number of sessions, clamp the terminal size a browser asks for, refuse
WebSockets from another origin, and give the page a Chinese template that asks
for no fonts from outside. Every session runs ``studytui --participant`` with the
server's room id in its environment, so that names can be claimed (``room.py``).
"""

from __future__ import annotations

import asyncio
import os
import shlex
import socket
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit

from aiohttp import web
from textual_serve.server import Server

from studytui.library import Library
from studytui.room import ROOM_ENV, remove_room

MAX_SESSIONS = 60
WIDTH = (20, 400)
HEIGHT = (8, 200)
TEMPLATES = Path(__file__).with_name("templates")
FULL_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>人数已满</title></head>
<body style="background:#0c181f;color:#eee;font-family:sans-serif;text-align:center;padding-top:20vh">
<h1>人数已满</h1><p>本教室最多同时 {limit} 人在线答题。请稍后刷新本页，或联系老师。</p>
</body></html>"""


class ServeError(Exception):
    """Why the server cannot start, in Chinese, on one line."""


def clamp(value: int, bounds: tuple[int, int]) -> int:
    low, high = bounds
    return max(low, min(high, value))


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
            f"端口 {port} 已被占用，请换一个（--port）" if taken else f"无法在 {host}:{port} 提供服务：{exc.strerror}"
        ) from None


def same_origin(request: web.Request) -> bool:
    """A browser's WebSocket from a page of this server (or a client that sends no Origin)."""
    origin = request.headers.get("Origin")
    return origin is None or urlsplit(origin).netloc == request.host


class RoomServer(Server):
    def __init__(
        self, command: str, host: str, port: int, data: Path, max_sessions: int = MAX_SESSIONS, public_url: str | None = None
    ) -> None:
        super().__init__(
            command, host=host, port=port, title="studytui 提法学习", templates_path=TEMPLATES, public_url=public_url
        )
        self.data = data
        self.max_sessions = max_sessions
        self.sessions = 0
        self.processes: set = set()
        self.room_id = uuid.uuid4().hex[:12]

    @property
    def full(self) -> bool:
        return self.sessions >= self.max_sessions

    def full_page(self) -> web.Response:
        return web.Response(text=FULL_PAGE.format(limit=self.max_sessions), content_type="text/html", status=503)

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        if self.full:
            return self.full_page()
        return await super().handle_index(request)

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:
        if not same_origin(request):
            return web.Response(text="不接受来自其他网站的连接", status=403)
        if self.full:
            return self.full_page()
        query = request.rel_url.query
        size = {
            "width": clamp(_int(query.get("width"), 80), WIDTH),
            "height": clamp(_int(query.get("height"), 24), HEIGHT),
        }
        self.sessions += 1
        try:
            return await super().handle_websocket(request.clone(rel_url=request.rel_url.update_query(size)))
        finally:
            self.sessions -= 1

    async def _process_messages(self, websocket, app_service) -> None:
        """Every resize the browser sends is clamped too."""
        resize = app_service.set_terminal_size

        async def clamped(width: int, height: int) -> None:
            await resize(clamp(_int(width, 80), WIDTH), clamp(_int(height, 24), HEIGHT))

        app_service.set_terminal_size = clamped
        process = app_service._process
        self.processes.add(process)
        try:
            await super()._process_messages(websocket, app_service)
        finally:
            self.processes.discard(process)

    async def on_startup(self, app: web.Application) -> None:
        """textual-serve's banner is English; ``serve`` has printed its own line."""

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
        remove_room(self.data, self.room_id)

    def serve(self, debug: bool = False) -> None:
        os.environ[ROOM_ENV] = self.room_id  # every session's process inherits it
        super().serve(debug)


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def serve(data: Path, banks: list[str], host: str, port: int, max_sessions: int, public_url: str | None = None) -> int:
    """``public_url``: where browsers reach this server when a proxy stands in front of it."""
    command = [sys.executable, "-m", "studytui", "--participant", "--data-dir", str(data)]
    for bank in banks:
        command += ["--bank", str(Path(bank).resolve())]
    try:
        if max_sessions < 1:
            raise ServeError("--max-sessions 至少为 1")
        check_port(host, port)
    except ServeError as exc:
        print(f"studytui serve: {exc}", file=sys.stderr)
        return 1
    library = Library(data, banks)
    library.load()  # once here, so every browser's session finds the banks cached
    for problem in [p for entry in library.entries for p in entry.errors] + library.problems:
        print(problem, file=sys.stderr)
    print(
        f"studytui 已在 http://{host}:{port} 提供（数据文件夹 {data}，最多 {max_sessions} 人），按 Ctrl+C 停止", file=sys.stderr
    )
    RoomServer("exec " + shlex.join(command), host, port, data, max_sessions, public_url and public_url.rstrip("/")).serve()
    return 0
