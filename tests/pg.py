"""Databases on the test PostgreSQL server, made for one test and dropped after it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from urllib.parse import urlsplit

import psycopg


def on_database(url: str, name: str) -> str:
    """``url`` with its database changed to ``name``."""
    return urlsplit(url)._replace(path=f"/{name}").geturl()


@contextmanager
def fresh_database(server: str, name: str) -> Iterator[str]:
    """A new, empty database ``name`` on ``server``; its URL. Dropped afterwards, with
    whatever connections a test left open."""
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield on_database(server, name)
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
