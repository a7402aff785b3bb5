"""The one door to the data: ``Services`` (app.py) and the use cases behind it (no Qt)."""

from kiosk.deferred_imports import defer_unused_imports

defer_unused_imports()  # before SQLAlchemy is imported (uow.py; kiosk.deferred_imports)
