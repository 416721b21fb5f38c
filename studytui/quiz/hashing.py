"""A bank's content hash: the same on every machine for the same bank, so a class quiz
code and a session's record name exactly what was asked."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from studytui.bankfile.bank import Bank, to_data


REVIEW_MARKS = ("reviewed", "score", "only_reviewed")
"""What a review writes in a bank without changing what it asks: left out of its hash, so
a class quiz code stays good while the bank is reviewed."""


def bank_hash(bank: Bank) -> str:
    """A content hash that is the same on every machine for the same bank."""
    data = {key: value for key, value in to_data(bank).items() if key not in REVIEW_MARKS}
    data["questions"] = [{key: value for key, value in q.items() if key not in REVIEW_MARKS} for q in data["questions"]]
    return hash_data(data)


def hash_data(data: dict[str, Any]) -> str:
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
