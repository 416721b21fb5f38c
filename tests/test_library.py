"""The library reads the bank folders without changing what it holds (a worker reads, the UI
thread then takes what was read), and generating a bank into it says why when it cannot."""

import os
import subprocess

import pytest
from helpers import DATA

from studytui.library import CannotGenerate, Library, generate_into_library


def test_reading_changes_nothing_until_what_was_read_is_used(tmp_path):
    library = Library(tmp_path)
    shelf = library.read()
    assert shelf.entries and library.entries == [] and library.problems == []
    library.use(shelf)
    assert library.entries is shelf.entries and library.banks


def test_two_banks_with_one_id_are_told_in_what_was_read(tmp_path):
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "three.yaml").write_bytes((DATA / "three.yaml").read_bytes())
    shelf = Library(tmp_path, [DATA / "three.yaml"]).read()
    assert any("three" in problem.message for problem in shelf.problems)
    assert len({entry.bank.id for entry in shelf.entries if entry.bank}) == len([e for e in shelf.entries if e.bank])


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder nobody can write to: its mode for a user, the immutable attribute for root."""
    folder = tmp_path / "data"
    folder.mkdir()
    root = os.getuid() == 0
    if root:
        subprocess.run(["chattr", "+i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
    yield folder
    if root:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        folder.chmod(0o755)


def test_generating_into_a_read_only_data_folder_says_why(read_only_folder):
    with pytest.raises(CannotGenerate):
        generate_into_library(read_only_folder, DATA / "other_speech.txt")
