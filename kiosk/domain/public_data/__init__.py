"""Public data sets read into markets and stores: the national market list and SEMAS."""
