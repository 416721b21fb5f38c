"""Answers carried between machines: export every answer, and merge exported answers
without duplicates."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from studytui.store.connection import Connection, local_day

if TYPE_CHECKING:
    from studytui.store.rows import ExportedAnswer


class Transfer(Connection):
    """Export and import of answers, by their ids that are the same on every machine."""

    EXPORT_QUERY = (
        "SELECT p.name AS profile, a.bank_id AS bank, a.question_id, a.prompt, a.typed, a.verdict, a.score, "
        "a.seconds, a.answered, s.mode, s.quiz_code, a.overridden, a.original_verdict, a.section, a.kind, a.points, "
        "a.uid, s.uid AS session_uid, s.bank_hash, s.started, s.finished, s.group_id, s.settings "
        "FROM answers a JOIN profiles p ON p.id = a.profile_id JOIN sessions s ON s.id = a.session_id"
    )

    def export_rows(self, quiz_code: str | None = None) -> Iterator[ExportedAnswer]:
        """Every answer of every profile (or of one class quiz), oldest first, one at a
        time. A session's settings (its whole question list) come with its first answer
        only: the importer carries them to the rest."""
        from studytui.store.rows import ExportedAnswer  # lazily, as every row: see studytui.store

        where, args = (" WHERE s.quiz_code = ?", (quiz_code,)) if quiz_code is not None else ("", ())
        seen: set[str] = set()
        for row in self.db.execute(self.EXPORT_QUERY + where + " ORDER BY a.id", args):
            item = ExportedAnswer.of(row)
            if item.session_uid in seen:
                item = replace(item, settings=None)
            seen.add(item.session_uid)
            yield item

    def import_rows(self, rows: Iterable[ExportedAnswer]) -> tuple[int, int]:
        """Merge exported answers; one already here (by its id) is skipped.
        Returns (added, skipped)."""
        added = skipped = 0
        with self.transaction() as db:
            for row in rows:
                if db.execute("SELECT 1 FROM answers WHERE uid = ?", (row.uid,)).fetchone():
                    skipped += 1
                    continue
                db.execute("INSERT OR IGNORE INTO profiles(name, created) VALUES (?, ?)", (row.profile, row.answered))
                profile_id = db.execute("SELECT id FROM profiles WHERE name = ?", (row.profile,)).fetchone()[0]
                session = db.execute("SELECT id FROM sessions WHERE uid = ?", (row.session_uid,)).fetchone()
                if session is None:
                    session_id = db.execute(
                        "INSERT INTO sessions(uid, profile_id, bank_id, bank_hash, mode, started, finished, settings, quiz_code, group_id, imported) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                        (
                            row.session_uid,
                            profile_id,
                            row.bank,
                            row.bank_hash,
                            row.mode,
                            row.started,
                            row.finished,
                            row.settings or "{}",
                            row.quiz_code,
                            row.group_id,
                        ),
                    ).lastrowid
                else:
                    session_id = session[0]
                moment = datetime.fromisoformat(row.answered)
                db.execute(
                    """INSERT INTO answers(uid, session_id, profile_id, bank_id, question_id, section, kind, prompt, typed, verdict,
                       score, points, seconds, answered, day, overridden, original_verdict)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    (
                        row.uid,
                        session_id,
                        profile_id,
                        row.bank,
                        row.question_id,
                        row.section,
                        row.kind,
                        row.prompt,
                        row.typed,
                        row.verdict,
                        row.score,
                        row.points,
                        row.seconds,
                        row.answered,
                        local_day(moment),
                        row.overridden,
                        row.original_verdict,
                    ),
                )
                db.execute(
                    "UPDATE sessions SET answered = answered + 1, score = score + ?, max_score = max_score + ?, seconds = seconds + ? WHERE id = ?",
                    (row.score * row.points, row.points, row.seconds, session_id),
                )
                added += 1
        self.keep_names()
        return added, skipped
