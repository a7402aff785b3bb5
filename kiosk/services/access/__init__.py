"""Sign-in: manager password and store PINs, throttled tries, the one-time set-up code."""
