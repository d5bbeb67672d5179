"""The self-service kiosk: screens, flow controller, theme and translations.

`kiosk.ui.app.run_kiosk` starts it; everything below is Qt Widgets.
"""

from kiosk.scanning import qtfix

qtfix.install()
