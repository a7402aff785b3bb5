"""Onboarding: step status and records, the checklist and its file, progress, profile links."""
