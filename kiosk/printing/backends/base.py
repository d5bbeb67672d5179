"""What every print backend offers, and the media-size helpers they share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol


class PrintError(Exception):
    """A print attempt that did not work, with one sentence for staff.

    `transient` errors (spooler down, printer unplugged, folder missing) are
    retried with backoff; the others fail the job until staff retry it.
    """

    def __init__(self, message: str, *, transient: bool = True) -> None:
        super().__init__(message)
        self.transient = transient


@dataclass(frozen=True, slots=True)
class Submission:
    """What a backend did with a document: `spooler_job_id` when a spooler
    took it and will report on it later; `finished` when nothing is left to
    follow (a file written, a page painted)."""

    spooler_job_id: str | None
    finished: bool


@dataclass(frozen=True, slots=True)
class SpoolerStatus:
    """A spooler's view of one job: state is "pending", "done" or "failed"."""

    state: str
    message: str = ""


@dataclass(frozen=True, slots=True)
class PrinterInfo:
    name: str  # as a station names it: "cups:QUEUE", "qt:NAME", "folder:PATH", "none"
    description: str = ""
    media: list[str] = field(default_factory=list)
    default_media: str = ""
    state: str = ""


class Backend(Protocol):
    name: str

    def submit(
        self, pdf: bytes, *, title: str, width_mm: float, height_mm: float, copies: int = 1
    ) -> Submission: ...

    def status(self, spooler_job_ids: list[str]) -> dict[str, SpoolerStatus]: ...

    def find(self, title: str) -> str | None:
        """The spooler's id of an earlier submission with this title, if any."""
        ...

    def cancel(self, spooler_job_id: str) -> None: ...

    def info(self) -> PrinterInfo: ...


class FinalBackend:
    """Base for backends whose submission is complete when `submit` returns."""

    name = ""

    def status(self, spooler_job_ids: list[str]) -> dict[str, SpoolerStatus]:
        return {job_id: SpoolerStatus("done") for job_id in spooler_job_ids}

    def find(self, title: str) -> str | None:
        return None

    def cancel(self, spooler_job_id: str) -> None:
        return None


# PWG 5101.1 media names end in the size: iso_a6_105x148mm, na_index-4x6_4x6in,
# custom_101.6x76.2mm_101.6x76.2mm.
_PWG_SIZE = re.compile(r"_(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)(mm|in)$")


def media_size_mm(media: str) -> tuple[float, float] | None:
    match = _PWG_SIZE.search(media.strip())
    if not match:
        return None
    scale = 25.4 if match.group(3) == "in" else 1.0
    return float(match.group(1)) * scale, float(match.group(2)) * scale


def same_size(a: tuple[float, float], b: tuple[float, float], tolerance_mm: float = 1.5) -> bool:
    """Equal in either orientation: a landscape badge prints on portrait stock."""
    (aw, ah), (bw, bh) = a, b
    straight = abs(aw - bw) <= tolerance_mm and abs(ah - bh) <= tolerance_mm
    turned = abs(aw - bh) <= tolerance_mm and abs(ah - bw) <= tolerance_mm
    return straight or turned


def matching_media(media: list[str], size_mm: tuple[float, float]) -> str | None:
    for name in media:
        found = media_size_mm(name)
        if found and same_size(found, size_mm):
            return name
    return None


def media_warning(info: PrinterInfo, size_mm: tuple[float, float]) -> str | None:
    """A sentence for staff when the printer's loaded media is not the badge stock."""
    loaded = info.default_media
    found = media_size_mm(loaded) if loaded else None
    if found is None or same_size(found, size_mm):
        return None
    return (
        f"The badge stock is {size_mm[0]:.0f}×{size_mm[1]:.0f} mm but {info.name} has "
        f"{loaded} ({found[0]:.0f}×{found[1]:.0f} mm) loaded."
    )
