"""End to end, as a person would: the installed ``studytui`` in a real terminal (tmux),
Chinese typed with send-keys, the screen read with capture-pane; then the terminal
is killed, and the answer must be in ``studytui export``."""

import json
import shutil
import subprocess
import time
import uuid
from pathlib import Path

THREE = Path(__file__).parent / "data" / "three.yaml"
ANSWERS = {"践行": "两个维护", "紧盯": "七个有知", "精准运用": "四种形态"}


class Terminal:
    def __init__(self, command: list[str], size=(100, 30)):
        self.socket = f"studytui-test-{uuid.uuid4().hex[:8]}"
        self.tmux = shutil.which("tmux")
        assert self.tmux, "tmux is needed (.ci/run installs it)"
        self.run("new-session", "-d", "-s", "main", "-x", str(size[0]), "-y", str(size[1]), " ".join(command))

    def run(self, *args: str) -> str:
        return subprocess.run([self.tmux, "-L", self.socket, *args], capture_output=True, text=True, check=True).stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "main")

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", "main", *keys)

    def wait_for(self, text: str, timeout: float = 15) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{self.screen()}")

    def kill(self) -> None:
        subprocess.run([self.tmux, "-L", self.socket, "kill-server"], capture_output=True)


def test_type_a_chinese_answer_kill_the_terminal_and_find_it_exported(tmp_path):
    studytui = shutil.which("studytui")
    assert studytui, "the studytui command is not installed"
    terminal = Terminal([studytui, "--data-dir", str(tmp_path), "--bank", str(THREE)])
    try:
        terminal.wait_for("你是谁")
        terminal.keys("张三", "Enter")
        terminal.wait_for("三道填空")
        terminal.keys("End")
        time.sleep(0.3)
        terminal.keys("p")
        screen = terminal.wait_for("【填空】")
        typed = next(answer for lead, answer in ANSWERS.items() if lead in screen)
        terminal.keys(typed)
        terminal.wait_for(typed)
        terminal.keys("Enter")
        screen = terminal.wait_for("得分")
        assert "你的答案：" + typed in screen
    finally:
        terminal.kill()
    time.sleep(0.5)
    exported = subprocess.run([studytui, "export", "--data-dir", str(tmp_path), "--format", "json"], capture_output=True, text=True, check=True)
    rows = json.loads(exported.stdout)
    assert [(r["profile"], r["bank"], r["typed"]) for r in rows] == [("张三", "three", typed)]
