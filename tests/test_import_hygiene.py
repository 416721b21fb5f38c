"""What loads when: domain modules never import Textual (the house rule, README.md), and the TUI's
start-up loads neither the segmenter nor OpenCC."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

DOMAIN = [
    "constants",
    "vocabulary",
    "text",
    "generator.structure",
    "generator.formulations",
    "generator.enumerations",
    "generator.questions",
    "generator.checks",
    "generator.words",
    "generator.prefixes",
    "bankfile.bank",
    "bankfile.syntax",
    "bankfile.validation",
    "bankfile.loader",
    "grading",
    "store",
    "quiz",
    "quiz.session",
    "quiz.scheduling",
    "quiz.picking",
    "quiz.selection",
    "quiz_code",
    "reading",
    "contest",
    "room",
    "library",
    "paths",
    "cli",
    "cli_data",
    "cli_banks",
    "answer_import",
    "profile_report",
]


@pytest.mark.parametrize("module", DOMAIN)
def test_domain_module_does_not_load_textual(module):
    code = f"import sys, studytui.{module}; print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_every_domain_module_named_exists():
    missing = [m for m in DOMAIN if importlib.util.find_spec(f"studytui.{m}") is None]
    assert not missing


_TUI_START = """
import asyncio, sys, tempfile
from pathlib import Path
from studytui.app import StudyApp
from studytui.store import open_store

async def main():
    data = Path(tempfile.mkdtemp())
    store = open_store(data)
    store.profile("张三")
    store.set_setting("profile", "张三")  # home shows its figures at a glance too
    store.close()
    app = StudyApp(data_dir=data)
    async with app.run_test() as pilot:
        await pilot.pause()
        while busy := [w for w in app.workers if not w.is_finished]:  # the banks, read after the first frame
            await app.workers.wait_for_complete(busy)
            await pilot.pause()
        assert app.library.entries and "本题库待复习" in str(app.screen.query_one("#summary").render())
    print("jieba" in sys.modules)

asyncio.run(main())
"""


def test_tui_start_up_never_loads_the_segmenter():
    """jieba is for generating only: the TUI opening its shipped banks does not import it."""
    out = subprocess.run([sys.executable, "-c", _TUI_START], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "False"


def test_generating_loads_the_segmenter():
    code = "import sys; from studytui.generator.questions import generate; generate(open(sys.argv[1], encoding='utf-8').read()); print('jieba' in sys.modules)"
    speech = Path(__file__).parent / "data" / "corpus" / "qichu_qifali.txt"
    out = subprocess.run([sys.executable, "-c", code, speech], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "True"


def test_tui_start_up_never_loads_opencc():
    code = _TUI_START.replace('"jieba" in sys.modules', '"opencc" in sys.modules')
    assert "opencc" in code
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "False"


def test_tui_start_up_never_loads_the_grader():
    """Home, its banks and its figures at a glance are shown without the grader (rapidfuzz), which
    loads with the first question."""
    code = _TUI_START.replace('"jieba" in sys.modules', '"studytui.grading" in sys.modules or "rapidfuzz" in sys.modules')
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "False"
