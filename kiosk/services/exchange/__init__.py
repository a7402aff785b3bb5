"""Listings files: import all-or-nothing and export (rules), bulk reads and writes, XLSX."""
