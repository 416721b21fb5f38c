"""What every test shares: a data folder of its own (never the user's), a data folder nobody
can write to, and a generator that fails. The TUI tests' Pilot fixtures are in tui/conftest.py;
plain helpers in helpers.py."""

import os
import subprocess

import pytest
from helpers import answer_some


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path, monkeypatch):
    """Tests never touch the real user data folder."""
    data = tmp_path / "data"
    monkeypatch.setenv("STUDYTUI_DATA_DIR", str(data))
    return data


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
