"""Home: who is studying, the banks found, progress at a glance, and the modes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import getters, work
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.message import Message
from textual.widgets import Footer, Header, Label, OptionList, Static
from textual.widgets.option_list import Option

from studytui.host import Host
from studytui.room import NAME_TAKEN, NEEDS_CODE, WRONG_CODE
from studytui.screens.dialogs import ProfileDialog, TextDialog
from studytui.vocabulary import Strictness

if TYPE_CHECKING:  # annotations only: the bank model (and its YAML) loads with the banks, after home shows
    from studytui.bankfile.bank import Bank, Validation

FORMAT_EXAMPLE = "example"
"""The shipped bank that shows instructors the format: never a learner's first selection."""
STRICTNESS_NAMES = {
    Strictness.STRICT: "严格（笔误不得分）",
    Strictness.NORMAL: "标准（笔误得一半分）",
    Strictness.LENIENT: "宽松（笔误得满分）",
}
MODES = [
    ("read", "D", "通读原文"),
    ("practice", "P", "练习"),
    ("exam", "E", "考试"),
    ("mistakes", "M", "错题本"),
    ("review", "R", "智能复习"),
    ("class", "C", "班级测验"),
    ("contest", "G", "小组竞赛"),
    ("resume", "U", "继续上次"),
    ("stats", "S", "统计"),
    ("banks", "B", "题库"),
]

MODE_ROWS = (("read", "practice", "exam", "mistakes"), ("review", "resume"), ("class", "contest", "stats", "banks"))
"""The modes panel's lines: reading and studying, what is due or left, the rest."""

PARTICIPANT_HIDDEN = {"contest", "switch_profile", "strictness"}
"""What a participant in a served room cannot do: run a contest, become someone else, set strictness."""
NEEDS_A_BANK = {"read", "practice", "exam", "mistakes", "review"}
"""Modes that study the selected bank, so cannot start on a bank with errors."""


class HomeScreen(Screen[None]):
    app = getters.app(Host)

    @dataclass
    class ModeChosen(Message):
        """The learner asked for a mode (``MODES``) on the selected bank; the app starts its flow."""

        mode: str
        bank: Bank | None

    # The mode keys are on the modes panel, each with its key; the footer keeps the rest readable at 80 columns.
    BINDINGS = [
        *[Binding(key.lower(), f"mode('{mode}')", name, show=False) for mode, key, name in MODES],
        Binding("f", "switch_profile", "换人", key_display="F"),
        Binding("t", "strictness", "宽严", key_display="T"),
        Binding("q", "app.quit", "退出", key_display="Q"),
    ]

    def compose(self):
        yield Header()
        with Vertical(id="home"):
            yield Static("", id="summary")
            yield Label("题库（↑↓ 选择，回车开始练习）", classes="heading")
            yield OptionList(Option("正在加载题库……", disabled=True), id="banks")
            yield Static("", id="bank-detail")
            yield Static("", id="modes")
        yield Footer(compact=True)

    shown_entries: list[Validation] | None = None
    """The library's entries the bank list shows (it is read again when a class quiz misses a bank)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A participant's footer shows only what a participant can do."""
        if self.app.participant and (action in PARTICIPANT_HIDDEN or parameters[:1] == ("contest",)):
            return False
        return True

    def on_mount(self) -> None:
        if self.app.library.entries or self.app.library.load_cached():
            self.show_banks()
        else:
            self.call_after_refresh(self.load_banks)  # after the first paint: the screen shows at once
        if self.app.profile_id is None:
            self.action_switch_profile(can_cancel=False)

    def on_screen_resume(self) -> None:
        """Back on top (also when first shown): a session, a dialog or stats may have changed the
        figures, and a class quiz may have read the bank folders again."""
        if self.app.library.entries and self.app.library.entries is not self.shown_entries:
            self.show_banks()
        self.refresh_summary()

    # -- banks ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="banks")
    def load_banks(self) -> None:
        self.app.library.load()
        self.app.call_from_thread(self.show_banks)

    def show_banks(self) -> None:
        entries = self.shown_entries = self.app.library.entries
        banks = self.query_one("#banks", OptionList)
        banks.clear_options()
        titles = Counter(entry.bank.title for entry in entries if entry.bank)
        banks.add_options([Option(self.bank_label(entry, titles), id=str(i)) for i, entry in enumerate(entries)])
        for problem in self.app.library.problems:  # after the banks, so an option's index stays its entry's
            banks.add_option(Option(Text(f"⚠ {Path(problem.path).name}　{problem.message}", style="yellow"), disabled=True))
        if not entries:
            banks.add_option(Option("没有找到题库。按 B 打开题库页，可以从讲话稿生成题库。", disabled=True))
            return
        self.highlight_remembered()
        banks.focus()
        self.refresh_summary()

    def highlight_remembered(self) -> None:
        """The bank this person chose last (else the machine's last, else the first speech)."""
        remembered = self.app.remembered("bank")
        ids = [e.bank.id if e.bank else "" for e in self.shown_entries or []]
        if not ids:
            return
        speeches = [i for i, bank_id in enumerate(ids) if bank_id and bank_id != FORMAT_EXAMPLE]
        self.query_one("#banks", OptionList).highlighted = ids.index(remembered) if remembered in ids else (speeches or [0])[0]

    @staticmethod
    def bank_label(entry: Validation, titles: Counter[str]) -> Text:
        """The bank's title and size; its file name too when another bank has the same title."""
        bank = entry.bank
        if bank is None:
            first = entry.errors[0] if entry.errors else None
            where = f"{Path(entry.path).name}:{first.line}" if first else Path(entry.path).name
            return Text(f"✘ {where}　{first.message if first else ''}", style="red")
        sections = f" · {len(bank.sections)} 部分" if bank.sections else ""
        label = Text(f"{bank.title}　{len(bank.questions)} 题{sections}")
        if titles[bank.title] > 1:
            label.append(f"　{Path(entry.path).name}", style="dim")
        return label

    @property
    def entry(self) -> Validation | None:
        banks = self.query_one("#banks", OptionList)
        entries = self.app.library.entries
        index = banks.highlighted
        return entries[index] if index is not None and index < len(entries) else None

    @property
    def bank(self) -> Bank | None:
        entry = self.entry
        return entry.bank if entry else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        entry = self.entry
        detail = self.query_one("#bank-detail", Static)
        if entry is None:
            detail.update("")
        elif entry.bank is None:
            detail.update(Text("\n".join(f"第 {p.line} 行：{p.message}" for p in entry.errors[:3]), style="red"))
        else:
            detail.update(Text(entry.bank.description))
            self.app.remember("bank", entry.bank.id)
        self.refresh_summary()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_mode("practice")

    # -- progress at a glance ------------------------------------------------------------

    def refresh_summary(self) -> None:
        store, pid = self.app.store, self.app.profile_id
        if pid is None:
            return
        from studytui.quiz import review_counts  # lazily: the quiz package and the grader load after home shows

        bank = self.bank
        due, new = review_counts(bank, store, pid) if bank else (0, 0)
        mistakes = len(store.mistakes(pid, bank.id)) if bank else 0
        self.query_one("#summary", Static).update(
            Text(
                f"{self.app.profile_name}　今日作答 {store.answers_on(pid)} 题 · 连续 {store.streak(pid)} 天"
                f" · 本题库待复习 {due} 题、错题 {mistakes} 道 · 评分{STRICTNESS_NAMES[self.strictness][:2]}{'' if self.app.participant else '（T）'}"
            )
        )
        self.show_modes(
            {"review": f"到期 {due} · 新题 {new}", "mistakes": str(mistakes)}, resumable=self.app.unfinished_session() is not None
        )

    def show_modes(self, counts: dict[str, str], resumable: bool) -> None:
        """The modes as clickable lines: a click runs the mode, as its key does."""
        parts = {}
        for mode, key, name in MODES:
            if mode in PARTICIPANT_HIDDEN and self.app.participant:
                continue
            if mode == "resume" and not resumable:
                parts[mode] = f"[dim] {key} {name} [/]"
                continue
            count = f"（{counts[mode]}）" if mode in counts else ""
            parts[mode] = f"[@click=screen.mode('{mode}')][b reverse] {key} [/] {name}{count}[/]"
        lines = ["　".join(parts[mode] for mode in row if mode in parts) for row in MODE_ROWS]
        self.query_one("#modes", Static).update("\n".join(lines))

    @property
    def strictness(self) -> Strictness:
        return Strictness(self.app.store.setting("strictness", Strictness.NORMAL))

    def action_strictness(self) -> None:
        """Cycle how an input-method slip is scored in practice, exams and review."""
        order = list(STRICTNESS_NAMES)
        chosen = order[(order.index(self.strictness) + 1) % len(order)]
        self.app.store.set_setting("strictness", chosen)
        self.notify(f"评分：{STRICTNESS_NAMES[chosen]}")
        self.refresh_summary()

    # -- starting things -----------------------------------------------------------------

    def action_switch_profile(self, can_cancel: bool = True) -> None:
        def chosen(name: str | None) -> None:
            if name:
                self.take_name(name)

        known = [] if self.app.participant else self.app.store.people()  # in a room, nobody picks another's name
        last = self.app.store.setting("profile")
        if self.app.profile_id is None and last in known:  # asked at start: the last one first, one Enter away
            known.remove(last)
            known.insert(0, last)
        self.app.push_screen(ProfileDialog(known, can_cancel), chosen)

    def take_name(self, name: str, code: str = "") -> None:
        """Study as ``name``; a name another browser of the room took asks for its code."""
        problem = self.app.use_profile(name, code)
        if problem in (NEEDS_CODE, NAME_TAKEN, WRONG_CODE):
            title = f"“{name}”：{problem}"
            self.app.push_screen(
                TextDialog(title, "个人码或教师码；Esc 换一个名字"),
                lambda given: self.take_name(name, given) if given else self.action_switch_profile(can_cancel=False),
            )
        elif problem:
            self.notify(problem, severity="error", markup=False)
            self.action_switch_profile(can_cancel=False)
        else:
            self.highlight_remembered()
            self.refresh_summary()

    def action_mode(self, mode: str) -> None:
        if self.app.profile_id is None:
            self.action_switch_profile(can_cancel=False)
            return
        if mode in NEEDS_A_BANK and self.bank is None:
            entry = self.entry
            self.notify(
                "这个题库有错误，不能使用：" + (entry.errors[0].message if entry and entry.errors else "请先选择题库"),
                severity="error",
                markup=False,
            )
            return
        self.post_message(self.ModeChosen(mode, self.bank))
