"""The kiosk's screens. Each emits intentions; only the flow controller switches screens."""
