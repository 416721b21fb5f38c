"""No command writes over the database or the files SQLite keeps beside it."""

import pytest

from studytui.cli import main
from helpers import answers_in, studied


@pytest.mark.parametrize(
    "command",
    [
        ["export"],
        ["export", "--format", "json"],
        ["report"],
        ["report", "--format", "csv"],
    ],
)
@pytest.mark.parametrize("target", ["studytui.db", "studytui.db-wal", "studytui.db-shm"])
def test_output_onto_the_database_is_refused(tmp_path, capsys, command, target):
    data = tmp_path / "d"
    studied(data)
    assert main(["--data-dir", str(data), *command, "-o", str(data / target)]) == 1
    assert "数据库" in capsys.readouterr().err
    assert answers_in(data) == 30


def test_generate_onto_the_database_is_refused(tmp_path, capsys):
    data = tmp_path / "d"
    studied(data)
    speech = tmp_path / "s.txt"
    speech.write_text("一要践行“两个维护”，推动政治监督具体化常态化。\n", encoding="utf-8")
    assert main(["--data-dir", str(data), "generate", str(speech), "-o", str(data / "studytui.db")]) == 1
    assert "数据库" in capsys.readouterr().err
    assert answers_in(data) == 30


def test_any_sqlite_database_is_refused_as_output(tmp_path, capsys):
    """Another data folder's database (or a link to this one) is no output file either."""
    other = tmp_path / "other"
    studied(other)
    link = tmp_path / "link.csv"
    link.symlink_to(other / "studytui.db")
    assert main(["--data-dir", str(tmp_path / "d"), "export", "-o", str(link)]) == 1
    assert answers_in(other) == 30
