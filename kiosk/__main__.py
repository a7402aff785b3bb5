"""`python -m kiosk` runs the same command line as `market-kiosk`."""

import sys

from kiosk.cli import main

sys.exit(main())
