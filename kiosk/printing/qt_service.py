"""The print service for the kiosk window: the worker behind a Qt signal.

Screens call `enqueue_auto` after a check-in has been committed and listen to
`job_changed`. The worker reports from its own thread; the report crosses to
the GUI thread through a queued connection, so slots may touch widgets.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

from kiosk.printing.backends import (
    Backend,
    PrintError,
    UnknownPrinter,
    badge_folder_for,
    media_warning,
    open_backend,
)
from kiosk.printing.documents import Renderer, stock_size_mm
from kiosk.printing.jobs import JobKind, JobState, PrintJob, PrintQueue
from kiosk.printing.worker import PrintWorker
from kiosk.store import Store

log = logging.getLogger("kiosk.print")

PRINTER_SETTING = "printer"
DEFAULT_PRINTER = "none"


class PrintService(QObject):
    """Queue badges and hear about them; one per station window.

    Args:
        store: the GUI thread's store (the worker opens its own connection).
        renderer: for tests; the badge engine by default.
    """

    job_changed = Signal(int, object, str)  # job id, JobState, error ("" when none)
    _reported = Signal(int, str, str)  # emitted on the worker thread

    def __init__(
        self,
        store: Store,
        renderer: Renderer | None = None,
        parent: QObject | None = None,
        **worker_options: float,
    ) -> None:
        super().__init__(parent)
        if store.path is None or str(store.path) == ":memory:":
            raise ValueError("The print service needs an event file, not an in-memory store.")
        self.store = store
        self.queue = PrintQueue(store)
        self._renderer = renderer
        self._worker_options = worker_options
        self._worker: PrintWorker | None = None
        self._quit_hooked = False
        self._reported.connect(self._relay, Qt.ConnectionType.QueuedConnection)

    @property
    def printer(self) -> str:
        return self.store.setting(PRINTER_SETTING) or DEFAULT_PRINTER

    @property
    def saves_only(self) -> bool:
        """True with printer "none": badges are saved as PDF files in
        `badge_folder` for the help desk, not printed here."""
        return self.printer.strip().lower() == DEFAULT_PRINTER

    @property
    def badge_folder(self) -> Path:
        """Where printer "none" saves this event's badges."""
        return badge_folder_for(Path(str(self.store.path)))

    def backend_for(self, job: PrintJob) -> Backend:
        """The backend a job goes (or went) to."""
        return open_backend(job.printer or self.printer, save_dir=self.badge_folder)

    def saved_file(self, job_id: int) -> Path | None:
        """The PDF file a finished job became, when its printer writes files
        ("none" or a hot folder) and the file is still there."""
        job = self.queue.job(job_id)
        if job is None or job.state is not JobState.DONE:
            return None
        try:
            backend = self.backend_for(job)
        except (PrintError, UnknownPrinter):
            return None
        file_for = getattr(backend, "file_for", None)
        path = file_for(job.spool_title) if file_for is not None else None
        return path if path is not None and path.is_file() else None

    def latest_badge_file(self, attendee_id: int) -> Path | None:
        """The newest badge file saved for this attendee, if any is still there."""
        for job in reversed(self.queue.jobs([JobState.DONE], attendee_id=attendee_id)):
            if job.kind is not JobKind.TEST and (path := self.saved_file(job.id)) is not None:
                return path
        return None

    def start(self) -> None:
        """Start the worker; call it at launch so unfinished jobs resume (the
        first queued job starts it too). It stops when the application quits."""
        if self._worker is not None:
            return
        self._worker = PrintWorker(
            Path(str(self.store.path)),
            self.printer,
            self._renderer,
            on_change=self._reported.emit,
            **self._worker_options,  # type: ignore[arg-type]
        )
        self._worker.start()
        app = QCoreApplication.instance()
        if app is not None and not self._quit_hooked:
            app.aboutToQuit.connect(self.stop)
            self._quit_hooked = True
        log.info("print service started on %s", self.printer)

    def stop(self) -> None:
        if self._worker is not None:
            self._worker.stop()
            self._worker = None

    def set_printer(self, name: str) -> None:
        """Make `name` the station's printer (raises UnknownPrinter for a bad name)."""
        open_backend(name, save_dir=self.badge_folder)
        self.store.set_setting(PRINTER_SETTING, name)
        if self._worker is not None:
            self.stop()
            self.start()

    # -- what screens call -----------------------------------------------

    def enqueue(
        self,
        attendee_id: int | None,
        kind: JobKind | str = JobKind.AUTO,
        printer: str | None = None,
    ) -> int | None:
        """Queue a job and wake the worker (what the help desk calls)."""
        return self._queued(self.queue.enqueue(attendee_id, kind, printer))

    def enqueue_auto(self, attendee_id: int) -> int | None:
        """Queue the automatic badge after a check-in; None if one was already
        printed or queued for this attendee."""
        return self._queued(self.queue.enqueue(attendee_id, JobKind.AUTO))

    def reprint(self, attendee_id: int, printer: str | None = None) -> int:
        job_id = self._queued(self.queue.enqueue(attendee_id, JobKind.REPRINT, printer))
        assert job_id is not None
        return job_id

    def test_page(self, printer: str | None = None) -> int:
        job_id = self._queued(self.queue.enqueue(None, JobKind.TEST, printer))
        assert job_id is not None
        return job_id

    def printed_count(self, attendee_id: int) -> int:
        return self.queue.printed_count(attendee_id)

    def jobs(self, states: list[str] | None = None) -> list[PrintJob]:
        return self.queue.jobs(states)

    def retry(self, job_id: int) -> None:
        self.queue.retry(job_id)
        self._wake()

    def cancel(self, job_id: int) -> None:
        self.queue.cancel(job_id)
        self._wake()

    def move(self, job_id: int, printer: str) -> int:
        open_backend(printer, save_dir=self.badge_folder)
        new_id = self.queue.move(job_id, printer)
        self._wake()
        return new_id

    def media_warning(self) -> str | None:
        """A sentence when the printer's loaded media is not the badge stock.
        It asks the printer, so call it from a settings screen, not per scan."""
        try:
            info = open_backend(self.printer, save_dir=self.badge_folder).info()
        except (PrintError, UnknownPrinter) as error:
            return str(error)
        return media_warning(info, stock_size_mm(self.store))

    def _queued(self, job_id: int | None) -> int | None:
        if job_id is not None:
            self._wake()
            # Through the queued connection, like every report: a caller that
            # files the job id after this returns still hears "queued".
            self._reported.emit(job_id, "queued", "")
        return job_id

    @Slot(int, str, str)
    def _relay(self, job_id: int, state: str, error: str) -> None:
        """On the GUI thread: the worker's report, its state as a JobState."""
        self.job_changed.emit(job_id, JobState(state), error)

    def _wake(self) -> None:
        if self._worker is None:
            self.start()
        assert self._worker is not None
        self._worker.wake()
