"""argparse's own words (``usage:``, ``options``, its error messages) from our catalogues.

argparse translates through the gettext module's global domain, which reads compiled
``.mo`` files; JourneyCanvas ships ``.po`` catalogues read by ``journeycanvas.i18n``. So
the command line points argparse's lookup at ours (`speak_through_our_catalogues`), and
the messages argparse asks for are listed here for the catalogue update to find.
"""

from __future__ import annotations

import argparse

from journeycanvas.i18n import gettext, ngettext


def N_(text: str) -> str:
    """Mark `text` for translation (the catalogue update finds it); returns it unchanged."""
    return text


ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
)
"""The messages of argparse (Python 3.11) a user of ``journeycanvas`` can meet."""


def speak_through_our_catalogues() -> None:
    """Make argparse look its words up in the interface language's catalogue."""
    # argparse calls the module globals `_` and `ngettext` (imported from gettext) each
    # time it words something: pointing them at ours is the one hook it offers.
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
