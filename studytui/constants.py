"""Names of the bank format that the extractor, the bank model and the screens share.

It imports only the vocabulary, so any module can use it without a circle.
"""

from __future__ import annotations

import re

from studytui.vocabulary import TYPE_NAMES, QuestionType

BLANK_RE = re.compile(r"_{4,}")
BLANK = "____"
ELLIPSIS = "……"  # where a stem leaves out words of its long sentence

MAX_BYTES = 5 * 1024 * 1024  # a bank or speech file larger than this is refused

TYPES = tuple(QuestionType)
__all__ = ["BLANK", "BLANK_RE", "ELLIPSIS", "MAX_BYTES", "TYPES", "TYPE_NAMES"]
