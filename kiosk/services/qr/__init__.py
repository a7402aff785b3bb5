"""QR use cases: a refused input, and a store's codes from input to verified code and file."""
