"""The one door to the data: ``Services`` (app.py) and the use cases behind it (no Qt)."""
