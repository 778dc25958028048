"""Test-wide setup: Qt draws offscreen so that the suite runs without a display."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
