"""Queueing an admission's alerts for the webhook, inside the check-in's transaction."""

from __future__ import annotations

from kiosk.alerts.webhook import body_of
from kiosk.domain.alerts import alerts_for
from kiosk.domain.models import Attendee, LogEntry
from kiosk.store import Store
from kiosk.store.webhooks import queue_webhook

URL_SETTING = "alerts.webhook_url"


def queue_alerts(store: Store, attendee: Attendee, entry: LogEntry, event_name: str) -> bool:
    """Queue a webhook for each alert this admission raises, when webhooks are
    on; returns whether anything was queued."""
    if not (store.setting(URL_SETTING) or "").strip():
        return False
    alerts = alerts_for(attendee, entry)
    for alert in alerts:
        queue_webhook(store, alert.id, body_of(alert, event_name))
    return bool(alerts)
