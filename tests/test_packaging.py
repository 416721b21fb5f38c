"""A user installs studytui with `pip install .`, not from the source tree: every
sub-package must be in the list that setuptools installs."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_installed():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "studytui").rglob("__init__.py")}
    assert found <= listed
