"""A room taking one class quiz at once: 30 processes drive the quiz engine on one
data folder, each answering every question of the same code. Prints how long each
answer's write took (median, 99th percentile) and whether any answer was lost, with a
single writer's latency in the same run as the baseline.

Paced: each taker answers every 0.2–0.6 s (several times faster than anyone types
a Chinese answer), all starting at the same moment. Flat out: no pause at all, 30
processes on this machine's 2 cores; shown for information, as a stress figure.

    python benchmarks/class_quiz.py
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TAKERS = 30
QUESTIONS = 40

TAKER = """
import json, sys, time
from pathlib import Path
from studytui.bankfile import loader
from studytui.paths import shipped_banks_dir
from studytui.quiz import QuizSession
from studytui.quiz_code import find_bank, parse_code
from studytui.store import open_store

import random
data, code, name, start_at, pace = Path(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5] == "paced"
rng = random.Random(name)
store = open_store(data)
quiz = parse_code(code)
chosen = find_bank(quiz, [loader.load(shipped_banks_dir() / "qichu-qifali.yaml")])
session = QuizSession.start(store, chosen, store.profile(name), quiz.settings(), quiz_code=code)
record = store.record
writes = []
def timed(*args, **kwargs):
    started = time.perf_counter()
    result = record(*args, **kwargs)
    writes.append(time.perf_counter() - started)
    return result
store.record = timed
while time.time() < start_at:
    time.sleep(0.001)
while not session.done:
    if pace:
        time.sleep(rng.uniform(0.2, 0.6))
    q = session.current
    session.submit(list(q.answer) if q.type == "cloze" else "、".join(q.answer) if q.type == "list" else q.answer, seconds=1.0)
print(json.dumps(writes))
"""


def run_takers(data: Path, code: str, count: int, pace: str) -> list[float]:
    start_at = time.time() + 4  # every taker starts at the same moment
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", TAKER, str(data), code, f"学员{i:02d}", str(start_at), pace], stdout=subprocess.PIPE, text=True
        )
        for i in range(count)
    ]
    writes: list[float] = []
    for proc in procs:
        out, _ = proc.communicate(timeout=300)
        assert proc.returncode == 0
        writes += json.loads(out)
    return writes


def p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[98]


def main() -> None:
    from studytui.bankfile import loader
    from studytui.paths import shipped_banks_dir
    from studytui.quiz_code import class_code
    from studytui.store import open_store

    code = class_code(loader.load(shipped_banks_dir() / "qichu-qifali.yaml"), seed=11, count=QUESTIONS, minutes=30)
    expected = TAKERS * QUESTIONS
    print(f"class quiz {code}: {TAKERS} takers x {QUESTIONS} questions, all at once on one data folder")
    with tempfile.TemporaryDirectory() as folder:
        alone = run_takers(Path(folder) / "alone", code, 1, "flat")
        print(
            f"one taker alone:        median {statistics.median(alone) * 1000:6.2f} ms, p99 {p99(alone) * 1000:6.2f} ms per answer write"
        )
        for pace in ("paced", "flat"):
            room = Path(folder) / pace
            writes = run_takers(room, code, TAKERS, pace)
            store = open_store(room)
            kept = store.db.execute("SELECT count(*) FROM answers").fetchone()[0]
            ranked = len(store.ranking(quiz_code=code))
            store.close()
            lost = "none lost" if kept == expected else f"{expected - kept} LOST"
            target = "; target p99 < 50 ms" if pace == "paced" else "; stress, for information"
            print(
                f"{TAKERS} takers, {pace + ':':7} median {statistics.median(writes) * 1000:6.2f} ms, p99 {p99(writes) * 1000:6.2f} ms "
                f"({p99(writes) / p99(alone):.1f}x alone{target}); kept {kept} of {expected} ({lost}), {ranked} ranked"
            )


if __name__ == "__main__":
    main()
