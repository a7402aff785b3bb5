"""Onboarding use cases: the checklist loaded once, steps read and saved, exports, reports."""
