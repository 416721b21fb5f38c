"""How keys are named in footers, one way everywhere: Esc, 回车, 空格, arrows, Shift+↑, F5, and
letters as capitals (the letter printed on the keyboard)."""

from __future__ import annotations

NAMES = {
    "escape": "Esc",
    "enter": "回车",
    "space": "空格",
    "tab": "Tab",
    "backspace": "退格",
    "delete": "Del",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "question_mark": "?",
}
MODIFIERS = {"shift": "Shift", "ctrl": "Ctrl", "alt": "Alt"}


def key_display(key: str) -> str:
    """``shift+up`` → ``Shift+↑``, ``escape`` → ``Esc``, ``o`` → ``O``."""
    *modifiers, name = key.split("+")
    shown = NAMES.get(name, name.upper() if len(name) <= 3 else name.capitalize())
    return "+".join([*(MODIFIERS.get(m, m.capitalize()) for m in modifiers), shown])
