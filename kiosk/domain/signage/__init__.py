"""The attract loop's content: slides built from a market's data, in five languages."""
