"""The first-run setup wizard: event, roster, badge, printer, station."""
