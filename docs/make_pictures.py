"""The README's pictures of the main screens: the committed snapshot SVGs, made
readable for Chinese (Rich sizes each text run by characters rather than terminal
cells, which squeezes Chinese; the pictures drop that sizing and ask for a CJK
monospace font). A test checks the pictures are current.

    python -m pytest tests/test_snapshots.py --snapshot-update && python docs/make_pictures.py
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOTS = ROOT / "tests" / "__snapshots__" / "test_snapshots"
PICTURES = ROOT / "docs" / "screens"
SCREENS = {
    "home": "test_home.svg",
    "quiz": "test_quiz_feedback_on_a_homophone_slip.svg",
    "result": "test_result.svg",
    "stats": "test_stats.svg",
    "banks": "test_banks.svg",
    "contest": "test_contest.svg",
    "reading": "test_reading.svg",
    "review": "../test_review_snapshots/test_review_screen.svg",
}
FONTS = '"DejaVu Sans Mono", "Menlo", "Consolas", "Noto Sans Mono CJK SC", "Microsoft YaHei Mono", monospace'


def readable(svg: str) -> str:
    svg = re.sub(r' textLength="[0-9.]+"', "", svg)
    return svg.replace("font-family: Fira Code, monospace;", f"font-family: {FONTS};")


def main() -> None:
    PICTURES.mkdir(parents=True, exist_ok=True)
    for name, snapshot in SCREENS.items():
        (PICTURES / f"{name}.svg").write_text(readable((SNAPSHOTS / snapshot).read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main()
