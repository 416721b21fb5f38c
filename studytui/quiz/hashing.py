"""A bank's content hash: the same on every machine for the same bank, so a class quiz
code and a session's record name exactly what was asked."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from studytui.bankfile.bank import Bank, to_data


def bank_hash(bank: Bank) -> str:
    """A content hash that is the same on every machine for the same bank."""
    return hash_data(to_data(bank))


def hash_data(data: dict[str, Any]) -> str:
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
