"""Arrival alerts and flagged check-ins sent to a webhook receiver."""
