"""Starting ``studytui serve``: check what was asked, load the banks and the roster once,
tell the instructor where the room is and its instructor's code, then serve."""

from __future__ import annotations

import secrets
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

from studytui.admission import EVERYWHERE, PER_ADDRESS, Doorway, Proxies
from studytui.console import Console
from studytui.library import Library
from studytui.room import Setup, hashed, room_folder
from studytui.roster import RosterError, read_roster
from studytui.serve import RoomServer, ServeError, check_port, check_public_url, local_address

CODE_LETTERS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
"""The instructor's code: no 0/O, 1/I/L to mistake for each other."""


def serve(
    data: Path,
    banks: list[str],
    host: str,
    port: int,
    max_sessions: int,
    *,
    public_url: str | None = None,
    roster: str | None = None,
    per_address: int = PER_ADDRESS,
    trusted_proxies: Sequence[str] = (),
) -> int:
    command = [sys.executable, "-m", "studytui", "--participant", "--data-dir", str(data)]
    for bank in banks:
        command += ["--bank", str(Path(bank).resolve())]
    try:
        if max_sessions < 1:
            raise ServeError("--max-sessions 至少为 1")
        if per_address < 1:
            raise ServeError("--per-address 至少为 1")
        check_public_url(public_url)
        proxies = trusted(trusted_proxies)
        check_port(host, port)
        names = read_roster(Path(roster)) if roster else {}
    except (ServeError, RosterError) as exc:
        print(f"studytui serve: {exc}" if isinstance(exc, ServeError) else exc, file=sys.stderr)
        return 1
    library = Library(data, banks)
    library.load()  # once here, so every browser's session finds the banks cached
    for problem in [p for entry in library.entries for p in entry.errors] + library.problems:
        print(problem, file=sys.stderr)
    room_id = secrets.token_hex(6)
    code = "".join(secrets.choice(CODE_LETTERS) for _ in range(6))
    guests = max(0, max_sessions - len(names)) if names else None
    Setup(names, guests, hashed(code)).write(room_folder(data, room_id))
    console = Console(data / "logs" / "serve.log")
    url = public_url or f"http://{'127.0.0.1' if host in EVERYWHERE else host}:{port}"
    console.say(f"studytui 已在 {url} 提供（数据文件夹 {data}，最多 {max_sessions} 人），按 Ctrl+C 停止")
    if host in EVERYWHERE and not public_url:
        console.say(f"其他电脑请在浏览器打开 http://{local_address()}:{port}")
    if names:
        coded = sum(1 for _, hashed_code in names.values() if hashed_code)
        console.say(f"名单 {len(names)} 人（{coded} 人有个人码），名单外的名字最多 {guests} 人")
    if public_url and not trusted_proxies:
        console.say(f"未给出 --trusted-proxy：经代理来的浏览器都算作代理一个地址（每个地址最多 {per_address} 个会话）")
    console.say(f"教师码 {code}：有人换了浏览器或电脑，在其姓名后输入此码，即可继续用原来的名字")
    doorway = Doorway(per_address)
    server = RoomServer(
        "exec " + shlex.join(command),
        host,
        port,
        data,
        max_sessions,
        public_url=public_url,
        doorway=doorway,
        proxies=proxies,
        console=console,
        room_id=room_id,
    )
    server.serve()
    return 0


def trusted(proxies: Sequence[str]) -> Proxies:
    """The proxies of ``--trusted-proxy``; ServeError for one that is no address or network."""
    for entry in proxies:
        try:
            Proxies([entry])
        except ValueError:
            raise ServeError(
                f"--trusted-proxy 应是反向代理的 IP 地址或网段，如 10.0.0.5 或 10.0.0.0/24，而不是 {entry!r}"
            ) from None
    return Proxies(proxies)
