"""Result icons drawn in code: a shape and a symbol, so colour is never the only signal."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


class IconBadge(QWidget):
    """A filled circle (check), rounded square (info) or octagon (stop) with a symbol."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = "check"
        self.color = QColor("#17803d")
        self.symbol_color = QColor("#ffffff")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedSize(96, 96)

    def set_icon(self, kind: str, color: str, symbol_color: str, size: int) -> None:
        self.kind, self.color, self.symbol_color = kind, QColor(color), QColor(symbol_color)
        self.setFixedSize(QSize(size, size))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height())
        box = QRectF(0, 0, side, side).adjusted(2, 2, -2, -2)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.color)
        if self.kind == "check":
            p.drawEllipse(box)
        elif self.kind == "info":
            p.drawRoundedRect(box, side * 0.2, side * 0.2)
        else:
            p.drawPath(_octagon(box))
        pen = QPen(self.symbol_color, side * 0.1)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        s = side
        if self.kind == "check":
            path = QPainterPath(QPointF(s * 0.28, s * 0.52))
            path.lineTo(s * 0.44, s * 0.68)
            path.lineTo(s * 0.72, s * 0.36)
            p.drawPath(path)
        elif self.kind == "info":
            p.drawLine(QPointF(s * 0.5, s * 0.45), QPointF(s * 0.5, s * 0.72))
            p.drawPoint(QPointF(s * 0.5, s * 0.28))
        else:
            p.drawLine(QPointF(s * 0.34, s * 0.34), QPointF(s * 0.66, s * 0.66))
            p.drawLine(QPointF(s * 0.66, s * 0.34), QPointF(s * 0.34, s * 0.66))
        p.end()


def _octagon(box: QRectF) -> QPainterPath:
    cut = box.width() * 0.29
    x0, y0, x1, y1 = box.left(), box.top(), box.right(), box.bottom()
    points = [
        (x0 + cut, y0), (x1 - cut, y0), (x1, y0 + cut), (x1, y1 - cut),
        (x1 - cut, y1), (x0 + cut, y1), (x0, y1 - cut), (x0, y0 + cut),
    ]  # fmt: skip
    path = QPainterPath(QPointF(*points[0]))
    for point in points[1:]:
        path.lineTo(QPointF(*point))
    path.closeSubpath()
    return path
