"""End to end, as a person would: the installed ``studytui`` in a real terminal (tmux),
Chinese typed with send-keys, the screen read with capture-pane; then the terminal
is killed, and the answer must be in ``studytui export``."""

import json
import re
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

    def history(self) -> str:
        """The screen with what scrolled off it (a traceback at exit is taller than the pane)."""
        return self.run("capture-pane", "-p", "-S", "-", "-t", "main")

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
        terminal.wait_for("得分")
        terminal.wait_for("你的答案：" + typed)  # the feedback may draw in two frames
    finally:
        terminal.kill()
    time.sleep(0.5)
    exported = subprocess.run(
        [studytui, "export", "--data-dir", str(tmp_path), "--format", "json"], capture_output=True, text=True, check=True
    )
    rows = json.loads(exported.stdout)
    assert [(r["profile"], r["bank"], r["typed"]) for r in rows] == [("张三", "three", typed)]


def test_at_80x24_an_exam_that_runs_out_its_result_the_mistake_book_and_review(tmp_path):
    import sqlite3

    from studytui.store import open_store

    store = open_store(tmp_path)  # 张三 has studied here, with the three-question bank chosen
    store.profile("张三")
    store.set_setting("profile", "张三")
    store.set_setting("bank", "three")
    store.close()
    studytui = shutil.which("studytui")
    command = ["bash", "-c", f"'{studytui} --data-dir {tmp_path} --bank {THREE}; echo EXIT=$?; sleep 60'"]
    terminal = Terminal(command, size=(80, 24))

    def wait(text: str) -> str:
        return terminal.wait_for(text, timeout=60)  # a generous bound: the machine may be busy

    def type_into_the_dialog(text: str) -> None:
        """Keys sent before the dialog's input has focus are lost, so type until it shows them."""
        for _ in range(20):
            terminal.keys("End", *["BSpace"] * 8)  # typed in the same burst, the text can be lost
            time.sleep(0.2)
            terminal.keys(text)
            time.sleep(0.3)
            if re.search(rf"▊\s+{re.escape(text)}\s+▎", terminal.screen()):
                return
        raise AssertionError(f"the dialog never showed {text!r}:\n{terminal.screen()}")

    try:
        wait("三道填空")
        terminal.keys("e")
        wait("限时分钟")
        type_into_the_dialog("3  1")  # not a prefix of the suggested "3 15"
        terminal.keys("Enter")
        wait("剩余")
        terminal.keys("不知道")
        wait("不知道")
        terminal.keys("Enter")
        wait("2/3")
        terminal.keys("Escape")
        wait("离开考试？计时不会暂停")  # an exam's time runs on while away
        terminal.keys("y")
        wait("错题 1 道")  # home refreshed: its modes line shows 继续上次 even while the quiz is still closing
        with sqlite3.connect(tmp_path / "studytui.db") as db:  # the exam's minute passes while away
            db.execute("UPDATE sessions SET started = '2020-01-01T00:00:00+00:00'")
        terminal.keys("u")
        screen = wait("考试完成")
        assert "错误 1" in screen and "未答 2" in screen
        terminal.keys("Escape")
        wait("今日作答")
        terminal.keys("m")
        wait("连续答对")
        terminal.keys("不知道")
        wait("不知道")
        terminal.keys("Enter")
        wait("正确答案")
        terminal.keys("Enter")
        wait("错题本完成")
        terminal.keys("Escape")
        wait("今日作答")
        terminal.keys("r")
        wait("智能复习")
        terminal.keys("C-q")
        screen = wait("EXIT=")
        assert "EXIT=0" in screen and "Traceback" not in screen, terminal.history()
    finally:
        terminal.kill()
