"""Decoding QR codes from camera frames with zxing-cpp (off the GUI thread)."""

from __future__ import annotations

import importlib.util
import logging
import threading
import time

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QVideoFrame

log = logging.getLogger("kiosk.scan")

# Frames are scaled down to this width before decoding: a ticket QR held up to
# a camera is large in the picture, and a smaller image decodes several times faster.
DECODE_WIDTH = 960


def decoder_available() -> bool:
    return importlib.util.find_spec("zxingcpp") is not None


def decode_image(image: QImage) -> list[str]:
    """The texts of the QR codes in `image` (grayscale-converted, scaled)."""
    import zxingcpp

    if image.width() > DECODE_WIDTH:
        image = image.scaledToWidth(DECODE_WIDTH)
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    view = memoryview(gray.constBits()).cast("B", (gray.height(), gray.bytesPerLine()))
    # Rows may be padded to 4 bytes; crop the padding off with an ImageView.
    barcodes = zxingcpp.read_barcodes(
        zxingcpp.ImageView(view, gray.width(), gray.height(), zxingcpp.ImageFormat.Lum),
        formats=zxingcpp.BarcodeFormat.QRCode,
        # QR finder patterns work at any angle; the extra rotated passes are for 1D codes.
        try_rotate=False,
    )
    return [barcode.text for barcode in barcodes if barcode.valid]


class FrameDecoder(QObject):
    """Lives in a worker thread; always decodes the newest frame, dropping stale ones.

    `offer()` is called from whatever thread delivers frames; it stores the
    frame and wakes the worker only if it is idle, so a slow decode never
    builds a backlog of old frames.
    """

    decoded = Signal(str, float)  # code, seconds from frame arrival to result
    preview = Signal(QImage)
    _wake = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._pending: tuple[QVideoFrame, float] | None = None
        self._busy = False
        self._wake.connect(self._work)
        self.decodes = 0
        self.worker_thread_id: int | None = None  # where decoding last ran

    def offer(self, frame: QVideoFrame) -> None:
        with self._lock:
            self._pending = (QVideoFrame(frame), time.perf_counter())
            if self._busy:
                return
            self._busy = True
        self._wake.emit()

    @Slot()
    def _work(self) -> None:
        self.worker_thread_id = threading.get_ident()
        while True:
            with self._lock:
                item, self._pending = self._pending, None
                if item is None:
                    self._busy = False
                    return
            frame, arrived = item
            try:
                image = frame.toImage()
                if image.isNull():
                    continue
                self.preview.emit(image.scaledToWidth(min(640, image.width())))
                codes = decode_image(image)
            except Exception:
                log.exception("camera frame could not be decoded")
                continue
            self.decodes += 1
            for code in codes:
                self.decoded.emit(code, time.perf_counter() - arrived)
