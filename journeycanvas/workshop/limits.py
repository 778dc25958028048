"""The limits a workshop keeps to: what one phone may send, how much and how fast."""

from __future__ import annotations

MAX_NOTE_CHARS = 500
"""The longest note a participant may send, in characters."""

MAX_NAME_CHARS = 40
"""The longest display name, in characters."""

MAX_PROMPT_CHARS = 300
"""The longest prompt the facilitator may show on the phones."""

MAX_MESSAGE_BYTES = 4096
"""The largest WebSocket message a phone may send; a larger one closes the connection."""

MAX_REQUEST_BYTES = 1024
"""The largest HTTP request body accepted (no route takes one)."""

MAX_PARTICIPANTS = 300
"""The most participants one workshop admits."""

MAX_NOTES_PER_PARTICIPANT = 300
"""The most notes one participant may add in one workshop."""

RATE_BURST = 30
"""How many messages a participant may send at once (a phone sending its offline queue)."""

RATE_PER_SECOND = 2.0
"""How fast a participant's allowance refills, in messages a second."""
