"""The help-desk console: live search, details, actions and the live overview."""
