"""What every screen that runs workers shares. A worker reads or writes off the UI thread and
reports back by posting a message (a dataclass, handled on the UI thread); it runs with
``exit_on_error=False``, and its failure is told by the app in one place (``Host.tell_failure``)."""

from __future__ import annotations

from textual import getters
from textual.screen import Screen, ScreenResultType
from textual.worker import Worker, WorkerState

from studytui.host import Host


class WorkingScreen(Screen[ScreenResultType]):
    app = getters.app(Host)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.app.tell_failure(event.worker.error)
