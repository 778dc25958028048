"""A poster split over office sheets: an assembly page, then one sheet per grid cell.

The poster is drawn once, as a form XObject; each sheet clips to its part of the poster
and places the form (``doForm``), so a sheet costs a few operators, not a redraw. Sheets
overlap by `overlap` mm: cut a sheet's left and top margins off along the crop marks and
lay it over the dashed strips of its neighbours.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas

from journeycanvas.io.pdf.colors import FAINT, INK, MUTED, PAPER
from journeycanvas.io.pdf.paper import Paper, TileGrid
from journeycanvas.io.pdf.pen import Pen
from journeycanvas.io.pdf.words import Words
from journeycanvas.layout import MM_PER_PT, Rect
from journeycanvas.layout.text_blocks import text_block

SHEET_MARGIN_MM = 9.0
CROP_MARK_MM = 5.0
CROP_GAP_MM = 1.2
POSTER_FORM = "jc-poster"
LABEL_PT = 16.0
HINT_PT = 6.5

Drawer = Callable[[Pen], None]
"""Draws the poster in its own mm, y down."""


def write_tiles(
    canvas: Canvas,
    pen: Pen,
    grid: TileGrid,
    draw_poster: Drawer,
    title: str,
    words: Words,
    on_sheet: Callable[[], None] | None = None,
) -> None:
    """The assembly page and every sheet of the poster tiled as `grid` says, its notes
    in `words`' language.

    `draw_poster` runs once, into a form. `on_sheet` is called after each page.
    """
    canvas.beginForm(POSTER_FORM, 0, 0, grid.poster_w, grid.poster_h)
    pen.begin(None)
    draw_poster(pen)
    pen.end()
    canvas.endForm()
    _assembly_page(canvas, pen, grid, title, words)
    if on_sheet is not None:
        on_sheet()
    number = 0
    for row in range(grid.rows):
        for col in range(grid.cols):
            if not grid.prints(row, col):
                continue  # nothing of the poster on it
            number += 1
            _sheet_page(canvas, pen, grid, row, col, number, title, words)
            if on_sheet is not None:
                on_sheet()


def _start_page(canvas: Canvas, pen: Pen, paper: Paper) -> None:
    canvas.setPageSize(paper.size_pt)
    pen.begin(paper.height)


def _finish_page(canvas: Canvas, pen: Pen) -> None:
    pen.end()
    canvas.showPage()


def _sheet_page(
    canvas: Canvas,
    pen: Pen,
    grid: TileGrid,
    row: int,
    col: int,
    number: int,
    title: str,
    words: Words,
) -> None:
    sheet = grid.sheet
    m = grid.margin
    cell_w, cell_h = grid.cell_w, grid.cell_h
    ox, oy = grid.origin(row, col)
    _start_page(canvas, pen, sheet)
    pen.save()
    pen.clip(m, m, cell_w, cell_h)
    pen.form(POSTER_FORM, m - ox, m - oy, 1.0, 1.0)
    pen.restore()
    _overlap_guides(pen, grid, row, col, words)
    _crop_marks(pen, m, m, cell_w, cell_h)
    label = grid.label(row, col)
    pen.fill(INK)
    label_baseline = m - CROP_GAP_MM - 1.6
    pen.text(m + CROP_MARK_MM + 2, label_baseline, label, LABEL_PT, bold=True)
    label_w = pen.fonts.width(label, LABEL_PT, True) * MM_PER_PT
    info = words.gettext("Sheet {number} of {count} · row {row}, column {column}").format(
        number=words.number(number),
        count=words.number(grid.printed),
        row=words.number(row + 1),
        column=words.number(col + 1),
    )
    _hint(pen, f"{info} · {title}", m + CROP_MARK_MM + 4 + label_w, label_baseline, cell_w * 0.6)
    steps = _instructions(grid, row, col, words)
    _hint(pen, steps, m + CROP_MARK_MM + 2, sheet.height - m + 4.5, cell_w)
    _finish_page(canvas, pen)


def _instructions(grid: TileGrid, row: int, col: int, words: Words) -> str:
    """What to do with a sheet: which margins to cut, which neighbours it lies on."""
    left = grid.label(row, col - 1) if grid.prints(row, col - 1) else None
    top = grid.label(row - 1, col) if grid.prints(row - 1, col) else None
    if left and top:
        text = words.gettext(
            "✂ Cut off the left and top margins along the crop marks, then glue this sheet "
            "over the dashed strips of {left} and {top}."
        )
    elif left:
        text = words.gettext(
            "✂ Cut off the left margin along the crop marks, then glue this sheet "
            "over the dashed strip of {left}."
        )
    elif top:
        text = words.gettext(
            "✂ Cut off the top margin along the crop marks, then glue this sheet "
            "over the dashed strip of {top}."
        )
    else:
        text = words.gettext(
            "✂ Start here: trim the outer margins along the crop marks; "
            "the next sheets lie over the tinted strips."
        )
    return text.format(left=left, top=top)


def _hint(pen: Pen, text: str, x: float, baseline: float, width: float) -> None:
    block = text_block(pen.fonts, text, Rect(x, 0, width, 0), HINT_PT, 1.2, 1)
    pen.fill(MUTED)
    if block.lines:
        pen.text(x, baseline, block.lines[0], HINT_PT)


def _overlap_guides(pen: Pen, grid: TileGrid, row: int, col: int, words: Words) -> None:
    """Dashed lines where the next sheets' edges go, and a 'glue' note on each strip."""
    m, overlap = grid.margin, grid.overlap
    right, bottom = m + grid.cell_w, m + grid.cell_h
    if overlap <= 0:
        return
    pen.save()
    pen.alpha(fill=0.08)
    pen.fill(INK)
    if col < grid.cols - 1:
        pen.rect(right - overlap, m, overlap, grid.cell_h)
    if row < grid.rows - 1:
        pen.rect(
            m, bottom - overlap, grid.cell_w - (overlap if col < grid.cols - 1 else 0), overlap
        )
    pen.restore()
    pen.save()
    pen.stroke(FAINT, 0.25)
    pen.dash((2.0, 1.5))
    if grid.prints(row, col + 1):
        pen.line(right - overlap, m, right - overlap, bottom)
        note = words.gettext("glue {sheet}").format(sheet=grid.label(row, col + 1))
        _strip_note(pen, f"{note} ▸", right - overlap, m - 1.3, right)
    if grid.prints(row + 1, col):
        pen.line(m, bottom - overlap, right, bottom - overlap)
        note = words.gettext("glue {sheet}").format(sheet=grid.label(row + 1, col))
        _strip_note(pen, f"▾ {note}", m, bottom + 2.6, m + grid.cell_w * 0.3)
    pen.restore()


def _strip_note(pen: Pen, text: str, left: float, baseline: float, right: float) -> None:
    width = pen.fonts.width(text, HINT_PT) * MM_PER_PT
    pen.fill(FAINT)
    pen.text(max(left, right - width), baseline, text, HINT_PT)


def _crop_marks(pen: Pen, x: float, y: float, w: float, h: float) -> None:
    """Short hairlines outside each corner of the cell, along its edges."""
    pen.stroke(INK, 0.15)
    gap, size = CROP_GAP_MM, CROP_MARK_MM
    for cx, sx in ((x, -1), (x + w, 1)):
        for cy, sy in ((y, -1), (y + h, 1)):
            pen.line(cx + sx * gap, cy, cx + sx * (gap + size), cy)
            pen.line(cx, cy + sy * gap, cx, cy + sy * (gap + size))


def _assembly_page(canvas: Canvas, pen: Pen, grid: TileGrid, title: str, words: Words) -> None:
    """The first page: the poster in miniature with the sheets' grid and names on it."""
    page = grid.sheet.oriented("landscape" if grid.poster_w >= grid.poster_h else "portrait")
    _start_page(canvas, pen, page)
    margin = 14.0
    width = page.width - 2 * margin
    pen.fill(INK)
    heading_text = words.gettext("How the sheets fit together")
    heading = text_block(pen.fonts, heading_text, Rect(margin, margin, width, 0), 18, 1.2, 1, True)
    pen.block(heading)
    summary = words.ngettext(
        "{title} — {count} sheet of {sheet}, {rows} × {columns}, poster {width} × {height} mm.",
        "{title} — {count} sheets of {sheet}, {rows} × {columns}, poster {width} × {height} mm.",
        grid.printed,
    )
    steps = words.gettext(
        "2. Lay the sheets out as below. Neighbouring sheets share a {overlap} mm strip, "
        "tinted and edged with a dashed line."
    )
    lines = [
        summary.format(
            title=title,
            count=words.number(grid.printed),
            sheet=grid.sheet.name or grid.sheet.label,
            rows=words.number(grid.rows),
            columns=words.number(grid.cols),
            width=words.number(round(grid.poster_w)),
            height=words.number(round(grid.poster_h)),
        ),
        words.gettext("1. Print every page at 100 % (actual size, not 'fit to page')."),
        steps.format(overlap=words.number(grid.overlap)),
        words.gettext(
            "3. Cut off each sheet's left margin if it has a sheet to its left, and its top "
            "margin if it has one above (✂ along the crop marks); trim the poster's outer "
            "edges last."
        ),
        words.gettext(
            "4. Glue each sheet onto the strips of its neighbours, its cut edge on their "
            "dashed line."
        ),
    ]
    y = heading.box.bottom + 3
    for text in lines:
        block = text_block(pen.fonts, text, Rect(margin, y, width, 0), 9, 1.3, 3)
        pen.fill(MUTED if text is not lines[0] else INK)
        pen.block(block)
        y = block.box.bottom + 1
    top = y + 6
    room_w, room_h = width, page.height - margin - top
    scale = min(room_w / grid.poster_w, room_h / grid.poster_h)
    mini_w, mini_h = grid.poster_w * scale, grid.poster_h * scale
    x0 = margin + (room_w - mini_w) / 2
    y0 = top
    pen.form(POSTER_FORM, x0, y0, scale, scale)
    pen.save()
    pen.alpha(fill=0.55)
    pen.fill(PAPER)
    pen.rect(x0, y0, mini_w, mini_h)
    pen.restore()
    pen.stroke(INK, 0.35)
    pen.rect(x0, y0, mini_w, mini_h, "S")
    pen.stroke(INK, 0.25)
    for col in range(1, grid.cols):
        x = x0 + col * grid.step_x * scale
        pen.line(x, y0, x, y0 + mini_h)
    for row in range(1, grid.rows):
        y = y0 + row * grid.step_y * scale
        pen.line(x0, y, x0 + mini_w, y)
    for row in range(grid.rows):
        for col in range(grid.cols):
            left = x0 + col * grid.step_x * scale
            top_y = y0 + row * grid.step_y * scale
            right = x0 + min(grid.poster_w, (col + 1) * grid.step_x) * scale
            bottom = y0 + min(grid.poster_h, (row + 1) * grid.step_y) * scale
            if col == grid.cols - 1:
                right = x0 + mini_w
            if row == grid.rows - 1:
                bottom = y0 + mini_h
            label = grid.label(row, col)
            if not grid.prints(row, col):
                _skipped_cell(pen, left, top_y, right, bottom, words)
                continue
            size = max(
                6.0,
                min(28.0, (bottom - top_y) / MM_PER_PT * 0.35, (right - left) / MM_PER_PT * 0.3),
            )
            label_w = pen.fonts.width(label, size, True) * MM_PER_PT
            pen.fill(INK)
            pen.text(
                (left + right - label_w) / 2,
                (top_y + bottom) / 2 + size * 0.35 * MM_PER_PT,
                label,
                size,
                bold=True,
            )
    _finish_page(canvas, pen)


def _skipped_cell(
    pen: Pen, left: float, top: float, right: float, bottom: float, words: Words
) -> None:
    """A sheet of the assembly grid left out for being blank: hatched, marked "not printed"."""
    pen.save()
    pen.clip(left, top, right - left, bottom - top)
    pen.stroke(FAINT, 0.2)
    step = 3.0
    x = left - (bottom - top)
    while x < right:
        pen.line(x, bottom, x + (bottom - top), top)
        x += step
    pen.restore()
    text = words.gettext("blank, not printed")
    size = max(5.0, min(9.0, (right - left) / MM_PER_PT * 0.08))
    width = pen.fonts.width(text, size) * MM_PER_PT
    pen.fill(MUTED)
    pen.text((left + right - width) / 2, (top + bottom) / 2 + size * 0.35 * MM_PER_PT, text, size)
