"""The print commands: kiosk printers, kiosk print, kiosk queue."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from print_helpers import PDF_QUEUE, pdf_text
from private_cups import PrivateCups

from kiosk.cli import main
from kiosk.printing import JobState, PrintQueue, PrintWorker
from kiosk.store import Store

PRINTER = f"cups:{PDF_QUEUE}"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_print_through_cups_is_accepted_and_a_second_print_is_refused_with_the_count(
    pdf_printer: PrivateCups, event_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(event_db)
    status, out, err = run(
        capsys, "print", "CODE0001", "--db", db, "--printer", f"cups:{PDF_QUEUE}"
    )
    assert status == 0, err
    assert f"accepted by cups:{PDF_QUEUE}" in out
    # The stock is 4 × 3 in and CUPS-PDF has A4 loaded: staff are told.
    assert "Warning: The badge stock is 102×76 mm" in err

    queue = PrintQueue(Store.open(event_db))
    follower = PrintWorker(event_db, "none")
    deadline = time.monotonic() + 30
    while queue.printed_count(1) == 0 and time.monotonic() < deadline:
        follower.refresh(queue)  # what the kiosk's worker does while it runs
        time.sleep(0.05)
    (output,) = pdf_printer.outputs()
    assert "Lovelace" in pdf_text(output)

    status, out, err = run(
        capsys, "print", "CODE0001", "--db", db, "--printer", f"cups:{PDF_QUEUE}"
    )
    assert status == 2
    assert "already printed once" in err and "--reprint" in err
    assert queue.printed_count(1) == 1

    status, out, err = run(
        capsys, "print", "CODE0001", "--db", db, "--printer", f"cups:{PDF_QUEUE}", "--reprint"
    )
    assert status == 0, err
    assert len(queue.jobs(attendee_id=1)) == 2


@pytest.mark.expected_log("kiosk.print")  # the spooler is down or the queue missing: on purpose
def test_print_to_a_stopped_spooler_says_so_and_keeps_the_job_for_the_queue_command(
    pdf_printer: PrivateCups, event_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(event_db)
    pdf_printer.stop()
    try:
        status, out, _ = run(
            capsys, "print", "CODE0002", "--db", db, "--printer", f"cups:{PDF_QUEUE}",
            "--timeout", "1",
        )  # fmt: skip
        assert status == 1
        assert "not accepted" in out and "not running" in out
        status, out, _ = run(capsys, "queue", "--db", db)
        assert status == 0
        assert "queued" in out and "not running" in out
    finally:
        pdf_printer.start()
    (job,) = PrintQueue(Store.open(event_db)).jobs()
    status, out, _ = run(capsys, "queue", "--db", db, "--cancel", str(job.id))
    assert status == 0 and f"Job {job.id} is cancelled." in out
    assert PrintQueue(Store.open(event_db)).jobs()[0].state is JobState.CANCELLED
    assert pdf_printer.outputs() == []


def test_printers_lists_the_cups_queue_with_media_and_sets_the_station_printer(
    pdf_printer: PrivateCups, event_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "printers", "--db", str(event_db), "--use", f"cups:{PDF_QUEUE}")
    assert status == 0
    assert f"cups:{PDF_QUEUE}" in out and "loaded: iso_a4_210x297mm" in out
    assert f"Station printer: cups:{PDF_QUEUE}" in out
    assert Store.open(event_db).setting("printer") == f"cups:{PDF_QUEUE}"


def test_unknown_code_and_bad_printer_name_are_one_sentence_errors(
    event_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "print", "NOPE", "--db", str(event_db), "--printer", "none")
    assert status == 2 and err.strip() == "kiosk: No attendee has that code."
    status, _, err = run(capsys, "print", "CODE0001", "--db", str(event_db), "--printer", "lpt1")
    assert status == 2 and "is not a printer name" in err and err.count("\n") == 1


def test_print_with_no_printer_says_which_file_the_badge_became(
    event_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "print", "CODE0001", "--db", str(event_db))
    assert status == 0, err
    saved = Path(out.split(" was saved as ", 1)[1].split(" (job ", 1)[0])
    # The event's badge folder, named after the event file, beside it.
    assert saved.parent == event_db.with_name(f"{event_db.stem}-badges")
    assert "Lovelace" in pdf_text(saved)
    assert saved.stat().st_mode & 0o077 == 0
    status, out, _ = run(capsys, "printers", "--db", str(event_db))
    assert f"badges saved as PDF files in {saved.parent}" in out
