"""The store's copy of a contest: a session per team under one group id (CT-…), every
answer in its team's session, every change of score in the contest log."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from studytui.bankfile.bank import Bank, Question
from studytui.contest.rules import Event, Team
from studytui.grading import Grade
from studytui.quiz import bank_hash, response_text
from studytui.store import Answer, Store


class ContestRecord:
    def __init__(self, store: Store, bank: Bank) -> None:
        self.store, self.bank = store, bank
        self.group_id = "CT-" + uuid.uuid4().hex[:8].upper()
        self.sessions: dict[str, int] = {}

    def start(self, teams: Sequence[Team]) -> None:
        content = bank_hash(self.bank)
        for team in teams:
            profile = self.store.profile(team.name)
            self.sessions[team.name] = self.store.start_session(
                profile, self.bank.id, content, "contest", {"contest": self.group_id}, group_id=self.group_id
            )

    def answer(self, team: Team, question: Question, response: Any, grade: Grade, seconds: float) -> None:
        self.store.record(
            Answer(
                self.sessions[team.name],
                question.id,
                question.prompt,
                response_text(question, response),
                grade.verdict,
                grade.score,
                seconds,
                question.section,
                question.tags[0] if question.tags else question.type,
            )
        )

    def event(self, event: Event) -> None:
        self.store.log_contest_event(self.group_id, event.team, event.kind, event.points, event.note)

    def finish(self) -> None:
        for session_id in self.sessions.values():
            self.store.finish_session(session_id)
