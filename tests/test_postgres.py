"""The store on a PostgreSQL server: what only a server has (a lost connection, no file to
salvage), the ``--db`` option, and a TUI that starts without the driver. The store's
behaviour itself is tested on both backends by the ``backend`` fixture (test_store.py…)."""

import subprocess
import sys
from contextlib import contextmanager

import psycopg
import pytest
from test_import_hygiene import _TUI_START

from studytui.cli import main
from studytui.store import Answer, StoreError, open_store


@pytest.fixture
def pg(server):
    return server


@contextmanager
def server_away(url):
    """The database refuses every connection, and the ones open are cut: as when the
    server stops or the network drops."""
    name = psycopg.conninfo.conninfo_to_dict(url)["dbname"]
    with psycopg.connect(url.replace(f"/{name}", "/postgres", 1), autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
        try:
            yield
        finally:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')


def test_a_lost_connection_keeps_the_answer_in_memory_and_writes_it_once_when_back(tmp_path, pg, monkeypatch):
    monkeypatch.setattr("studytui.store.waiting.SAVE_WAIT", 0.3)
    monkeypatch.setattr("studytui.store.recovery.set_aside", lambda path: pytest.fail("no file to set aside on a server"))
    store = open_store(tmp_path)
    sid = store.start_session(store.profile("张三"), "b", "h", "exam", {})
    store.record(Answer(sid, "q1", "p", "t", "correct", 1.0, 1.0))
    with server_away(pg):
        assert store.record(Answer(sid, "q2", "p", "t", "wrong", 0.0, 1.0)) is None
        assert store.waiting_for == "reconnecting" and not store.save_unsaved()
        message, safe = store.unsaved_at_quit()
        assert "正在重新连接数据库…" in message and safe  # journalled on this machine, for the next start
    assert store.save_unsaved() and store.unsaved == []
    assert store.save_unsaved()  # nothing twice
    assert [r.question_id for r in store.session_answers(sid)] == ["q1", "q2"]
    assert store.session(sid).answered == 2 and store.mistakes(store.profile("张三"), "b") == ["q2"]


def test_a_server_that_cannot_be_reached_at_open_is_said_in_chinese(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDYTUI_DB", f"postgresql://nobody@/studytui?host={tmp_path}&connect_timeout=1")
    with pytest.raises(StoreError, match="无法连接数据库服务器"):
        open_store(tmp_path / "data")


def test_a_newer_schema_on_the_server_is_refused(tmp_path, pg):
    open_store(tmp_path).close()
    with psycopg.connect(pg, autocommit=True) as raw:
        raw.execute("UPDATE schema_version SET version = 99")
    with pytest.raises(StoreError, match="更新版本"):
        open_store(tmp_path)


def test_db_option_puts_every_command_on_the_server(tmp_path, pg, monkeypatch, capsys):
    monkeypatch.delenv("STUDYTUI_DB")
    with pytest.MonkeyPatch.context() as on_server:
        on_server.setenv("STUDYTUI_DB", pg)
        store = open_store(tmp_path)
        sid = store.start_session(store.profile("远方的人"), "b", "h", "class", {}, quiz_code="QZ-1")
        store.record(Answer(sid, "q1", "p", "t", "correct", 1.0, 1.0))
        store.close()
    assert main(["stats", "--json"]) == 0 and "远方的人" not in capsys.readouterr().out  # the SQLite file
    assert main(["--db", pg, "stats", "--json"]) == 0 and "远方的人" in capsys.readouterr().out


def test_an_address_that_is_not_postgresql_is_refused(capsys):
    assert main(["stats", "--db", "mysql://x/y"]) == 1
    assert "不是 PostgreSQL 数据库地址" in capsys.readouterr().err


def test_without_the_driver_the_command_says_how_to_install_it(tmp_path):
    code = "import sys; sys.modules['psycopg'] = None; from studytui.cli import main; sys.exit(main(sys.argv[1:]))"
    done = subprocess.run(
        [sys.executable, "-c", code, "--db", "postgresql://x@/y", "stats"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1 and 'pip install "studytui[postgres]"' in done.stderr


def test_tui_start_up_never_loads_the_postgresql_driver():
    script = _TUI_START.replace('print("jieba" in sys.modules)', 'print(any(m.startswith("psycopg") for m in sys.modules))')
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "False"
