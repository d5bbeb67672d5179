"""Printing: the durable print queue, its worker and its backends."""

from kiosk.printing.documents import RenderedBadge, Renderer
from kiosk.printing.jobs import JobKind, JobState, PrintJob, PrintQueue, QueueError
from kiosk.printing.worker import PrintWorker

__all__ = [
    "JobKind",
    "JobState",
    "PrintJob",
    "PrintQueue",
    "PrintWorker",
    "QueueError",
    "RenderedBadge",
    "Renderer",
]
