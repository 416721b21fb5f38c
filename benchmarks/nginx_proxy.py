"""nginx in front of several ``studytui serve`` hosts, configured with the README's own
```nginx block (its upstream's servers, ``listen`` and ``server_name`` put in), run as an
ordinary process with its pid, logs and temporary files in one folder of its own, and a
browser reaching the hosts through it from an address of its own. The proxy test
(tests/test_org_exam_proxy.py) and the end-to-end benchmark (org_exam_e2e.py) run it, so
the configuration documented is the one tested."""

from __future__ import annotations

import getpass
import os
import re
import secrets
import shutil
import subprocess
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp

README = Path(__file__).parents[1] / "README.md"
NGINX = shutil.which("nginx", path=f"{os.environ.get('PATH', '')}{os.pathsep}/usr/sbin")
"""Debian's nginx is in /usr/sbin, which a user's PATH may not hold; None when not installed."""
MAIN = """\
{user}worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {folder}/client_body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
{site}}}
"""
"""Around the README's block: what a system's nginx.conf holds, in the folder. As root,
nginx's workers would run as ``nobody`` and not reach the folder: they run as the user."""


def readme_site() -> str:
    """The README's ```nginx block, as written."""
    return README.read_text(encoding="utf-8").split("```nginx\n", 1)[1].split("```", 1)[0]


def site(hosts: list[str], listen: str, server_name: str) -> str:
    """The README's block with ``hosts`` (``address:port``) as its upstream's servers,
    listening on ``listen`` under ``server_name``; AssertionError when the README's block
    no longer has what is put in."""
    servers = "".join(f"    server {host};\n" for host in hosts)
    text = readme_site()
    for pattern, value in (
        (r"(?m)(^ +server \S+:\d+;\n)+", servers),
        (r"listen \S+;", f"listen {listen};"),
        (r"server_name \S+;", f"server_name {server_name};"),
    ):
        text, found = re.subn(pattern, value, text)
        assert found == 1, f"README's nginx block: {pattern!r} found {found} times"
    return text


@contextmanager
def nginx(folder: Path, hosts: list[str], listen: str, server_name: str) -> Iterator[subprocess.Popen[bytes]]:
    """nginx running the README's block in ``folder``, in front of ``hosts``; stopped after."""
    assert NGINX is not None, "nginx is not installed"
    folder.mkdir(parents=True, exist_ok=True)
    user = f"user {getpass.getuser()};\n" if os.geteuid() == 0 else ""
    config = folder / "nginx.conf"
    config.write_text(MAIN.format(user=user, folder=folder, site=site(hosts, listen, server_name)), encoding="utf-8")
    command = [NGINX, "-p", str(folder), "-c", str(config), "-e", str(folder / "error.log")]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, f"nginx refuses the README's configuration:\n{checked.stderr}"
    process = subprocess.Popen([*command, "-g", "daemon off;"], stderr=subprocess.DEVNULL)
    try:
        yield process
    finally:
        process.terminate()  # a fast shutdown: the WebSockets it holds are cut
        process.wait(timeout=10)


@asynccontextmanager
async def page_through(proxy: int, public_url: str, address: str) -> AsyncIterator[aiohttp.ClientWebSocketResponse]:
    """A browser at ``address`` (a loopback address of its own, 127.N.0.1: ``ip_hash`` reads the
    first three numbers) with the page of ``public_url`` open through nginx on 127.0.0.1:``proxy``,
    as a browser sends it (the public name in Host and Origin, a cookie of its own): its WebSocket."""
    headers = {
        "Host": urlsplit(public_url).netloc,
        "Origin": public_url,
        "Cookie": f"studytui_browser={secrets.token_hex(16)}",
    }
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(local_addr=(address, 0))) as client:
        ws = await client.ws_connect(f"http://127.0.0.1:{proxy}/ws?width=100&height=30", headers=headers, max_msg_size=0)
        try:
            yield ws
        finally:
            await ws.close()
