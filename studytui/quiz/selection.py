"""Which questions a session asks, by mode: the chosen sections, the mistake book, the
review schedule's due and new questions, or an exam's mix; ordered by ``picking``."""

from __future__ import annotations

import random
from datetime import datetime

from studytui.bankfile.bank import Bank, Question
from studytui.quiz.picking import mixed, once, one_per_blank, one_per_sentence, recognised_first, spread
from studytui.quiz.settings import EXAM_QUESTIONS, NO_SECTION, REVIEW_NEW_PER_SESSION, REVIEW_SESSION_SIZE, Settings
from studytui.store import Store
from studytui.vocabulary import Mode


def pick_questions(
    bank: Bank, settings: Settings, store: Store | None = None, profile_id: int | None = None, at: datetime | None = None
) -> list[Question]:
    rng = random.Random(settings.seed)
    pool = once([q for q in bank.questions if not settings.sections or (q.section or NO_SECTION) in settings.sections])
    by_id = {q.id: q for q in pool}
    mode = settings.mode
    if mode in (Mode.MISTAKES, Mode.REVIEW):
        if store is None or profile_id is None:
            raise ValueError(f"{mode} picks from one person's record: the store and the profile are needed")
        if mode == Mode.MISTAKES:
            book = [by_id[i] for i in store.mistakes(profile_id, bank.id) if i in by_id]
            rng.shuffle(book)
            return spread(book)[: settings.count]
        due = [by_id[i] for i in store.due(profile_id, bank.id, at) if i in by_id]
        seen = store.reviewed(profile_id, bank.id)
        new = [q for q in pool if q.id not in seen]
        rng.shuffle(new)
        return spread(due + new[:REVIEW_NEW_PER_SESSION])[: settings.count or REVIEW_SESSION_SIZE]
    ordered = sorted(pool, key=lambda q: q.id) if mode == Mode.CLASS else list(pool)
    rng.shuffle(ordered)
    if mode in (Mode.EXAM, Mode.CLASS):
        count = settings.count or EXAM_QUESTIONS
        return spread(mixed(one_per_sentence(one_per_blank(ordered), count), count))
    return spread(recognised_first(ordered[: settings.count] if settings.count else ordered))


def review_counts(bank: Bank, store: Store, profile_id: int, at: datetime | None = None) -> tuple[int, int]:
    """What 智能复习 would ask: (questions due, new questions), as ``pick_questions`` picks them."""
    pool = once(list(bank.questions))
    ids = {q.id for q in pool}
    due = sum(1 for i in store.due(profile_id, bank.id, at) if i in ids)
    seen = store.reviewed(profile_id, bank.id)
    new = min(REVIEW_NEW_PER_SESSION, sum(1 for q in pool if q.id not in seen))
    return due, new
