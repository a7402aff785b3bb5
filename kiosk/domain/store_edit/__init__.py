"""A store being edited: the draft and its labels, field checks, what changed and merging."""
