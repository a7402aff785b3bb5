"""Use cases the UI and CLI call: one keyword-only function per user action (no Qt)."""
