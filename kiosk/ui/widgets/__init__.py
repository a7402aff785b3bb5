"""Small reusable widgets: big button, language bar, store card, price row, QR card, status pill."""
