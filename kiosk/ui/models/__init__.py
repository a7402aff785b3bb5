"""Thin Qt item-model adapters over the plain directory data of kiosk.domain.listing."""
