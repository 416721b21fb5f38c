"""A contest's ranking, from its score log alone: the screen's podium and
``stats --code CT-…`` read it the same way.

Every change of score is an event; an undo is an event too, which takes back the
latest change not yet taken back (never a starting score), so the log only grows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from studytui.contest.rules import Event

UNDOABLE_NOT = frozenset({"start", "undo"})


@dataclass(frozen=True)
class Standing:
    place: int
    team: str
    points: int
    won_tie: bool


def standing_events(log: Sequence[Event]) -> list[Event]:
    """The events that stand: every event but the undos and what they took back."""
    standing: list[Event | None] = []
    undoable: list[int] = []
    for event in log:
        if event.kind == "undo":
            if undoable:
                standing[undoable.pop()] = None
            continue
        if event.kind not in UNDOABLE_NOT:
            undoable.append(len(standing))
        standing.append(event)
    return [e for e in standing if e is not None]


def last_undoable(log: Sequence[Event]) -> Event | None:
    """The change an undo would take back now, or None."""
    events = [e for e in standing_events(log) if e.kind not in UNDOABLE_NOT]
    return events[-1] if events else None


def tiebreak_order(log: Sequence[Event]) -> list[str]:
    """The teams that won a sudden-death 抢答, in order."""
    return [e.team for e in standing_events(log) if e.kind == "tiebreak"]


def points(log: Sequence[Event], teams: Iterable[str] = ()) -> dict[str, int]:
    """Each team's points: what its events add up to (undone ones included, with their undo)."""
    totals = dict.fromkeys(teams, 0)
    for event in log:
        totals[event.team] = totals.get(event.team, 0) + event.points
    return totals


def ranked(log: Sequence[Event], teams: Iterable[str] = ()) -> list[Standing]:
    """Every team in order of points, a tie-break winner before the teams it beat;
    equal points share a place unless a tie-break split them."""
    totals = points(log, teams)
    won = tiebreak_order(log)
    order = {name: i for i, name in enumerate(won)}
    ranked = sorted(totals, key=lambda name: (-totals[name], order.get(name, len(order))))
    standings: list[Standing] = []
    for index, name in enumerate(ranked):
        previous = standings[-1] if standings else None
        shared = previous is not None and previous.points == totals[name] and not previous.won_tie and name not in order
        place = previous.place if shared and previous is not None else index + 1
        standings.append(Standing(place, name, totals[name], name in order))
    return standings


def from_rows(rows: Iterable[dict[str, Any]]) -> list[Event]:
    """The store's rows of a contest log as events."""
    return [Event(r["kind"], r["team"], r["points"], r.get("note", "")) for r in rows]
