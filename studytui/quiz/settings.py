"""A session's settings, and the sizes modes use when none is given."""

from __future__ import annotations

from dataclasses import dataclass

from studytui.vocabulary import Mode, Strictness

EXAM_QUESTIONS = 20
EXAM_SECONDS = 15 * 60
REVIEW_NEW_PER_SESSION = 10
REVIEW_SESSION_SIZE = 30
NO_SECTION = ""
"""In ``Settings.sections``: the questions outside every section (the title, the opening remarks)."""


@dataclass(frozen=True)
class Settings:
    mode: Mode = Mode.PRACTICE
    sections: tuple[str, ...] = ()
    count: int | None = None
    time_limit: int | None = None
    """Seconds for the whole session (exam, class quiz); None for no limit."""
    strictness: Strictness = Strictness.NORMAL
    seed: int = 0

    def __post_init__(self) -> None:
        """Settings read back from a session's record or a class quiz code hold plain strings."""
        object.__setattr__(self, "mode", Mode(self.mode))
        object.__setattr__(self, "strictness", Strictness(self.strictness))
