"""Start-up, as a person waits for it: whole processes, launched and timed from the
outside until they exit, alternated; the ratio is the median over the pairs, as the two
of a pair run back to back under the same load of the machine.

- studytui: ``studytui`` (the command line's own path to the TUI) with a known profile,
  until its home screen lists the banks (the first frame that shows them), then exits;
- bare: a Textual app of a Header, a Static and a Footer, until its first frame, then exits.

Both run headless, with bytecode compiled and the data folder's bank cache warm (as
from the second start on); and the peak memory once the shipped banks are loaded.

    python benchmarks/startup.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 21
TARGET = 1.30

BARE = """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("studytui")
        yield Footer()

    def _display(self, screen, renderable):
        super()._display(screen, renderable)
        if renderable is not None:
            self.exit()

Bare().run(headless=True)
"""

OURS = """
import resource, sys
from studytui import app, cli

class Listed(app.StudyApp):
    def run(self, **kwargs):
        return super().run(headless=True, **kwargs)

    def _display(self, screen, renderable):
        super()._display(screen, renderable)
        if renderable is not None and self.library.entries and screen.query("#banks"):
            first = screen.query_one("#banks").get_option_at_index(0)
            if not first.disabled:  # the banks, not "正在加载题库……"
                self.exit()

app.StudyApp = Listed
cli.main([])
if "--memory" in sys.argv:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def run(code: str, env: dict[str, str], *args: str) -> tuple[float, str]:
    """Seconds from launching a fresh interpreter on ``code`` to its exit, and what it printed."""
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=True).stdout
    return time.perf_counter() - started, out


def main() -> None:
    from studytui.store import open_store

    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "STUDYTUI_DATA_DIR": data}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # compiled once, as an installed package is
        store = open_store(Path(data))
        store.profile("张三")
        store.set_setting("profile", "张三")
        store.close()
        run(BARE, env), run(OURS, env)  # warm: files, .pyc, the bank cache
        bare, ours = [], []
        for _ in range(RUNS):
            bare.append(run(BARE, env)[0])
            ours.append(run(OURS, env)[0])
        peak_kb = int(run(OURS, env, "--memory")[1].split()[-1])
    b, o = statistics.median(bare), statistics.median(ours)
    ratio = statistics.median(x / y for x, y in zip(ours, bare))  # each pair ran back to back, under one load
    print(
        f"bare Textual app (Header, Static, Footer), to its first frame: {b * 1000:7.1f} ms  (median of {RUNS} processes, launch to exit)"
    )
    print(f"studytui, until the home screen lists the banks:              {o * 1000:7.1f} ms")
    print(f"ratio (median of the {RUNS} alternated pairs):                  {ratio:7.2f}  (target <= {TARGET:.2f})")
    print(f"peak memory, shipped banks loaded:                             {peak_kb / 1024:7.1f} MB (target < 120 MB)")


if __name__ == "__main__":
    main()
