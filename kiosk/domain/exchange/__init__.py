"""Listings files (CSV and XLSX): the format, reading cells and rows, writing, import plans."""
