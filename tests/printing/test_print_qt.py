"""The Qt print path: QtPdf pages painted onto a PDF-file QPrinter."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from PIL import Image
from print_helpers import PDF_QUEUE, page_size_mm
from private_cups import PrivateCups
from pytestqt.qtbot import QtBot

from kiosk.printing import JobState, PrintQueue, PrintWorker
from kiosk.printing.backends import QtBackend
from kiosk.printing.backends.qt import printer_names
from kiosk.printing.documents import render_badge
from kiosk.store import Store

pytest.importorskip("PySide6.QtPdf", reason="QtPdf (the pyside6-pdf wheel) is not installed.")


def ocr(png: Path) -> str:
    done = subprocess.run(
        ["tesseract", str(png), "-", "--psm", "11"], capture_output=True, text=True, check=True
    )
    # Large bold letters sometimes come back with a space inside a word.
    return done.stdout.replace(" ", "")


def wait_for_output(cups: PrivateCups) -> bool:
    """The Qt path hands the job to CUPS and does not follow it: wait for
    CUPS to list the job completed (CUPS-PDF writes its file before that)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        done = subprocess.run(
            ["lpstat", "-W", "not-completed", "-o", PDF_QUEUE], capture_output=True, text=True
        )
        if cups.outputs() and not done.stdout.strip():
            return True
        time.sleep(0.05)
    return False


def test_qt_print_to_a_pdf_printer_keeps_the_badge_page_size_and_text(
    qtbot: QtBot, event_db: Path, tmp_path: Path
) -> None:
    if shutil.which("tesseract") is None:
        pytest.skip("Reading the printed text needs tesseract (Debian package tesseract-ocr).")
    store = Store.open(event_db)
    badge = render_badge(store, 1)
    output = tmp_path / "printed.pdf"
    backend = QtBackend(None, output_file=output)

    submission = backend.submit(
        badge.pdf, title="kiosk-test", width_mm=badge.width_mm, height_mm=badge.height_mm
    )

    assert submission.finished
    width, height = page_size_mm(output)
    assert abs(width - badge.width_mm) < 0.5 and abs(height - badge.height_mm) < 0.5
    # The Qt path prints pixels, not text objects: read the page back as a picture.
    page = pypdfium2.PdfDocument(str(output))[0]
    png = tmp_path / "printed.png"
    page.render(scale=300 / 72).to_pil().save(png)
    text = ocr(png)
    assert "Ada" in text and "Lovelace" in text
    # The QR code survives the trip through the raster path and still scans.
    codes = [found.text for found in zxingcpp.read_barcodes(Image.open(png))]
    assert "CODE0001" in codes


def test_qt_print_to_a_system_printer_reaches_cups_with_the_badge_page_size(
    qtbot: QtBot, pdf_printer: PrivateCups, event_db: Path, tmp_path: Path
) -> None:
    if shutil.which("tesseract") is None:
        pytest.skip("Reading the printed text needs tesseract (Debian package tesseract-ocr).")
    assert PDF_QUEUE in printer_names()  # Qt sees the private CUPS queue as a system printer
    queue = PrintQueue(Store.open(event_db))
    job_id = queue.enqueue(2)
    assert job_id is not None
    PrintWorker(event_db, f"qt:{PDF_QUEUE}").step(queue)
    job = queue.job(job_id)
    assert job is not None and job.state is JobState.DONE, job and job.error
    assert wait_for_output(pdf_printer)
    (output,) = pdf_printer.outputs()
    width, height = page_size_mm(output)
    assert abs(width - 101.6) < 0.5 and abs(height - 76.2) < 0.5
    png = tmp_path / "printed.png"
    pypdfium2.PdfDocument(str(output))[0].render(scale=300 / 72).to_pil().save(png)
    text = ocr(png)
    assert "Grace" in text and "Hopper" in text
