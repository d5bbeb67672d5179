"""The Qt print path: QtPdf pages painted onto a PDF-file QPrinter."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from PIL import Image
from print_helpers import page_size_mm
from pytestqt.qtbot import QtBot

from kiosk.printing.backends import QtBackend
from kiosk.printing.render import render_badge
from kiosk.store import Store

pytest.importorskip("PySide6.QtPdf", reason="QtPdf (the pyside6-pdf wheel) is not installed.")


def ocr(png: Path) -> str:
    done = subprocess.run(
        ["tesseract", str(png), "-", "--psm", "11"], capture_output=True, text=True, check=True
    )
    return done.stdout


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
