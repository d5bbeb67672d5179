"""Reusable widgets of the kiosk screens."""
