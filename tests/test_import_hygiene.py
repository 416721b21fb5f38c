"""Domain modules never import Textual (DESIGN.md's house rule)."""

import importlib.util
import subprocess
import sys

import pytest

DOMAIN = ["text", "formulations", "generate", "bank", "validation", "grading", "store", "quiz", "contest", "library", "paths", "cli", "cli_data", "exchange"]
PRESENT = [m for m in DOMAIN if importlib.util.find_spec(f"studytui.{m}") is not None]


@pytest.mark.parametrize("module", PRESENT)
def test_domain_module_does_not_load_textual(module):
    code = f"import sys, studytui.{module}; print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_the_core_modules_exist():
    assert {"bank", "paths", "cli"} <= set(PRESENT)
