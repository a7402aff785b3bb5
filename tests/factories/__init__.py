"""Test support: invented markets of any size and DEMO payment payloads (never shipped)."""
