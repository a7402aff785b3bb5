"""The attract loop: slides drawn from the market's data while nobody uses the kiosk."""
