"""Scanning input: keyboard-wedge scanners and the camera, each emitting cleaned codes."""

from kiosk.scanning import qtfix

qtfix.install()
