"""Colours and sizes: one stylesheet built from a theme, a scale and a text size.

Sizes are in "units": one unit is a pixel on a 1024 x 600 screen and grows
with the shorter side of the window, so the layout keeps its proportions from
a small landscape panel to a 4K portrait screen. Touch targets never go below
64 px whatever the scale.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace

from PySide6.QtGui import QColor

MIN_TOUCH_PX = 64
BASE_SHORT_SIDE = 600
LARGE_TEXT_FACTOR = 1.35


class ThemeName(enum.StrEnum):
    STANDARD = "standard"
    HIGH_CONTRAST = "high_contrast"


@dataclass(frozen=True, slots=True)
class Theme:
    name: ThemeName
    background: str
    surface: str
    text: str
    muted: str
    primary: str
    on_primary: str
    success: str
    warning: str
    danger: str
    border: str
    focus: str

    def tone(self, kind: str) -> str:
        """Colour of a result kind: success, warning or danger."""
        return {"success": self.success, "warning": self.warning, "danger": self.danger}[kind]


STANDARD = Theme(
    ThemeName.STANDARD,
    background="#f4f6f9",
    surface="#ffffff",
    text="#16202b",
    muted="#4a5765",
    primary="#1f5fa8",
    on_primary="#ffffff",
    success="#17803d",
    warning="#a15c00",
    danger="#b3261e",
    border="#c5ccd4",
    focus="#f0a500",
)
# Black and white with yellow actions: every pair is well past WCAG AAA (7:1).
HIGH_CONTRAST = Theme(
    ThemeName.HIGH_CONTRAST,
    background="#000000",
    surface="#000000",
    text="#ffffff",
    muted="#ffffff",
    primary="#ffd400",
    on_primary="#000000",
    success="#5cff8d",
    warning="#ffd400",
    danger="#ff8a80",
    border="#ffffff",
    focus="#00e5ff",
)


def theme_for(name: str, event_color: str = "") -> Theme:
    if name == ThemeName.HIGH_CONTRAST:
        return HIGH_CONTRAST
    color = QColor(event_color)
    if not event_color or not color.isValid():
        return STANDARD
    # White text must stay readable on the event's colour: darken light colours.
    while color.lightnessF() > 0.45:
        color = color.darker(115)
    return replace(STANDARD, primary=color.name())


def scale_for(width: int, height: int) -> float:
    return max(1.0, min(width, height) / BASE_SHORT_SIDE)


@dataclass(frozen=True, slots=True)
class Metrics:
    """Pixel sizes for one window size and text size."""

    unit: float
    text_factor: float
    width: int = 1024
    height: int = 600

    def px(self, units: float) -> int:
        return round(units * self.unit)

    def font(self, units: float) -> int:
        return round(units * self.unit * self.text_factor)

    @property
    def touch(self) -> int:
        return max(MIN_TOUCH_PX, self.px(64))

    @property
    def landscape(self) -> bool:
        return self.width >= self.height

    @property
    def spacing(self) -> int:
        return max(4, self.px(6))


def metrics_for(width: int, height: int, large_text: bool) -> Metrics:
    factor = LARGE_TEXT_FACTOR if large_text else 1.0
    return Metrics(scale_for(width, height), factor, width, height)


def stylesheet(theme: Theme, m: Metrics) -> str:
    t = theme
    border = max(2, m.px(2))
    pad_v = m.px(6)
    # Qt's min-height counts the content only: take padding and border off so
    # the whole button is exactly one touch target high.
    inner = m.touch - 2 * (pad_v + border)
    key_inner = m.touch - 2 * border
    return f"""
QWidget#kioskRoot, QStackedWidget, QWidget[screen="true"] {{
    background: {t.background}; color: {t.text};
}}
QLabel {{ color: {t.text}; font-size: {m.font(22)}px; background: transparent; }}
QLabel[role="title"] {{ font-size: {m.font(44)}px; font-weight: 700; }}
QLabel[role="headline"] {{ font-size: {m.font(38)}px; font-weight: 700; }}
QLabel[role="event"] {{ font-size: {m.font(26)}px; font-weight: 600; }}
QLabel[role="body"] {{ font-size: {m.font(24)}px; }}
QLabel[role="muted"] {{ font-size: {m.font(18)}px; color: {t.muted}; }}
QLabel[role="status"] {{ font-size: {m.font(15)}px; color: {t.muted}; }}
QLabel[role="countdown"] {{ font-size: {m.font(20)}px; color: {t.muted}; }}
QLabel[role="pinDots"] {{ font-size: {m.font(40)}px; letter-spacing: {m.px(8)}px; }}
QLabel[role="field"] {{
    font-size: {m.font(30)}px; background: {t.surface}; color: {t.text};
    border: {max(2, m.px(2))}px solid {t.border}; border-radius: {m.px(10)}px;
    padding: {m.px(8)}px {m.px(14)}px;
}}
QPushButton {{
    min-height: {inner}px; min-width: {inner}px;
    font-size: {m.font(22)}px; font-weight: 600;
    color: {t.text}; background: {t.surface};
    border: {border}px solid {t.border}; border-radius: {m.px(12)}px;
    padding: {pad_v}px {m.px(18)}px;
}}
QPushButton:focus {{ border: {max(3, m.px(3))}px solid {t.focus}; }}
QPushButton:pressed {{ background: {t.border}; }}
QPushButton:disabled {{ color: {t.muted}; border-style: dashed; }}
QPushButton[role="primary"] {{
    color: {t.on_primary}; background: {t.primary}; border-color: {t.primary};
    font-size: {m.font(26)}px;
}}
QPushButton[role="key"] {{
    font-size: {m.font(26)}px; padding: 0px;
    min-height: {key_inner}px; min-width: {key_inner}px;
}}
QPushButton[role="keyword"] {{
    font-size: {m.font(18)}px; padding: 0px;
    min-height: {key_inner}px; min-width: {key_inner}px;
}}
QPushButton[role="match"] {{ text-align: left; font-size: {m.font(22)}px; }}
QPushButton[role="small"] {{ font-size: {m.font(18)}px; padding: {pad_v}px {m.px(12)}px; }}
QPushButton[role="small"]:checked {{
    color: {t.on_primary}; background: {t.primary}; border-color: {t.text};
}}
QLineEdit {{
    min-height: {m.touch - 2 * border}px; font-size: {m.font(26)}px; color: {t.text};
    background: {t.surface}; border: {max(2, m.px(2))}px solid {t.border};
    border-radius: {m.px(10)}px; padding: 0px {m.px(12)}px;
}}
QFrame[role="card"] {{
    background: {t.surface}; border: {max(1, m.px(1))}px solid {t.border};
    border-radius: {m.px(18)}px;
}}
"""


def console_stylesheet(theme: Theme, m: Metrics) -> str:
    """The help-desk console on the staff screen: desk-sized text, so its
    table, details and actions fit a small kiosk screen, and touch targets as
    big as everywhere else. Set on the console itself, it wins over the
    kiosk's stylesheet, which is made for a few words in large type."""
    t = theme
    border = max(1, m.px(1))
    pad_v = m.px(4)
    return f"""
QWidget {{ font-size: {m.font(15)}px; }}
QDialog, QTabWidget::pane {{ background: {t.background}; color: {t.text}; }}
QTabWidget::pane {{ border: {border}px solid {t.border}; }}
QTabBar::tab {{
    min-height: {m.touch - 2 * border}px; min-width: {m.px(96)}px; padding: 0px {m.px(14)}px;
    font-size: {m.font(16)}px; color: {t.text}; background: {t.background};
    border: {border}px solid {t.border}; border-bottom: none;
}}
QTabBar::tab:selected {{ background: {t.surface}; font-weight: 700; }}
QLabel {{ font-size: {m.font(15)}px; }}
QLabel[role="headline"] {{ font-size: {m.font(26)}px; font-weight: 700; }}
QLabel[role="muted"] {{ font-size: {m.font(13)}px; }}
QPushButton {{
    min-height: {m.touch - 2 * (pad_v + border)}px;
    font-size: {m.font(15)}px; font-weight: 600;
    border: {border}px solid {t.border}; border-radius: {m.px(8)}px;
    padding: {pad_v}px {m.px(10)}px;
}}
QPushButton:focus {{ border: {max(2, m.px(2))}px solid {t.focus}; }}
QPushButton:disabled {{ color: {t.muted}; border-style: dashed; }}
QGroupBox {{ color: {t.text}; }}
QLineEdit {{
    min-height: {m.touch - 2 * border}px; font-size: {m.font(16)}px;
    color: {t.text}; background: {t.surface};
    border: {border}px solid {t.border}; border-radius: {m.px(6)}px;
    padding: 0px {m.px(8)}px;
}}
QComboBox {{ min-height: {m.touch - 2 * border}px; font-size: {m.font(16)}px; }}
QTableView, QScrollArea, QScrollArea > QWidget > QWidget {{
    color: {t.text}; background: {t.surface};
    selection-color: {t.on_primary}; selection-background-color: {t.primary};
}}
"""
