"""QtGui-only drawing: QR images, stands and posters to PNG/SVG/PDF (no widgets)."""
