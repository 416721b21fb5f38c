"""The one-line text field every screen types into."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

IDEOGRAPHIC_SPACE = "\u3000"
_KEY = "ideographic_space"  # its key's name, all a simulated key press carries


class TextInput(Input):
    """An Input that keeps the ideographic space a Chinese input method types in full-width mode.
    Python counts U+3000 unprintable, so Textual's Input dropped it: 考核评价　选拔任用 arrived as one
    item, and 8　2 as 82."""

    async def _on_key(self, event: events.Key) -> None:
        """Runs before Input's own handler, which Textual calls next unless the key is taken here."""
        if event.character != IDEOGRAPHIC_SPACE and event.key != _KEY:
            return
        event.stop()
        event.prevent_default()
        if self.selection.is_empty:
            self.insert_text_at_cursor(IDEOGRAPHIC_SPACE)
        else:
            self.replace(IDEOGRAPHIC_SPACE, *self.selection)
