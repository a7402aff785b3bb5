"""Quality tools, not part of any mode: self-test, screen tour and screenshots."""
