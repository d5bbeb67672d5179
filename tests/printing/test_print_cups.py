"""The CUPS backend against a real (private) CUPS with a CUPS-PDF printer."""

from __future__ import annotations

from pathlib import Path

import pytest
from print_helpers import PDF_QUEUE, Changes, page_size_mm, pdf_text
from private_cups import PrivateCups

from kiosk.printing import JobState, PrintQueue, PrintWorker
from kiosk.printing.backends import CupsBackend, list_printers, media_warning, open_backend
from kiosk.store import Store


def test_badge_printed_through_cups_arrives_as_pdf_with_stock_size_and_name(
    pdf_printer: PrivateCups, event_db: Path
) -> None:
    changes = Changes()
    store = Store.open(event_db)
    queue = PrintQueue(store)
    job_id = queue.enqueue(1)
    assert job_id is not None
    worker = PrintWorker(event_db, f"cups:{PDF_QUEUE}", on_change=changes, poll_interval=0.1)
    worker.start()
    try:
        assert changes.wait_for(lambda seen: (job_id, "done", "") in seen), changes.seen
    finally:
        worker.stop()
    job = queue.job(job_id)
    assert job is not None and job.state is JobState.DONE and job.spooler_job_id
    (output,) = pdf_printer.outputs()
    assert page_size_mm(output) == (101.6, 76.2)  # the default template's 4 × 3 in stock
    text = pdf_text(output)
    assert "Ada" in text and "Lovelace" in text
    assert queue.printed_count(1) == 1


def test_cups_printer_is_listed_with_its_media_and_a_stock_mismatch_is_warned(
    pdf_printer: PrivateCups,
) -> None:
    printers = {info.name: info for info in list_printers()}
    info = printers[f"cups:{PDF_QUEUE}"]
    assert "iso_a4_210x297mm" in info.media
    assert info.default_media == "iso_a4_210x297mm"
    warning = media_warning(info, (101.6, 76.2))
    assert warning is not None and "210×297 mm" in warning
    assert media_warning(info, (210.0, 297.0)) is None


@pytest.mark.expected_log("kiosk.print")  # the spooler is down or the queue missing: on purpose
def test_a_missing_cups_queue_is_a_transient_error_with_a_reason(pdf_printer: PrivateCups) -> None:
    from kiosk.printing.backends import PrintError

    backend = open_backend("cups:NoSuchQueue")
    try:
        backend.submit(b"%PDF-1.4\n%%EOF\n", title="t", width_mm=100, height_mm=50)
    except PrintError as error:
        assert error.transient
        assert "no printer" in str(error)
    else:
        raise AssertionError("submitting to a missing queue did not fail")


def test_cups_gets_the_stock_media_by_name_and_the_number_of_copies(
    pdf_printer: PrivateCups, event_db: Path
) -> None:
    store = Store.open(event_db)
    store.set_setting("badge_stock", "avery-5392")  # sheets of six on US Letter
    queue = PrintQueue(store)
    job_id = queue.enqueue(2, kind="reprint", copies=2)
    assert job_id is not None
    backend = open_backend(f"cups:{PDF_QUEUE}")
    media = backend._media_for((215.9, 279.4))  # type: ignore[attr-defined]
    assert media == "na_letter_8.5x11in"
    changes = Changes()
    worker = PrintWorker(event_db, f"cups:{PDF_QUEUE}", on_change=changes, poll_interval=0.1)
    worker.start()
    try:
        assert changes.wait_for(lambda seen: (job_id, "done", "") in seen), changes.seen
    finally:
        worker.stop()
    (output,) = pdf_printer.outputs()
    assert page_size_mm(output) == (215.9, 279.4)
    assert "Hopper" in pdf_text(output)
    # CUPS-PDF leaves copies to the printer (hardware copies), so the proof is
    # the job CUPS holds.
    job = queue.job(job_id)
    assert job is not None
    (row,) = [r for r in CupsBackend(PDF_QUEUE)._jobs() if r["job-name"] == job.spool_title]
    assert row["copies"] == "2"
