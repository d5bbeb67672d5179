"""CUPS (Linux, macOS) through its own commands and protocol.

An IPP Print-Job request on the scheduler's socket submits (see ipp; `lp`
when the scheduler asks for a password or encryption), `lpstat` lists
queues and finds the server, `cancel` cancels.
Job and printer attributes come from `ipptool`, CUPS's own IPP command, with
small request files below: `lpstat` lists a cancelled or aborted job among the
"completed" ones and cannot tell them apart, and it shows no media.
"""

from __future__ import annotations

import csv
import functools
import io
import logging
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.parse
from pathlib import Path

from kiosk.printing.backends import ipp
from kiosk.printing.backends.base import (
    PrinterInfo,
    PrintError,
    SpoolerStatus,
    Submission,
    matching_media,
)

log = logging.getLogger("kiosk.print")

# Spooler commands answer in milliseconds; a hung one must not hang the worker.
COMMAND_TIMEOUT_S = 15.0
MEDIA_CACHE_S = 60.0

_GET_JOBS = """{
 OPERATION Get-Jobs
 GROUP operation-attributes-tag
 ATTR charset attributes-charset utf-8
 ATTR naturalLanguage attributes-natural-language en
 ATTR uri printer-uri $uri
 ATTR name requesting-user-name $user
 ATTR keyword which-jobs all
 ATTR keyword requested-attributes
  job-id,job-name,job-state,job-state-reasons,job-printer-state-message,copies
 STATUS successful-ok
 DISPLAY job-id
 DISPLAY job-name
 DISPLAY job-state
 DISPLAY job-state-reasons
 DISPLAY job-printer-state-message
 DISPLAY copies
}
"""

_GET_PRINTER = """{
 OPERATION Get-Printer-Attributes
 GROUP operation-attributes-tag
 ATTR charset attributes-charset utf-8
 ATTR naturalLanguage attributes-natural-language en
 ATTR uri printer-uri $uri
 ATTR name requesting-user-name $user
 ATTR keyword requested-attributes
  media-supported,media-default,media-ready,printer-state,printer-state-message,printer-info
 STATUS successful-ok
 DISPLAY printer-info
 DISPLAY media-default
 DISPLAY media-ready
 DISPLAY media-supported
 DISPLAY printer-state
 DISPLAY printer-state-message
}
"""

_REQUEST_ID = re.compile(r"request id is (\S+)")


@functools.cache
def _request_file(text: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="kiosk-ipp-"))
    path = folder / "request.test"
    path.write_text(text, encoding="utf-8")
    return path


def available() -> bool:
    return shutil.which("lp") is not None and shutil.which("lpstat") is not None


def _run(args: list[str], stdin: bytes | None = None) -> str:
    """Run one CUPS command; any failure is a transient PrintError (a spooler
    that is down or busy comes back)."""
    if shutil.which(args[0]) is None:
        raise PrintError(f"The CUPS command '{args[0]}' is not installed.")
    try:
        done = subprocess.run(
            args, input=stdin, capture_output=True, timeout=COMMAND_TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        raise PrintError("The print spooler (CUPS) did not answer in time.") from None
    out = done.stdout.decode("utf-8", errors="replace")
    if done.returncode != 0:
        err = done.stderr.decode("utf-8", errors="replace").strip()
        log.warning("%s exited %d: %s", args[0], done.returncode, err)
        raise PrintError(_explain(err))
    return out


def _explain(err: str) -> str:
    low = err.lower()
    if "scheduler" in low or "connect" in low or "no such file" in low or "refused" in low:
        return "The print spooler (CUPS) is not running."
    if "does not exist" in low or "not found" in low:
        return "CUPS has no printer by that name."
    if "not accepting" in low:
        return "The printer is not accepting jobs."
    return err.splitlines()[-1] if err else "CUPS refused the job."


def scheduler_running() -> bool:
    try:
        out = _run(["lpstat", "-r"])
    except PrintError:
        return False
    return "not running" not in out


_server_cache: dict[str, tuple[float, str]] = {}


def server() -> str:
    """The CUPS server the commands talk to (honours CUPS_SERVER)."""
    # Asked once a minute per CUPS_SERVER value: it saves a process per request.
    key = os.environ.get("CUPS_SERVER", "")
    cached = _server_cache.get(key)
    now = time.monotonic()
    if cached is None or now - cached[0] > MEDIA_CACHE_S:
        cached = (now, _run(["lpstat", "-H"]).strip())
        _server_cache[key] = cached
    return cached[1]


def printer_uri(queue: str) -> str:
    host = server()
    if host.startswith("/"):
        # A local domain socket: CUPS reads a %-encoded path as the host.
        host = urllib.parse.quote(host, safe="")
    return f"ipp://{host}/printers/{urllib.parse.quote(queue)}"


def _ipp_rows(queue: str, request: str) -> list[dict[str, str]]:
    if shutil.which("ipptool") is None:
        raise PrintError("The CUPS command 'ipptool' is not installed.", transient=False)
    out = _run(["ipptool", "-c", printer_uri(queue), str(_request_file(request))])
    return list(csv.DictReader(io.StringIO(out)))


def queues() -> list[str]:
    try:
        out = _run(["lpstat", "-e"])
    except PrintError:
        return []
    return [line.strip() for line in out.splitlines() if line.strip()]


class CupsBackend:
    """One CUPS queue."""

    def __init__(self, queue: str) -> None:
        if not queue:
            raise PrintError(
                "A CUPS printer needs a queue name, like cups:Badges.", transient=False
            )
        self.queue = queue
        self.name = f"cups:{queue}"
        self._media: tuple[float, list[str]] | None = None

    def submit(
        self, pdf: bytes, *, title: str, width_mm: float, height_mm: float, copies: int = 1
    ) -> Submission:
        media = self._media_for((width_mm, height_mm))
        try:
            job_id = self._print_job(pdf, title, copies, media)
        except ipp.IppUnavailable as why:
            log.info("cups wants more than a local request (%s); handing over with lp", why)
            job_id = self._lp_job(pdf, title, copies, media)
        log.info("cups accepted %s on %s media=%s", job_id, self.queue, media)
        return Submission(spooler_job_id=job_id, finished=False)

    def _print_job(self, pdf: bytes, title: str, copies: int, media: str) -> str:
        """One IPP Print-Job on the scheduler's socket (see ipp): what lp does, in
        one request and no process."""
        try:
            number = ipp.submit(
                server(),
                self.queue,
                pdf,
                title=title,
                copies=copies,
                media=media,
                timeout=COMMAND_TIMEOUT_S,
            )
        except ipp.IppRefused as refused:
            log.warning("cups refused a job on %s: %s", self.queue, refused)
            if refused.status == ipp.NOT_FOUND:
                raise PrintError("CUPS has no printer by that name.") from refused
            if refused.status == ipp.NOT_ACCEPTING:
                raise PrintError("The printer is not accepting jobs.") from refused
            raise PrintError("CUPS refused the job.") from refused
        except TimeoutError:
            raise PrintError("The print spooler (CUPS) did not answer in time.") from None
        except OSError as error:
            log.warning("cannot reach the cups scheduler: %s", error)
            raise PrintError("The print spooler (CUPS) is not running.") from error
        return f"{self.queue}-{number}"

    def _lp_job(self, pdf: bytes, title: str, copies: int, media: str) -> str:
        try:
            out = self._lp(pdf, title, copies, media)
        except PrintError as error:
            # lp reports a missing queue when it cannot reach the scheduler at all.
            if not scheduler_running():
                raise PrintError("The print spooler (CUPS) is not running.") from error
            raise
        match = _REQUEST_ID.search(out)
        if not match:
            raise PrintError(f"CUPS gave no job id: {out.strip()}")
        return match.group(1)

    def _lp(self, pdf: bytes, title: str, copies: int, media: str) -> str:
        return _run(
            [
                "lp", "-d", self.queue, "-t", title, "-n", str(copies),
                "-o", f"media={media}", "-o", "fit-to-page=false", "-",
            ],
            stdin=pdf,
        )  # fmt: skip

    def _media_for(self, size_mm: tuple[float, float]) -> str:
        """A named size the printer knows, else a custom size in millimetres."""
        # The media list changes only when someone reconfigures the printer;
        # asking once a minute keeps a lookup off every badge.
        now = time.monotonic()
        if self._media is None or now - self._media[0] > MEDIA_CACHE_S:
            try:
                self._media = (now, self.info().media)
            except PrintError:
                self._media = None
        supported = self._media[1] if self._media else []
        named = matching_media(supported, size_mm)
        return named or f"Custom.{size_mm[0]:.2f}x{size_mm[1]:.2f}mm"

    def _jobs(self) -> list[dict[str, str]]:
        return _ipp_rows(self.queue, _GET_JOBS)

    def status(self, spooler_job_ids: list[str]) -> dict[str, SpoolerStatus]:
        wanted = {self._number(job_id): job_id for job_id in spooler_job_ids}
        found: dict[str, SpoolerStatus] = {}
        waiting_reason: str | None = None
        for row in self._jobs():
            job_id = wanted.get(row.get("job-id", ""))
            if job_id is None:
                continue
            state = row.get("job-state", "")
            reasons = row.get("job-state-reasons", "")
            message = row.get("job-printer-state-message", "")
            if state == "completed":
                found[job_id] = SpoolerStatus("done")
            elif state in ("aborted", "canceled"):
                found[job_id] = SpoolerStatus(
                    "failed", message or f"CUPS {state} the job ({reasons})."
                )
            else:
                if waiting_reason is None:
                    waiting_reason = self._printer_trouble()
                found[job_id] = SpoolerStatus("pending", waiting_reason or message)
        return found

    def _printer_trouble(self) -> str:
        """Why jobs wait, when the printer is stopped (paused, out of paper)."""
        try:
            rows = _ipp_rows(self.queue, _GET_PRINTER)
        except PrintError:
            return ""
        printer = rows[0] if rows else {}
        if printer.get("printer-state") == "stopped":
            why = printer.get("printer-state-message") or "stopped"
            return f"The printer is stopped ({why})."
        return ""

    def find(self, title: str) -> str | None:
        for row in self._jobs():
            if row.get("job-name") == title and row.get("job-state") not in ("aborted", "canceled"):
                return f"{self.queue}-{row['job-id']}"
        return None

    def cancel(self, spooler_job_id: str) -> None:
        _run(["cancel", spooler_job_id])

    def info(self) -> PrinterInfo:
        rows = _ipp_rows(self.queue, _GET_PRINTER)
        if not rows:
            raise PrintError("CUPS has no printer by that name.")
        row = rows[0]
        return PrinterInfo(
            name=self.name,
            description=row.get("printer-info", ""),
            media=[m for m in row.get("media-supported", "").split(",") if m],
            default_media=row.get("media-default", ""),
            state=row.get("printer-state", ""),
        )

    @staticmethod
    def _number(spooler_job_id: str) -> str:
        return spooler_job_id.rsplit("-", 1)[-1]
