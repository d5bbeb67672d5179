"""Event kiosk: on-site check-in with a local roster and printed name badges."""

__version__ = "0.1.0"
