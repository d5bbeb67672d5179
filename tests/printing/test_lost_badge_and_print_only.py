"""kiosk reissue (a lost badge replaced, the new badge printed) and kiosk scan
--print-only (badges for scanned codes, nobody admitted), through the real
print path: the `none` printer's PDF folder and a private CUPS-PDF."""

from __future__ import annotations

import io
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

import pypdfium2
import pytest
import zxingcpp
from print_helpers import PDF_QUEUE, pdf_text
from private_cups import PrivateCups
from pypdf.errors import PyPdfError as PdfError

from kiosk.cli import main
from kiosk.printing import JobKind, PrintQueue, PrintWorker
from kiosk.store import Store
from kiosk.store.audit import audit_entries
from kiosk.store.replaced import replaced_codes


def run(
    capsys: pytest.CaptureFixture[str], *argv: str, stdin: str | None = None
) -> tuple[int, str, str]:
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode()))
    try:
        status = main(list(argv))
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    return status, out, err


def qr_codes(pdf: Path) -> list[str]:
    page = pypdfium2.PdfDocument(pdf)[0]
    image = page.render(scale=300 / 72).to_pil()
    return [r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def saved_pdf(out: str) -> Path:
    match = re.search(r"saved as (\S+\.pdf)", out)
    assert match, out
    return Path(match.group(1))


def scan(
    capsys: pytest.CaptureFixture[str], db: Path, *codes: str, extra: tuple[str, ...] = ()
) -> list[dict[str, Any]]:
    status, out, err = run(capsys, "scan", "--db", str(db), *extra, stdin="\n".join(codes) + "\n")
    assert status == 0, err
    return [json.loads(line) for line in out.splitlines()]


def test_reissue_prints_the_new_code_and_the_old_one_answers_replaced(
    event_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "reissue", "CODE0001", "--db", str(event_db),
                           "--printer", "none", "--operator", "Sam")  # fmt: skip
    assert status == 0, err
    store = Store.open(event_db)
    ada = store.attendee(1)
    assert ada is not None and ada.code != "CODE0001"
    assert f"new code: {ada.code}" in out
    # The badge the print path made carries the new code, and the name.
    pdf = saved_pdf(out)
    assert qr_codes(pdf) == [ada.code]
    assert "Lovelace" in pdf_text(pdf)
    (kept,) = replaced_codes(store, 1)
    assert (kept.code, kept.station, kept.operator) == ("CODE0001", "cli", "Sam")
    assert [(a.action, a.operator) for a in audit_entries(store, 1)] == [("reissue", "Sam")]

    (old, new) = scan(capsys, event_db, "CODE0001", ada.code)
    assert old["result"] == "replaced" and old["attendee"]["id"] == 1
    assert new["result"] != "replaced" and new["attendee"]["id"] == 1
    assert store.log_entries() == []  # the test event's days are past: nobody admitted


def test_a_second_reissue_is_a_counted_reprint(
    event_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(event_db)
    assert run(capsys, "reissue", "CODE0002", "--db", db, "--printer", "none")[0] == 0
    second = Store.open(event_db).attendee(2)
    assert second is not None
    status, out, err = run(capsys, "reissue", second.code, "--db", db, "--printer", "none")
    assert status == 0, err
    third = Store.open(event_db).attendee(2)
    assert third is not None and qr_codes(saved_pdf(out)) == [third.code]
    queue = PrintQueue(Store.open(event_db))
    assert [job.kind for job in queue.jobs(attendee_id=2)] == [JobKind.AUTO, JobKind.REPRINT]
    assert queue.printed_count(2) == 2


@pytest.mark.parametrize(
    ("code", "said"),
    [("NOBODY", "No attendee has that code."), ("CANCELLED", "cancelled registration")],
)
def test_reissue_refuses_unknown_and_cancelled_codes_in_one_sentence(
    event_db: Path, capsys: pytest.CaptureFixture[str], code: str, said: str
) -> None:
    store = Store.open(event_db)
    store.add_attendee({"code": "CANCELLED", "first_name": "Tom", "status": "cancelled"})
    status, _, err = run(capsys, "reissue", code, "--db", str(event_db), "--printer", "none")
    assert status == 2
    assert said in err and len(err.strip().splitlines()) == 1
    assert PrintQueue(store).jobs() == []


def test_reissue_of_a_replaced_code_says_to_use_the_newest(
    event_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(event_db)
    assert run(capsys, "reissue", "CODE0003", "--db", db, "--printer", "none")[0] == 0
    status, _, err = run(capsys, "reissue", "CODE0003", "--db", db, "--printer", "none")
    assert status == 2 and "replaced already" in err


def test_print_only_prints_through_cups_and_admits_nobody(
    pdf_printer: PrivateCups, event_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store.open(event_db)
    store.add_attendee({"code": "CANCELLED", "first_name": "Tom", "status": "cancelled"})
    assert main(["reissue", "CODE0003", "--db", str(event_db), "--printer", "none"]) == 0
    capsys.readouterr()
    before = store.data_version(), store.log_entries()
    answers = scan(
        capsys, event_db, "CODE0001", "CODE0001", "NOBODY", "CANCELLED", "CODE0003",
        extra=("--print-only", "--printer", f"cups:{PDF_QUEUE}"),
    )  # fmt: skip
    assert [a["result"] for a in answers] == [
        "badge_printed", "already_printed", "unknown_code", "cancelled", "replaced",
    ]  # fmt: skip
    printed = answers[0]["badge"]
    assert printed["reprint"] is False and printed["state"] in ("sent", "done"), printed
    # The second badge is refused with the count: one on its way or given.
    assert answers[1]["badge"] is None
    assert answers[1]["printed_before"] + answers[1]["waiting"] == 1
    assert all(a["badge"] is None for a in answers[2:])
    assert store.log_entries() == before[1] == []
    queue = PrintQueue(store)
    _wait_until_printed(queue, event_db, attendee_id=1)
    assert "Lovelace" in _finished_text(pdf_printer)
    assert [j.kind for j in queue.jobs(attendee_id=1)] == [JobKind.AUTO]
    assert queue.jobs(attendee_id=4) == []  # the cancelled registration: no badge


def _wait_until_printed(queue: PrintQueue, db: Path, attendee_id: int) -> None:
    """CUPS finishes the job on its own time; follow it as a running kiosk would."""
    follower = PrintWorker(db, "none")
    deadline = time.monotonic() + 30
    while queue.printed_count(attendee_id) == 0:
        assert time.monotonic() < deadline, "CUPS did not finish the badge"
        follower.refresh(queue)
        time.sleep(0.05)


def _finished_text(printer: PrivateCups) -> str:
    """The text of CUPS-PDF's one file: it writes it after CUPS calls the job
    complete, so a read may meet it half-written and is tried again."""
    deadline = time.monotonic() + 30
    while True:
        outputs = printer.outputs()
        try:
            if len(outputs) == 1:
                return pdf_text(outputs[0])
        except PdfError:
            pass
        assert time.monotonic() < deadline, f"CUPS-PDF wrote no whole file: {outputs}"
        time.sleep(0.05)


def test_print_only_with_reprint_prints_a_second_badge_counted_as_a_reprint(
    event_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = ("--print-only", "--printer", "none")
    first, refused = scan(capsys, event_db, "CODE0002", "CODE0002", extra=extra)
    assert (first["result"], refused["result"]) == ("badge_printed", "already_printed")
    assert refused["printed_before"] == 1
    (again,) = scan(capsys, event_db, "CODE0002", extra=(*extra, "--reprint"))
    assert again["result"] == "badge_printed"
    assert again["badge"]["reprint"] is True and again["printed_before"] == 1
    assert qr_codes(Path(again["badge"]["file"])) == ["CODE0002"]
    queue = PrintQueue(Store.open(event_db))
    assert [j.kind for j in queue.jobs(attendee_id=2)] == [JobKind.AUTO, JobKind.REPRINT]
    assert queue.printed_count(2) == 2
    assert Store.open(event_db).log_entries() == []


def test_print_only_refuses_exit_and_session_modes(
    event_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "scan", "--db", str(event_db), "--print-only", "--exit", stdin="")
    assert status == 2 and "admits nobody" in err
