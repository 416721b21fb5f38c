"""What every test shares: a data folder of its own (never the user's, nor a database named in
the environment), a data folder nobody can write to, a generator that fails, and the store's
backends (SQLite, and PostgreSQL when a test server is given). The TUI tests' Pilot fixtures
are in tui/conftest.py; plain helpers in helpers.py."""

import os
import subprocess
import uuid

import pytest
from helpers import answer_some

TEST_PG = "STUDYTUI_TEST_PG"
"""A PostgreSQL server the store tests may make databases on (``postgresql://…/postgres``).
Unset, every test parametrised on the ``postgresql`` backend is deselected, and the run
says so at its end; ``.ci/run`` starts a throw-away server and always sets it."""


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path, monkeypatch):
    """Tests never touch the real user data folder, nor a database named in the environment."""
    data = tmp_path / "data"
    monkeypatch.setenv("STUDYTUI_DATA_DIR", str(data))
    monkeypatch.delenv("STUDYTUI_DB", raising=False)
    yield data
    for name in ("STUDYTUI_DB", "STUDYTUI_EXAM"):  # `--db`, `serve --exam` set them for the process and what it starts
        os.environ.pop(name, None)


@pytest.fixture
def read_only_data(tmp_path):
    """A data folder nobody can write to, where 张三 answered three questions: file modes for
    a user, the immutable attribute for root (which file modes do not stop)."""
    data = tmp_path / "data"
    answer_some(data)
    paths = [*data.iterdir(), data]
    root = os.getuid() == 0
    for path in paths:
        if root:
            subprocess.run(["chattr", "+i", str(path)], check=True)
        else:
            os.chmod(path, 0o555 if path.is_dir() else 0o444)
    yield data
    for path in paths:
        if root:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        else:
            os.chmod(path, 0o755 if path.is_dir() else 0o644)


@pytest.fixture
def generate_breaks(monkeypatch):
    """The generator failing as it did on real speeches (issue 10)."""
    from studytui.generator import questions

    def broken(*args, **kwargs):
        raise IndexError("list index out of range")

    monkeypatch.setattr(questions, "generate", broken)


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request, monkeypatch):
    """The store's database, each in turn: the SQLite file in the data folder, and a new
    database of its own on the test server (``$STUDYTUI_DB``, which processes started by
    the test inherit). Yields the server URL, or None for SQLite."""
    if request.param == "sqlite":
        yield None
        return
    yield from _on_server(monkeypatch)


@pytest.fixture(params=["postgresql"])
def server(request, monkeypatch):
    """What only a server has: a new database of its own on the test server, as
    ``$STUDYTUI_DB``; its URL."""
    yield from _on_server(monkeypatch)


def _on_server(monkeypatch):
    from pg import fresh_database

    with fresh_database(os.environ[TEST_PG], f"t_{uuid.uuid4().hex[:16]}") as url:
        monkeypatch.setenv("STUDYTUI_DB", url)
        yield url


def pytest_configure(config):
    config.addinivalue_line("markers", "nginx: runs nginx in front of serve hosts (deselected when nginx is not installed)")


def pytest_collection_modifyitems(config, items):
    from nginx_proxy import NGINX

    wanting = {
        "pg": [] if os.environ.get(TEST_PG) else [i for i in items if "[postgresql" in i.nodeid or "-postgresql" in i.nodeid],
        "nginx": [] if NGINX else [i for i in items if i.get_closest_marker("nginx")],
    }
    deselected = {item for group in wanting.values() for item in group}
    if deselected:
        config.hook.pytest_deselected(items=list(deselected))
        items[:] = [item for item in items if item not in deselected]
    config._studytui_deselected = {why: len(group) for why, group in wanting.items() if group}


def pytest_terminal_summary(terminalreporter, config):
    deselected = getattr(config, "_studytui_deselected", {})
    if count := deselected.get("pg"):
        terminalreporter.write_line(
            f"注意 / note: {count} PostgreSQL store tests were deselected (not run, not passed): "
            f"set {TEST_PG}=postgresql://… to a server where databases may be created to run them "
            "(.ci/run starts one and always sets it).",
            yellow=True,
        )
    if count := deselected.get("nginx"):
        terminalreporter.write_line(
            f"注意 / note: {count} reverse-proxy test(s) deselected (not run, not passed): nginx is not "
            "installed (.ci/run installs Debian's nginx).",
            yellow=True,
        )
