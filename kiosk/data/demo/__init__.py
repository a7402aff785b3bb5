"""Invented demo content for 반송큰시장 (Busan) and 동문재래시장 (Jeju); no real merchants."""
