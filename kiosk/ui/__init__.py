"""The self-service kiosk: screens (`views/`), the screen manager and the flow
that decides what comes next, theme and translations.

`kiosk.ui.app.run_kiosk` starts it; everything below is Qt Widgets.
"""

from kiosk.scanning import qtfix

qtfix.install()
