"""Entry script for frozen builds: the same as the `journeycanvas` command."""

import sys

from journeycanvas.cli import main

sys.exit(main())
