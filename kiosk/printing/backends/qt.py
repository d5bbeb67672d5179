"""The Qt print system: any printer the operating system knows, Windows included.

Pages are rasterised with QtPdf at the printer's own resolution and painted
onto a QPrinter whose page is exactly the badge's page, with no margins.
QPainter on a QPrinter is allowed outside the GUI thread, so the worker
thread prints directly; a Qt application object must exist (the kiosk's, or
the one the command line makes).
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.printing.backends.base import FinalBackend, PrinterInfo, PrintError, Submission

if TYPE_CHECKING:
    from PySide6.QtGui import QImage, QPageSize
    from PySide6.QtPrintSupport import QPrinter

log = logging.getLogger("kiosk.print")

# A page is painted as one image; past this many dots per inch the image of a
# large page would need hundreds of megabytes for no visible gain.
MAX_DPI = 1200


def printer_names() -> list[str]:
    try:
        from PySide6.QtPrintSupport import QPrinterInfo
    except ImportError:
        return []
    return [str(name) for name in QPrinterInfo.availablePrinterNames()]


class QtBackend(FinalBackend):
    """A printer by its system name, or (with `output_file`) a PDF file."""

    def __init__(self, printer_name: str | None, *, output_file: Path | None = None) -> None:
        self.printer_name = printer_name or ""
        self.output_file = output_file
        self.name = f"qt:{self.printer_name}" if output_file is None else f"qt-pdf:{output_file}"

    def _printer(self) -> QPrinter:
        from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

        if self.output_file is not None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(self.output_file))
            return printer
        info = QPrinterInfo.printerInfo(self.printer_name)
        if info.isNull():
            raise PrintError(f"The system has no printer called {self.printer_name!r}.")
        return QPrinter(info, QPrinter.PrinterMode.HighResolution)

    def submit(
        self, pdf: bytes, *, title: str, width_mm: float, height_mm: float, copies: int = 1
    ) -> Submission:
        from PySide6.QtCore import QCoreApplication

        if QCoreApplication.instance() is None:
            raise PrintError("Qt printing needs the kiosk application running.", transient=False)
        # QPdfDocument loads a file synchronously; an in-memory device may load
        # in the background, which a worker thread without an event loop
        # would never see finish.
        fd, name = tempfile.mkstemp(suffix=".pdf")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(pdf)
            self._print_file(Path(name), title, copies)
        finally:
            Path(name).unlink(missing_ok=True)
        return Submission(spooler_job_id=None, finished=True)

    def _print_file(self, path: Path, title: str, copies: int) -> None:
        from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF
        from PySide6.QtGui import QPageLayout, QPageSize, QPainter

        try:
            from PySide6.QtPdf import QPdfDocument
        except ImportError as error:
            raise PrintError(
                "Qt printing needs the PySide6 PDF module (pyside6-pdf).", transient=False
            ) from error

        document = QPdfDocument()
        load_error = document.load(str(path))
        if load_error != QPdfDocument.Error.None_ or document.pageCount() < 1:
            raise PrintError(f"Qt could not read the badge PDF ({load_error}).", transient=False)
        printer = self._printer()
        printer.setDocName(title)
        printer.setCopyCount(copies)
        printer.setFullPage(True)

        def lay_out(page: int) -> None:
            size = document.pagePointSize(page)
            layout = QPageLayout(
                QPageSize(
                    QSizeF(size.width(), size.height()),
                    QPageSize.Unit.Point,
                    "badge",
                    QPageSize.SizeMatchPolicy.ExactMatch,
                ),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
            if not printer.setPageLayout(layout):
                log.warning("printer %s refused page size %s", self.name, size)

        lay_out(0)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError(f"The printer {self.printer_name or self.output_file} is not ready.")
        try:
            for page in range(document.pageCount()):
                if page > 0:
                    lay_out(page)
                    printer.newPage()
                dpi = min(printer.resolution(), MAX_DPI)
                points = document.pagePointSize(page)
                pixels = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
                image = _on_white(document.render(page, pixels))
                target = printer.pageLayout().fullRectPixels(printer.resolution())
                painter.drawImage(QRectF(target), image)
        finally:
            painter.end()
        log.info("qt printed %d page(s) on %s", document.pageCount(), self.name)

    def info(self) -> PrinterInfo:
        try:
            from PySide6.QtPrintSupport import QPrinterInfo
        except ImportError as error:
            raise PrintError("Qt print support is not installed.", transient=False) from error
        info = QPrinterInfo.printerInfo(self.printer_name)
        if info.isNull():
            return PrinterInfo(name=self.name, state="missing")
        sizes = [size.name() for size in info.supportedPageSizes()]
        default = info.defaultPageSize()
        return PrinterInfo(
            name=self.name,
            description=info.description(),
            media=sizes,
            default_media=_pwg_name(default),
            state=str(info.state().name),
        )


def _on_white(image: QImage) -> QImage:
    """The page as an opaque picture. QtPdf leaves unpainted areas transparent,
    and a printer (or PDF writer) blending that alpha draws grey seams at the
    edges of every filled shape."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter

    opaque = QImage(image.size(), QImage.Format.Format_RGB32)
    opaque.setDotsPerMeterX(image.dotsPerMeterX())
    opaque.setDotsPerMeterY(image.dotsPerMeterY())
    opaque.fill(Qt.GlobalColor.white)
    painter = QPainter(opaque)
    painter.drawImage(0, 0, image)
    painter.end()
    return opaque


def _pwg_name(page_size: QPageSize) -> str:
    """A Qt page size as a PWG-style name ending in its size in millimetres."""
    from PySide6.QtGui import QPageSize as PageSize

    size = page_size.size(PageSize.Unit.Millimeter)
    key = page_size.key() or "custom"
    return f"qt_{key}_{size.width():g}x{size.height():g}mm"
