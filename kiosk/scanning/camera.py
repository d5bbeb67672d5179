"""The built-in camera: QCamera -> QVideoSink -> worker thread -> `scanned(code)`.

Tests and the benchmark feed frames into `sink` with `setVideoFrame`, the
same path a camera's frames take.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import (
    QCamera,
    QMediaCaptureSession,
    QMediaDevices,
    QVideoFrame,
    QVideoSink,
)

from kiosk.domain.codes import clean_scan
from kiosk.scanning.camera_status import CameraStatus
from kiosk.scanning.decoder import FrameDecoder, decoder_available
from kiosk.scanning.repeats import RepeatFilter

log = logging.getLogger("kiosk.scan")


class CameraScanner(QObject):
    scanned = Signal(str)
    preview = Signal(QImage)
    status_changed = Signal(object)  # CameraStatus

    def __init__(self, repeat_seconds: float = 4.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sink = QVideoSink(self)
        self.repeats = RepeatFilter(repeat_seconds)
        self.status = CameraStatus.NO_CAMERA
        self._camera: QCamera | None = None
        self._session: QMediaCaptureSession | None = None
        self._thread = QThread(self)
        self._thread.setObjectName("camera-decoder")
        self.decoder = FrameDecoder()
        self.decoder.moveToThread(self._thread)
        self.decoder.decoded.connect(self._on_decoded)
        self.decoder.preview.connect(self.preview)
        self.sink.videoFrameChanged.connect(self._on_frame)
        self._thread.start()

    def start_camera(self) -> CameraStatus:
        """Open the default camera if there is one; returns the new status."""
        if not decoder_available():
            return self._set_status(CameraStatus.NO_DECODER)
        inputs = QMediaDevices.videoInputs()
        if not inputs:
            return self._set_status(CameraStatus.NO_CAMERA)
        self._camera = QCamera(QMediaDevices.defaultVideoInput(), self)
        self._camera.errorOccurred.connect(self._on_camera_error)
        self._session = QMediaCaptureSession(self)
        self._session.setCamera(self._camera)
        self._session.setVideoSink(self.sink)
        self._camera.start()
        return self._set_status(CameraStatus.READY)

    def stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()
        self._thread.quit()
        self._thread.wait(2000)

    def _set_status(self, status: CameraStatus) -> CameraStatus:
        self.status = status
        self.status_changed.emit(status)
        log.info("camera status %s", status)
        return status

    def _on_camera_error(self, error: QCamera.Error, text: str) -> None:
        log.warning("camera error %s: %s", error, text)
        self._set_status(CameraStatus.ERROR)

    def _on_frame(self, frame: QVideoFrame) -> None:
        if frame.isValid():
            self.decoder.offer(frame)

    @Slot(str, float)
    def _on_decoded(self, text: str, seconds: float) -> None:
        code = clean_scan(text)
        if code is None or not self.repeats.accept(code):
            return
        log.info("camera scan decoded in %.0f ms", seconds * 1000)
        self.scanned.emit(code)
