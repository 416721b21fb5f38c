"""Home: who is studying, the banks found, progress at a glance, and the modes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import var
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from studytui.room import NAME_TAKEN, NEEDS_CODE, WRONG_CODE
from studytui.screens.working import WorkingScreen
from studytui.vocabulary import Strictness
from studytui.widgets.header import Header

if TYPE_CHECKING:  # annotations only: the bank model (and its YAML) loads with the banks, after home shows
    from studytui.bankfile.bank import Bank, Validation
    from studytui.library import Shelf
    from studytui.profile_report import Glance

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

MODE_HELP = {
    "read": "通读原文：逐部分读讲话，题目问到的提法标出掌握情况",
    "review": "智能复习（到期的题和新题）",
    "class": "班级测验：参加（输入测验码；没做完的接着做）、出题（题数 分钟 → 测验码）、看排行榜（自动刷新）",
    "contest": "小组竞赛（主持人）",
    "resume": "继续上次没做完的练习",
}
"""What the help says of a mode, where its name alone says too little."""

MODE_ROWS = (("read", "practice", "exam", "mistakes"), ("review", "resume"), ("class", "contest", "stats", "banks"))
"""The modes panel's lines: reading and studying, what is due or left, the rest."""

PARTICIPANT_HIDDEN = {"contest", "switch_profile", "strictness"}
"""What a participant in a served room cannot do: run a contest, become someone else, set strictness."""
NEEDS_A_BANK = {"read", "practice", "exam", "mistakes", "review"}
"""Modes that study the selected bank, so cannot start on a bank with errors."""


class HomeScreen(WorkingScreen[None]):
    @dataclass
    class ModeChosen(Message):
        """The learner asked for a mode (``MODES``) on the selected bank; the app starts its flow."""

        mode: str
        bank: Bank | None

    @dataclass
    class BanksRead(Message):
        """The bank folders were read (off the UI thread): the library holds these banks now."""

        shelf: Shelf

    @dataclass
    class GlanceRead(Message):
        """Progress at a glance, read from the store off the UI thread, and whether there is a session to resume."""

        glance: Glance
        resumable: bool

    @dataclass
    class PeopleRead(Message):
        """Who may be picked in the profile dialog and who studied here last, read off the UI thread."""

        known: list[str]
        last: str | None
        can_cancel: bool

    glance: var[Glance | None] = var(None, init=False)
    """What the summary and the modes' counts show; read again whenever they may have changed."""
    strictness: var[Strictness | None] = var(None, init=False)
    """How a slip is scored (T cycles it); None until the store is first read."""
    resumable: var[bool] = var(False, init=False)
    """Whether a session was left unfinished on a bank still found (U)."""

    # The mode keys are on the modes panel, each with its key; the footer keeps the rest readable at 80 columns.
    BINDINGS = [
        *[
            Binding(key.lower(), f"mode('{mode}')", name, show=False, tooltip=MODE_HELP.get(mode, ""))
            for mode, key, name in MODES
        ],
        Binding("f", "switch_profile", "换人", key_display="F", tooltip="换人（切换或新建用户）"),
        Binding(
            "t", "strictness", "宽严", key_display="T", tooltip="评分宽严：标准 → 宽松 → 严格（输入法笔误得一半分 / 满分 / 0 分）"
        ),
        Binding("q", "app.quit", "退出", key_display="Q"),
    ]
    HELP_MORE = [("↑ ↓ 回车", "选择题库，回车开始练习")]

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

    @work(thread=True, exclusive=True, group="banks", exit_on_error=False)
    def load_banks(self) -> None:
        """Read the bank folders in a thread; the library takes what was read on the UI thread."""
        self.post_message(self.BanksRead(self.app.library.read()))

    def on_home_screen_banks_read(self, message: BanksRead) -> None:
        self.app.library.use(message.shelf)
        self.show_banks()

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
        """The bank this person chose last, else the one named on the command line (``--bank``;
        not in a served room, whose participants are each given every bank), else the
        machine's last, else the first speech."""
        entries = self.shown_entries or []
        ids = [e.bank.id if e.bank else "" for e in entries]
        if not ids:
            return
        own, last = self.app.remembered("bank", machine=False), self.app.remembered("bank")
        given = [] if self.app.participant else [i for i, e in enumerate(entries) if e.bank and self.app.library.given(e.path)]
        speeches = [i for i, bank_id in enumerate(ids) if bank_id and bank_id != FORMAT_EXAMPLE]
        chosen = [ids.index(own)] if own in ids else given or ([ids.index(last)] if last in ids else speeches)
        self.query_one("#banks", OptionList).highlighted = (chosen or [0])[0]

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

    glance_asked = False
    """Whether a read of progress at a glance waits for the next refresh."""

    def refresh_summary(self) -> None:
        """Read progress at a glance again, once for all that asked for it before the screen next
        refreshes (so never before the first frame), off the UI thread; ``glance`` shows it."""
        if not self.glance_asked:
            self.glance_asked = True
            self.call_after_refresh(self._read_glance)

    def _read_glance(self) -> None:
        self.glance_asked = False
        if self.app.profile_id is not None and self.app.return_code is None:  # not while quitting: nobody would see it
            self.read_glance(self.app.profile_id, self.bank)

    @work(thread=True, exclusive=True, group="glance", exit_on_error=False)
    def read_glance(self, profile_id: int, bank: Bank | None) -> None:
        from studytui.profile_report import glance  # lazily: the quiz package loads after home shows

        read = glance(self.app.store, profile_id, bank)
        self.post_message(self.GlanceRead(read, self.app.unfinished_session() is not None))

    def on_home_screen_glance_read(self, message: GlanceRead) -> None:
        self.strictness = message.glance.strictness
        self.resumable = message.resumable
        self.glance = message.glance

    def watch_glance(self) -> None:
        self.show_summary()

    def watch_strictness(self) -> None:
        self.show_summary()

    def watch_resumable(self) -> None:
        self.show_summary()

    def show_summary(self) -> None:
        glance, strictness = self.glance, self.strictness
        if glance is None or strictness is None:
            return
        self.query_one("#summary", Static).update(
            Text(
                f"{self.app.profile_name}　今日作答 {glance.answers_today} 题 · 连续 {glance.streak_days} 天"
                f" · 本题库待复习 {glance.due} 题、错题 {glance.mistakes} 道 · 评分{STRICTNESS_NAMES[strictness][:2]}{'' if self.app.participant else '（T）'}"
            )
        )
        self.show_modes({"review": f"到期 {glance.due} · 新题 {glance.new}", "mistakes": str(glance.mistakes)}, self.resumable)

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

    def action_strictness(self) -> None:
        """Cycle how an input-method slip is scored in practice, exams and review."""
        if self.strictness is None:  # progress at a glance not read yet: the summary shows none to cycle from
            return
        order = list(STRICTNESS_NAMES)
        chosen = order[(order.index(self.strictness) + 1) % len(order)]
        # Written here, not in a worker: a session started right after reads it (a held database keeps it in memory).
        self.app.store.set_setting("strictness", chosen)
        self.strictness = chosen
        self.notify(f"评分：{STRICTNESS_NAMES[chosen]}")

    # -- starting things -----------------------------------------------------------------

    def action_switch_profile(self, can_cancel: bool = True) -> None:
        self.read_people(can_cancel)

    @work(thread=True, exclusive=True, group="people", exit_on_error=False)
    def read_people(self, can_cancel: bool) -> None:
        known = [] if self.app.participant else self.app.store.people()  # in a room, nobody picks another's name
        self.post_message(self.PeopleRead(known, self.app.store.setting("profile"), can_cancel))

    def on_home_screen_people_read(self, message: PeopleRead) -> None:
        from studytui.screens.dialogs import ProfileDialog  # lazily: a remembered learner starts without it

        if any(isinstance(screen, ProfileDialog) for screen in self.app.screen_stack):
            return  # asked again before the names were read (a key typed ahead): one dialog is enough
        known, last = message.known, message.last
        if self.app.profile_id is None and last in known:  # asked at start: the last one first, one Enter away
            known.remove(last)
            known.insert(0, last)
        self.app.push_screen(ProfileDialog(known, message.can_cancel), self.profile_chosen)

    def profile_chosen(self, name: str | None) -> None:
        if name:
            self.take_name(name)

    def take_name(self, name: str, code: str = "") -> None:
        """Study as ``name``; a name another browser of the room took asks for its code."""
        from studytui.screens.dialogs import TextDialog  # lazily, as the profile dialog

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
