"""Stats for one profile: scores over time, accuracy per section and per kind,
the weakest questions, and the study streak."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import getters
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static

from studytui.constants import TYPE_NAMES
from studytui.generator.formulations import KIND_NAMES
from studytui.host import Host
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
            yield Static("", id="stats-types", classes="breakdown")
            yield Label("最薄弱的题", classes="heading")
            yield Static("", id="stats-weakest")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.show(self.profile or self.app.profile_name)

    def show(self, name: str) -> None:
        store, library = self.app.store, self.app.library
        pid = store.profile(name)
        sessions = store.sessions_over_time(pid)
        percents = [100 * s.score / s.max_score for s in sessions if s.max_score]
        answered = sum(s.answered for s in sessions)
        self.query_one("#stats-summary", Static).update(
            Text(
                f"{name}　连续学习 {store.streak(pid)} 天 · 今日作答 {store.answers_on(pid)} 题 · "
                f"共 {len(sessions)} 次练习、{answered} 题" + (f" · 最近一次 {percents[-1]:.0f}%" if percents else "")
            )
        )
        self.query_one("#stats-chart", Static).update(score_chart(sessions, MODE_NAMES))
        sections = {}
        for row in store.accuracy_by_bank(pid):
            bank = library.find(row.key)
            for part in store.accuracy_by_section(pid, row.key):
                title = (bank.section_title(part.key) if bank else "") or part.key or "（未分部分）"
                sections[title] = (part.answers, part.accuracy)
        kinds = {KIND_NAMES[r.key]: (r.answers, r.accuracy) for r in store.accuracy_by_kind(pid) if r.key in KIND_NAMES}
        self.query_one("#stats-sections", Static).update(bar_lines("各部分正确率", sections))
        no_kinds = Text("各类提法正确率\n", style="bold").append("所答的题没有标提法类别", style="dim")
        self.query_one("#stats-kinds", Static).update(bar_lines("各类提法正确率", kinds) if kinds else no_kinds)
        self.query_one("#stats-types", Static).update(bar_lines("各题型正确率", self.accuracy_by_type(pid)))
        self.query_one("#stats-weakest", Static).update(self.weakest(pid))

    def accuracy_by_type(self, profile_id: int) -> dict[str, tuple[int, float]]:
        """Answers and accuracy per question type, the types read from the banks."""
        store, totals = self.app.store, {}
        for row in store.accuracy_by_bank(profile_id):
            bank = self.app.library.find(row.key)
            types = {q.id: q.type for q in bank.questions} if bank else {}
            for question, results in store.question_results(profile_id, row.key).items():
                name = TYPE_NAMES.get(types.get(question, ""), "（题库已删除）")
                count, total = totals.get(name, (0, 0.0))
                totals[name] = (count + results.answers, total + results.total)
        return {name: (count, total / count) for name, (count, total) in totals.items()}

    def weakest(self, profile_id: int) -> Table | Text:
        """The weakest questions in full, wrapped; the bank named when there are several."""
        rows = self.app.store.weakest_questions(profile_id)
        if not rows:
            return Text("还没有答错过的题。", style="dim")
        several = len({w.bank_id for w in rows}) > 1
        table = Table(box=None, expand=True, show_edge=False, pad_edge=False, header_style="bold")
        table.add_column("正确率", justify="right", no_wrap=True)
        table.add_column("次数", justify="right", no_wrap=True)
        table.add_column("题目", ratio=1, overflow="fold")
        for w in rows:
            bank = self.app.library.find(w.bank_id) if several else None
            where = Text(f"（{bank.title if bank else w.bank_id}）", style="dim") if several else Text()
            table.add_row(f"{w.accuracy:.0%}", str(w.answers), Text(w.prompt).append_text(where))
        return table

    def check_action(self, action: str, parameters) -> bool | None:
        return not (action == "other_profile" and self.app.participant)

    def action_other_profile(self) -> None:
        from studytui.screens.dialogs import ProfileDialog

        self.app.push_screen(ProfileDialog(self.app.store.profiles()), lambda name: self.show(name) if name else None)
