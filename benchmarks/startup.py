"""Start-up: StudyApp() showing its home screen, against a bare Textual app with a
header and a footer, measured side by side: fresh processes, alternated, each timed
from its script's first line (imports included) to the first frame of its screen;
and the peak memory once the shipped banks are loaded.

    python benchmarks/startup.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

RUNS = 11

BARE = """
import time
started = time.perf_counter()
from textual.app import App
from textual.widgets import Footer, Header

class Bare(App):
    def compose(self):
        yield Header()
        yield Footer()

    def _display(self, screen, renderable):
        super()._display(screen, renderable)
        if renderable is not None and not hasattr(self, "first_frame"):
            self.first_frame = time.perf_counter() - started
            print(self.first_frame)
            self.exit()

Bare().run(headless=True)
"""

OURS = """
import time
started = time.perf_counter()
import resource, sys
from studytui.app import StudyApp
from studytui.screens.home import HomeScreen

class Timed(StudyApp):
    def _display(self, screen, renderable):
        super()._display(screen, renderable)
        if renderable is not None and isinstance(screen, HomeScreen) and not hasattr(self, "first_frame"):
            self.first_frame = time.perf_counter() - started
            print(self.first_frame)
            if "--memory" not in sys.argv:
                self.exit()

async def banks_loaded(pilot):
    while not pilot.app.library.entries:
        await pilot.pause(0.05)
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    pilot.app.exit()

Timed().run(headless=True, auto_pilot=banks_loaded if "--memory" in sys.argv else None)
"""


def first_frame(code: str, env: dict[str, str], *args: str) -> list[str]:
    """Run a start-up script; it prints the seconds to its first frame (and maybe more)."""
    out = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=True).stdout
    return out.split()


def main() -> None:
    from studytui.store import open_store

    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "STUDYTUI_DATA_DIR": data}
        store = open_store(Path(data))
        store.set_setting("profile", store.profile("张三") and "张三")
        store.close()
        first_frame(BARE, env), first_frame(OURS, env, "--memory")  # warm caches: files, .pyc, banks
        bare, ours = [], []
        for _ in range(RUNS):
            bare.append(float(first_frame(BARE, env)[0]))
            ours.append(float(first_frame(OURS, env)[0]))
        peak_kb = first_frame(OURS, env, "--memory")[1]
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"bare Textual app (Header + Footer): {b * 1000:7.1f} ms  (median of {RUNS} processes, to the first frame)")
    print(f"StudyApp() home screen:             {o * 1000:7.1f} ms")
    print(f"ratio:                              {o / b:7.2f}  (target <= 1.35)")
    print(f"peak memory, shipped banks loaded:  {int(peak_kb) / 1024:7.1f} MB (target < 120 MB)")


if __name__ == "__main__":
    main()
