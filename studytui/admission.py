"""Who may come into a served room, decided before a session starts.

``Addresses``: the addresses the room is served on. A page is served, and a WebSocket
let in, only under one of them (so a forged Host, as in DNS rebinding, is refused: the
check never trusts the request's own Host), and the page points the browser back at the
address it used (localhost or 127.0.0.1; any of the machine's addresses under
``--host 0.0.0.0``), or at ``--public-url`` behind a proxy.

``Doorway``: at most a few sessions, and a few attempts a minute, per client address, so
that one script cannot fill the room or keep the server busy starting sessions.

``Proxies``: the reverse proxies the instructor names (``--trusted-proxy``); a request that
comes through one counts under the browser's address it forwards, every other request under
its own (a forwarded address from anyone else is ignored: it is the sender's to forge)."""

from __future__ import annotations

import ipaddress
import socket
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
EVERYWHERE = {"", "0.0.0.0", "::"}
PER_ADDRESS = 4
"""Sessions at once from one client address (a classroom has a machine per person)."""
ATTEMPTS = 12
"""Session attempts a minute from one client address (a reload or two is plenty)."""
WINDOW = 60.0


def _is_ip(hostname: str) -> bool:
    try:
        ipaddress.ip_address(hostname)
    except ValueError:
        return False
    return True


def _split(netloc: str, scheme: str = "http") -> tuple[str, int | None]:
    """The host name (lower case, no brackets) and port of ``host[:port]``; port None when invalid."""
    try:
        parts = urlsplit(f"{scheme}://{netloc}")
        port = parts.port or (443 if scheme in ("https", "wss") else 80)
    except ValueError:
        return "", None
    return (parts.hostname or "").lower(), port


class Addresses:
    def __init__(self, host: str, port: int, public_url: str | None = None) -> None:
        self.host, self.port, self.public_url = host.lower().strip("[]"), port, (public_url or "").rstrip("/")
        self.names = {self.host}
        if self.host in LOOPBACK:
            self.names = set(LOOPBACK)
        elif self.host in EVERYWHERE:
            self.names = {"localhost", socket.gethostname().lower(), socket.getfqdn().lower()}
        self.public = _split(urlsplit(self.public_url).netloc, urlsplit(self.public_url).scheme) if public_url else None

    def allows(self, netloc: str, scheme: str = "http", origin: bool = False) -> bool:
        """Whether ``netloc`` (a Host header, an Origin's host) is an address of this room."""
        hostname, port = _split(netloc, scheme)
        if not hostname or port is None:
            return False
        if (
            self.public is not None
            and hostname == self.public[0]
            and (port == self.public[1] or (":" not in netloc and not origin))
        ):
            return True  # the proxy's name: nginx passes Host without the port its https listens on; an Origin names its scheme
        served = hostname in self.names or (self.host in EVERYWHERE and _is_ip(hostname))
        return served and port == self.port

    def allows_origin(self, origin: str | None) -> bool:
        """A browser's page of this room (a client that is no browser sends no Origin)."""
        if origin is None:
            return True
        parts = urlsplit(origin)
        return parts.scheme in ("http", "https") and self.allows(parts.netloc, parts.scheme, origin=True)

    def base_url(self, host: str) -> str:
        """Where the page sends the browser: the public URL, else the address it used."""
        return self.public_url or f"http://{host}"


class Proxies:
    def __init__(self, trusted: Iterable[str] = ()) -> None:
        """``trusted``: addresses or networks (``10.0.0.5``, ``10.0.0.0/24``); ValueError for another text."""
        self.networks = [ipaddress.ip_network(entry.strip(), strict=False) for entry in trusted]

    def trusts(self, address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in network for network in self.networks)

    def client(self, remote: str, forwarded: str) -> str:
        """The client's address: ``remote``, unless that is a trusted proxy; then the address the
        proxy forwards (``X-Forwarded-For``, read from the right: each proxy appends whom it
        heard from; what the browser itself wrote there stands left of it)."""
        address = remote
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        while hops and self.trusts(address):
            address = hops.pop()
        return address


class Doorway:
    def __init__(
        self, per_address: int = PER_ADDRESS, attempts: int = ATTEMPTS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.per_address, self.attempts, self.clock = per_address, attempts, clock
        self.inside: defaultdict[str, int] = defaultdict(int)
        self.tried: defaultdict[str, deque[float]] = defaultdict(lambda: deque(maxlen=attempts + 1))

    def enter(self, address: str) -> str | None:
        """Count a session attempt from ``address``: None when it may start (``leave`` when it
        ends), else why not, in Chinese. Refused attempts count too: a loop stays refused
        for as long as it tries more often than ``attempts`` times a minute."""
        now = self.clock()
        tried = self.tried[address]
        while tried and now - tried[0] > WINDOW:
            tried.popleft()
        tried.append(now)
        if len(tried) > self.attempts:
            return f"连接过于频繁（同一地址每分钟最多 {self.attempts} 次），请稍后再试"
        if self.inside[address] >= self.per_address:
            return f"同一地址最多同时 {self.per_address} 个会话"
        self.inside[address] += 1
        return None

    def leave(self, address: str) -> None:
        self.inside[address] -= 1
        if not self.inside[address]:
            del self.inside[address]
        if not self.tried[address]:
            del self.tried[address]
