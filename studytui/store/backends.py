"""Which database the store uses: the SQLite file in the data folder (the default, for
one person or one room), or a PostgreSQL server named by ``--db`` / ``$STUDYTUI_DB``
(an organisation-wide exam, several ``serve`` hosts on one database).

Nothing here imports the PostgreSQL driver: it is loaded only when a server is named,
so the TUI starts as fast without it."""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from pathlib import Path

ENV_DB = "STUDYTUI_DB"
"""The database to use instead of the data folder's SQLite file: ``postgresql://…``."""
SCHEMES = ("postgresql://", "postgres://")
RECONNECTING = "正在重新连接数据库…"
NO_DRIVER = '未安装 PostgreSQL 驱动：请先运行 pip install "studytui[postgres]"（或 pip install "psycopg[binary]"）'


class ConnectionLost(sqlite3.OperationalError):
    """The database server cannot be reached (stopped, restarting, the network down).
    A write can be tried again once it is back, as with a database another program holds,
    so it is an ``OperationalError`` the store already waits on."""


def database_url(given: str | None = None) -> str | None:
    """The server named by ``given`` or ``$STUDYTUI_DB``; None for the SQLite file."""
    url = given or os.environ.get(ENV_DB) or None
    return url.strip() if url else None


def is_server(url: str) -> bool:
    return url.lower().startswith(SCHEMES)


def use_database(url: str | None) -> None:
    """``--db URL``: this process and every one it starts (a served participant) use ``url``."""
    if url:
        os.environ[ENV_DB] = url


def shown(url: str) -> str:
    """The URL as it may be printed: without its password."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)


def journal_folder(data: Path, url: str) -> Path:
    """Where answers wait on this machine while the server is out of reach, one folder per
    server, so that they are never replayed into another database."""
    return data / "postgresql" / hashlib.sha256(shown(url).encode("utf-8")).hexdigest()[:12]
