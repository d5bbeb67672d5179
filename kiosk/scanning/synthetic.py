"""Camera frames made from pictures of QR codes, for machines with no camera.

Tests and the benchmark push these through the same `QVideoSink` a camera
feeds: a small code far away, a tilted one, a faded print and a phone held up
to the lens (perspective, glare, blur and sensor noise).
"""

from __future__ import annotations

import random

import qrcode
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QLinearGradient,
    QPainter,
    QPolygonF,
    QTransform,
)

FRAME_SIZE = (1280, 720)


def qr_image(text: str, module_px: int, dark: str = "#000000", light: str = "#ffffff") -> QImage:
    """A QR code with a four-module quiet zone, `module_px` pixels per module."""
    code = qrcode.QRCode(border=4, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    matrix = code.get_matrix()
    side = len(matrix) * module_px
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor(light))
    painter = QPainter(image)
    for y, row in enumerate(matrix):
        for x, dark_module in enumerate(row):
            if dark_module:
                painter.fillRect(x * module_px, y * module_px, module_px, module_px, QColor(dark))
    painter.end()
    return image


def _frame(background: str = "#9a948a") -> QImage:
    frame = QImage(*FRAME_SIZE, QImage.Format.Format_RGB32)
    frame.fill(QColor(background))
    return frame


def _place(frame: QImage, image: QImage, transform: QTransform | None = None) -> QImage:
    painter = QPainter(frame)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    centre = QTransform().translate(frame.width() / 2, frame.height() / 2)
    painter.setTransform((transform or QTransform()) * centre)
    painter.drawImage(QPointF(-image.width() / 2, -image.height() / 2), image)
    painter.end()
    return frame


def small_code(text: str) -> QImage:
    """A code about 110 px wide in a 1280 x 720 frame: held at arm's length."""
    return _place(_frame(), qr_image(text, 3))


def rotated_code(text: str, degrees: float = 33.0) -> QImage:
    return _place(_frame(), qr_image(text, 6), QTransform().rotate(degrees))


def low_contrast_code(text: str) -> QImage:
    """A faded print: grey on light grey, about a quarter of full contrast."""
    return _place(_frame("#a8a8a8"), qr_image(text, 6, dark="#7c7c7c", light="#bdbdbd"))


def phone_photo(text: str, seed: int = 7) -> QImage:
    """A phone showing the ticket, tilted towards the camera, with glare and noise."""
    screen = QImage(360, 640, QImage.Format.Format_RGB32)
    screen.fill(QColor("#f2f2f2"))
    painter = QPainter(screen)
    painter.fillRect(0, 0, 360, 70, QColor("#1f5fa8"))
    code = qr_image(text, 7)
    painter.drawImage(QRectF(30, 150, 300, 300), code)
    painter.end()

    phone = QImage(400, 720, QImage.Format.Format_ARGB32)
    phone.fill(Qt.GlobalColor.transparent)
    painter = QPainter(phone)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#111111"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(0, 0, 400, 720, 40, 40)
    painter.drawImage(20, 40, screen)
    painter.end()

    frame = _frame("#6d6458")
    source = QPolygonF([QPointF(0, 0), QPointF(400, 0), QPointF(400, 720), QPointF(0, 720)])
    # Top edge leaning away from the camera: a trapezoid, as in a real photo.
    target = QPolygonF([QPointF(470, 40), QPointF(800, 70), QPointF(850, 690), QPointF(420, 660)])
    transform = QTransform()
    assert QTransform.quadToQuad(source, target, transform)
    painter = QPainter(frame)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.setTransform(transform)
    painter.drawImage(0, 0, phone)
    painter.resetTransform()
    glare = QLinearGradient(400, 0, 900, 720)
    glare.setColorAt(0.0, QColor(255, 255, 255, 0))
    glare.setColorAt(0.45, QColor(255, 255, 255, 90))
    glare.setColorAt(0.6, QColor(255, 255, 255, 0))
    painter.fillRect(frame.rect(), glare)
    painter.end()
    # Out of focus: down and up again.
    blurred = frame.scaled(640, 360, mode=Qt.TransformationMode.SmoothTransformation).scaled(
        *FRAME_SIZE, mode=Qt.TransformationMode.SmoothTransformation
    )
    return _noise(blurred.convertToFormat(QImage.Format.Format_RGB32), seed)


def _noise(image: QImage, seed: int, amount: int = 18) -> QImage:
    """Sensor noise on a sparse grid of pixels (cheap, but enough to upset thresholds)."""
    rng = random.Random(seed)
    for _ in range(image.width() * image.height() // 12):
        x, y = rng.randrange(image.width()), rng.randrange(image.height())
        color = image.pixelColor(x, y)
        delta = rng.randint(-amount, amount)
        image.setPixelColor(
            x,
            y,
            QColor(
                max(0, min(255, color.red() + delta)),
                max(0, min(255, color.green() + delta)),
                max(0, min(255, color.blue() + delta)),
            ),
        )
    return image


def empty_frame() -> QImage:
    return _frame()
