"""Stats for one profile: scores over time, accuracy per section and per kind,
the weakest questions, and the study streak. The figures are the profile report's
(``studytui.profile_report``, which ``studytui stats`` prints too), read off the UI thread."""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.reactive import var
from textual.widgets import Footer, Label, Static

from studytui.profile_report import ProfileReport, profile_report
from studytui.screens.working import WorkingScreen
from studytui.vocabulary import MODE_NAMES
from studytui.widgets.bars import bar_lines, score_chart
from studytui.widgets.header import Header


class StatsScreen(WorkingScreen[None]):
    BINDINGS = [Binding("escape,h", "app.pop_screen", "返回"), Binding("f", "other_profile", "看别人", tooltip="看别人的统计")]

    @dataclass
    class ReportRead(Message):
        """A profile's report, read off the UI thread."""

        report: ProfileReport

    profile: var[str] = var("", init=False)
    """Whose stats are shown (F shows someone else's)."""
    report: var[ProfileReport | None] = var(None, init=False)

    def __init__(self, profile: str | None = None) -> None:
        super().__init__()
        self.asked = profile
        """The profile asked for at first; the one studying when None."""

    def compose(self):
        yield Header()
        with VerticalScroll(id="stats"):
            yield Static("", id="stats-summary")
            yield Label("最近几次得分", classes="heading")
            yield Static("", id="stats-chart")
            with Horizontal(id="stats-breakdown"):
                yield Static("", id="stats-sections", classes="breakdown")
                yield Static("", id="stats-kinds", classes="breakdown")
            yield Static("", id="stats-types", classes="breakdown")
            yield Label("最薄弱的题", classes="heading")
            yield Static("", id="stats-weakest")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.profile = self.asked or self.app.profile_name

    def watch_profile(self, name: str) -> None:
        self.read_report(name)

    @work(thread=True, exclusive=True, group="stats", exit_on_error=False)
    def read_report(self, name: str) -> None:
        self.post_message(self.ReportRead(profile_report(self.app.store, name)))

    def on_stats_screen_report_read(self, message: ReportRead) -> None:
        if message.report.profile == self.profile:  # not one asked for before another
            self.report = message.report

    def watch_report(self, report: ProfileReport | None) -> None:
        if report is None:
            return
        find = self.app.library.find
        latest = report.latest_percent
        self.query_one("#stats-summary", Static).update(
            Text(
                f"{report.profile}　连续学习 {report.streak_days} 天 · 今日作答 {report.answers_today} 题 · "
                f"共 {len(report.sessions)} 次练习、{report.answered} 题"
                + (f" · 最近一次 {latest:.0f}%" if latest is not None else "")
            )
        )
        self.query_one("#stats-chart", Static).update(score_chart(report.sessions, MODE_NAMES))
        self.query_one("#stats-sections", Static).update(bar_lines("各部分得分率", report.section_shares(find)))
        kinds = report.kind_shares()
        no_kinds = Text("各类提法得分率\n", style="bold").append("所答的题没有标提法类别", style="dim")
        self.query_one("#stats-kinds", Static).update(bar_lines("各类提法得分率", kinds) if kinds else no_kinds)
        self.query_one("#stats-types", Static).update(bar_lines("各题型得分率", report.type_shares(find)))
        self.query_one("#stats-weakest", Static).update(self.weakest(report))

    def weakest(self, report: ProfileReport) -> Table | Text:
        """The weakest questions in full, wrapped; the bank named when there are several."""
        rows = report.weakest
        if not rows:
            return Text("还没有答错过的题。", style="dim")
        several = len({w.bank_id for w in rows}) > 1
        table = Table(box=None, expand=True, show_edge=False, pad_edge=False, header_style="bold")
        table.add_column("得分率", justify="right", no_wrap=True)
        table.add_column("次数", justify="right", no_wrap=True)
        table.add_column("题目", ratio=1, overflow="fold")
        for w in rows:
            bank = self.app.library.find(w.bank_id) if several else None
            where = Text(f"（{bank.title if bank else w.bank_id}）", style="dim") if several else Text()
            table.add_row(f"{w.accuracy:.0%}", str(w.answers), Text(w.prompt).append_text(where))
        return table

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action == "other_profile" and self.app.participant)

    @dataclass
    class NamesRead(Message):
        """Everyone who has studied here, read off the UI thread, to pick whose stats to show."""

        names: list[str]

    def action_other_profile(self) -> None:
        self.read_names()

    @work(thread=True, exclusive=True, group="names", exit_on_error=False)
    def read_names(self) -> None:
        self.post_message(self.NamesRead(self.app.store.profiles()))

    def on_stats_screen_names_read(self, message: NamesRead) -> None:
        from studytui.screens.dialogs import ProfileDialog

        def chosen(name: str | None) -> None:
            if name:
                self.profile = name

        self.app.push_screen(ProfileDialog(message.names), chosen)
