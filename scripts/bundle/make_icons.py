"""Render the application icon (resources/icons/kiosk.svg) as PNG and ICO for the bundle.

python scripts/bundle/make_icons.py OUT_DIR
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SOURCE = Path(__file__).resolve().parents[2] / "resources" / "icons" / "kiosk.svg"


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(SOURCE)).render(painter)
    painter.end()
    return image


def main(out: Path) -> None:
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (Qt needs one)
    out.mkdir(parents=True, exist_ok=True)
    for name in ("kiosk.png", "kiosk.ico"):
        if not render(256).save(str(out / name)):
            sys.exit(f"could not write {out / name}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
