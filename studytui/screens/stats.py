"""Stats for one profile: scores over time, accuracy per section and per kind,
the weakest questions, and the study streak."""

from __future__ import annotations

from rich.text import Text
from textual import getters
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, Static

from studytui.host import Host
from studytui.generator.formulations import kind_name
from studytui.vocabulary import MODE_NAMES
from studytui.widgets.bars import bar_lines, score_chart


class StatsScreen(Screen[None]):
    app = getters.app(Host)

    BINDINGS = [Binding("escape,h", "app.pop_screen", "返回"), Binding("f", "other_profile", "看别人")]

    def __init__(self, profile: str | None = None) -> None:
        super().__init__()
        self.profile = profile

    def compose(self):
        yield Header()
        with VerticalScroll(id="stats"):
            yield Static("", id="stats-summary")
            yield Label("最近几次得分", classes="heading")
            yield Static("", id="stats-chart")
            with Horizontal(id="stats-breakdown"):
                yield Static("", id="stats-sections", classes="breakdown")
                yield Static("", id="stats-kinds", classes="breakdown")
            yield Label("最薄弱的题", classes="heading")
            yield DataTable(id="stats-weakest", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#stats-weakest", DataTable)
        table.add_columns("题库", "题号", "正确率", "次数", "题目")
        self.show(self.profile or self.app.profile_name)

    def show(self, name: str) -> None:
        store, library = self.app.store, self.app.library
        pid = store.profile(name)
        sessions = store.sessions_over_time(pid)
        percents = [100 * s["score"] / s["max_score"] for s in sessions if s["max_score"]]
        answered = sum(s["answered"] for s in sessions)
        self.query_one("#stats-summary", Static).update(Text(
            f"{name}　连续学习 {store.streak(pid)} 天 · 今日作答 {store.answers_on(pid)} 题 · "
            f"共 {len(sessions)} 次练习、{answered} 题" + (f" · 最近一次 {percents[-1]:.0f}%" if percents else "")
        ))
        self.query_one("#stats-chart", Static).update(score_chart(sessions, MODE_NAMES))
        sections = {}
        for row in store.accuracy_by_bank(pid):
            bank = library.find(row["key"])
            for part in store.accuracy_by_section(pid, row["key"]):
                title = (bank.section_title(part["key"]) if bank else "") or part["key"] or "（未分部分）"
                sections[title] = (part["answers"], part["accuracy"])
        kinds = {kind_name(r["key"]): (r["answers"], r["accuracy"]) for r in store.accuracy_by_kind(pid)}
        self.query_one("#stats-sections", Static).update(bar_lines("各部分正确率", sections))
        self.query_one("#stats-kinds", Static).update(bar_lines("各类提法正确率", kinds))
        table = self.query_one("#stats-weakest", DataTable)
        table.clear()
        for w in store.weakest_questions(pid):
            bank = library.find(w["bank_id"])
            title = bank.title[:12] if bank else w["bank_id"]
            table.add_row(Text(title), Text(w["question_id"]), f"{w['accuracy']:.0%}", w["answers"], Text(w["prompt"][:40]))

    def check_action(self, action: str, parameters) -> bool | None:
        return not (action == "other_profile" and self.app.participant)

    def action_other_profile(self) -> None:
        from studytui.screens.dialogs import ProfileDialog

        self.app.push_screen(ProfileDialog(self.app.store.profiles()), lambda name: self.show(name) if name else None)
