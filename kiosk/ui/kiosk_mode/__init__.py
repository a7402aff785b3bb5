"""Kiosk mode: a locked full-screen tourist window with idle reset (loaded only by ``kiosk``)."""
