"""The kiosk's screens, one a file. Each emits intentions and runs its own
timers between `on_enter` and `on_leave`; only the flow (through the screen
manager) switches screens."""
