"""The parts of the services door, one responsibility each (docs/architecture.md)."""
