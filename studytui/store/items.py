"""Every answer the store holds to one bank's questions, for item analysis
(``studytui.items``): who answered, what was typed, the verdict, and whether the learner
disputed it (我答对了, kept as ``overridden`` with the original verdict)."""

from __future__ import annotations

from dataclasses import dataclass

from studytui.store.connection import Connection
from studytui.vocabulary import Verdict


@dataclass(frozen=True)
class BankAnswer:
    taker: str
    """The person (or contest team) who answered, by name."""
    question_id: str
    typed: str
    verdict: Verdict
    """As it stands: a disputed answer stands as correct."""
    score: float
    disputed: bool


def bank_answers(store: Connection, bank_id: str) -> list[BankAnswer]:
    """Every answer to the bank, oldest first (a taker's first answer to a question comes
    before their later ones)."""
    with store.lock:  # read in a worker while the UI thread may write: one call at a time (see studytui.store)
        rows = store.db.execute(
            "SELECT p.name, a.question_id, a.typed, a.verdict, a.score, a.overridden FROM answers a "
            "JOIN profiles p ON p.id = a.profile_id WHERE a.bank_id = ? ORDER BY a.answered, a.id",
            (bank_id,),
        ).fetchall()
    return [
        BankAnswer(name, question_id, typed, Verdict(verdict), float(score), bool(overridden))
        for name, question_id, typed, verdict, score, overridden in rows
    ]
