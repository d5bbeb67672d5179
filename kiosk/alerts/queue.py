"""Queueing an admission's alerts for the webhook, inside the check-in's transaction."""

from __future__ import annotations

from kiosk.alerts.webhook import body_of
from kiosk.domain.alerts import alerts_for
from kiosk.domain.models import Attendee, LogEntry
from kiosk.store import Store
from kiosk.store.webhooks import queue_webhook

URL_SETTING = "alerts.webhook_url"


def webhooks_on(store: Store) -> bool:
    """Whether this station queues webhooks (the URL is read once at start)."""
    return bool((store.setting(URL_SETTING) or "").strip())


def queue_alerts(store: Store, attendee: Attendee, entry: LogEntry, event_name: str) -> None:
    """Inside the check-in's transaction: a webhook for each alert this admission raises."""
    for alert in alerts_for(attendee, entry):
        queue_webhook(store, alert.id, body_of(alert, event_name))
