"""The screens' header: Textual's, but a title change that finds the header without its title
(a screen torn down while the app quits) is let pass instead of ending the app with a traceback.

Textual 8.2's header updates its title from watchers that catch ``NoScreen`` only; quitting
right after a screen was pushed (Ctrl+Q at 智能复习) once ended the app with exit code 1 on
``NoMatches: No nodes match 'HeaderTitle'``."""

from __future__ import annotations

from contextlib import suppress

from textual import widgets
from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.events import Mount
from textual.widgets._header import HeaderTitle


class Header(widgets.Header):
    def _on_mount(self, event: Mount) -> None:
        event.prevent_default()  # Textual's handler would watch the titles with its own updater

        async def show_title() -> None:
            with suppress(NoScreen, NoMatches):
                self.query_one(HeaderTitle).update(self.format_title())

        for node in (self.app, self.screen):
            self.watch(node, "title", show_title)
            self.watch(node, "sub_title", show_title)
