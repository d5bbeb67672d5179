"""Alerts through the hub: a flag set at one station reaches the other, and a
flagged or watched attendee's check-in at one station raises the alert on the
other station's consoles (which read their own copy of the log)."""

from __future__ import annotations

import datetime as dt

from sync_helpers import Hub
from test_sync_station import wait_for

from kiosk.domain.alerts import AlertKind
from kiosk.store.alerts import open_alerts, set_flag
from kiosk.sync import open_synced_station

LONG_AGO = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def test_a_check_in_at_one_station_raises_its_alerts_at_another(hub: Hub) -> None:
    one = open_synced_station(hub.station_db("door-1"), hub.url, name="door-1")
    two = open_synced_station(hub.station_db("desk"), hub.url, name="desk")
    code = hub.codes[7]
    try:
        speaker = one.store.attendee_by_code(code)
        assert speaker is not None
        set_flag(
            one.store,
            speaker.id,
            note="speaker: send to green room",
            notify=True,
            station="door-1",
            operator="vol-1",
        )
        wait_for(
            lambda: (two.store.attendee_by_code(code) or speaker).notify,
            "the flag to reach the other station",
        )
        assert one.scan(code).see_desk
        wait_for(lambda: len(open_alerts(two.store, LONG_AGO)) == 2, "the alerts at the desk")
        alerts = open_alerts(two.store, LONG_AGO)
        assert {alert.kind for alert in alerts} == {AlertKind.SEE_DESK, AlertKind.ARRIVAL}
        assert {alert.station for alert in alerts} == {"door-1"}
        assert {alert.note for alert in alerts} == {"speaker: send to green room"}
    finally:
        one.close()
        two.close()
