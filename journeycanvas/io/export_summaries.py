"""What a finished export says it wrote, in one line: "1 page, A1 landscape, map at 84%".

The command line prints it and the export dialog shows it, so it is worded in the
interface language (not the map's), with that language's plurals and number formats.
"""

from __future__ import annotations

from journeycanvas.i18n import _, current_language, format_number, format_percent, ngettext


def number(value: float) -> str:
    """A figure the interface language's way ("1 200" in Swedish)."""
    return format_number(value, current_language())


def oriented_paper(name: str, landscape: bool) -> str:
    """A named paper and its orientation: "A1 landscape"."""
    if landscape:
        return _("{paper} landscape").format(paper=name)
    return _("{paper} portrait").format(paper=name)


def paper_size(width_mm: float, height_mm: float) -> str:
    """A custom paper's size: "500 × 700 mm"."""
    width, height = number(round(width_mm, 1)), number(round(height_mm, 1))
    return _("{width} × {height} mm").format(width=width, height=height)


def _scale_note(scale: float | None) -> str:
    """The map's printed size: None is a blank canvas (always at true size)."""
    if scale is None:
        return _("blank canvas at true size")
    return _("map at {scale}").format(scale=format_percent(scale, current_language()))


def appendix_note(pages: int) -> str:
    """The appendix a summary ends with; empty without one."""
    if not pages:
        return ""
    return ngettext(
        ", and {count} appendix page with the cards of full cells",
        ", and {count} appendix pages with the cards of full cells",
        pages,
    ).format(count=number(pages))


def poster_summary(paper: str, scale: float | None, appendix_pages: int) -> str:
    """A poster (or blank canvas, `scale` None) on one page of `paper` ("A1 landscape")."""
    text = _("1 page, {paper}, {scale}").format(paper=paper, scale=_scale_note(scale))
    return text + appendix_note(appendix_pages)


def tiled_summary(
    *,
    width_mm: float,
    height_mm: float,
    scale: float | None,
    sheets: int,
    sheet: str,
    rows: int,
    columns: int,
    skipped: int,
    too_large_for: str | None,
    appendix_pages: int,
) -> str:
    """A poster tiled over `sheets` sheets of `sheet` (`skipped` blank ones left out), with
    an assembly page; `too_large_for` names the paper asked for when it was tiled because
    the poster did not fit it."""
    tiles = ngettext(
        "{count} sheet of {sheet} ({rows} × {columns})",
        "{count} sheets of {sheet} ({rows} × {columns})",
        sheets,
    ).format(count=number(sheets), sheet=sheet, rows=number(rows), columns=number(columns))
    if skipped:
        tiles += ngettext(
            ", {count} blank one skipped", ", {count} blank ones skipped", skipped
        ).format(count=number(skipped))
    text = _("a {width} × {height} mm poster ({scale}) on {tiles}, and an assembly page").format(
        width=number(round(width_mm)),
        height=number(round(height_mm)),
        scale=_scale_note(scale),
        tiles=tiles,
    )
    if too_large_for is not None:
        text = _("too large for one sheet of {paper}, so tiled: {summary}").format(
            paper=too_large_for, summary=text
        )
    return text + appendix_note(appendix_pages)


def handouts_summary(pages: int, paper: str, sections: int, per_persona: bool) -> str:
    """Handouts: `pages` pages of `paper` for `sections` stages or personas."""
    sheets = ngettext(
        "{count} {paper} page of handouts for {sections}",
        "{count} {paper} pages of handouts for {sections}",
        pages,
    )
    if per_persona:
        # Translators: {count} personas, said after "handouts for".
        what = ngettext("{count} persona", "{count} personas", sections)
    else:
        # Translators: {count} stages, said after "handouts for".
        what = ngettext("{count} stage", "{count} stages", sections)
    return sheets.format(
        count=number(pages), paper=paper, sections=what.format(count=number(sections))
    )


def cards_csv_summary(cards: int) -> str:
    """A CSV of `cards` cards."""
    return ngettext("{count} card, one row each", "{count} cards, one row each", cards).format(
        count=number(cards)
    )


def markdown_summary() -> str:
    """The Markdown report."""
    return _("Markdown report")


def picture_summary(file_format: str, cards: int) -> str:
    """A picture ("PNG", "SVG") of the map's `cards` cards."""
    return ngettext(
        "{format} picture of {count} card", "{format} picture of {count} cards", cards
    ).format(format=file_format, count=number(cards))
