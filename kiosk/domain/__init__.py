"""The check-in rules in plain Python: no Qt, no SQL.

The records are in kiosk.domain.models, the scan decision in kiosk.domain.rules.
"""
