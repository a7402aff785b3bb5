"""The tourist's phone pages: a static website per market in five languages (`publish`)."""
