"""The buyer's-e-mail mark travels through the hub, and an older hub gains its column."""

from __future__ import annotations

import psycopg
from sync_helpers import Hub
from test_sync_station import wait_for

from kiosk.io import import_roster
from kiosk.sync import open_synced_station

ROSTER = (
    "Order code,Position ID,Email,Product,Attendee name,Attendee email,Ticket secret\r\n"
    "B1,1,buyer@example.org,Delegate,Amara Okonkwo,,pretix-s-1\r\n"
)


def test_an_imported_buyers_email_reaches_another_station_marked(hub: Hub, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # A hub made before the mark existed (and before hubs recorded a schema
    # version): the first station to connect adds it.
    with psycopg.connect(hub.url, autocommit=True) as conn:
        conn.execute("ALTER TABLE attendees DROP COLUMN email_from")
        conn.execute("DELETE FROM kiosk_meta WHERE key = 'schema_version'")
    one = open_synced_station(hub.station_db("one"), hub.url, name="one")
    two = open_synced_station(hub.station_db("two"), hub.url, name="two")
    try:
        roster = tmp_path / "pretix.csv"
        roster.write_text(ROSTER, encoding="utf-8")
        import_roster(one.store, roster)
        wait_for(lambda: one.status().waiting == 0, "station one's import to upload")
        wait_for(
            lambda: two.store.attendee_by_code("pretix-s-1") is not None,
            "the imported attendee to reach station two",
        )
        amara = two.store.attendee_by_code("pretix-s-1")
        assert amara is not None
        assert (amara.email, amara.email_is_buyers) == ("buyer@example.org", True)
    finally:
        one.close()
        two.close()
    with psycopg.connect(hub.url) as conn:
        assert conn.execute(
            "SELECT email, email_from FROM attendees WHERE code = 'pretix-s-1'"
        ).fetchone() == ("buyer@example.org", "buyer")
        # Rows the hub had before its upgrade read as the attendee's own.
        assert conn.execute("SELECT count(*) FROM attendees WHERE email_from = ''").fetchone() == (
            len(hub.codes),
        )
