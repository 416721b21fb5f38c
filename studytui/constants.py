"""Names of the bank format that the extractor, the bank model and the screens share.

It imports nothing of studytui, so any module can use it without a circle.
"""

from __future__ import annotations

import re

BLANK_RE = re.compile(r"_{4,}")
BLANK = "____"

MAX_BYTES = 5 * 1024 * 1024  # a bank or speech file larger than this is refused

TYPES = ("cloze", "choice", "multi", "judge", "order", "list")
TYPE_NAMES = {"cloze": "填空", "choice": "单选", "multi": "多选", "judge": "判断", "order": "排序", "list": "列举"}
