"""File → Export… through the real action: the dialog, the file it writes, the remembered
settings, progress with cancel, and errors in a message box."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Dialogs
from pypdf import PdfReader
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot

from journeycanvas.io import load_map
from journeycanvas.io.templates import load_template
from journeycanvas.model.entities import JourneyMap
from journeycanvas.ui.export_choice import ExportChoice
from journeycanvas.ui.export_dialog import ExportDialog
from journeycanvas.ui.export_preview import PreviewPlan
from journeycanvas.ui.main_window import MainWindow

PT_PER_MM = 72 / 25.4


class ScriptedExport:
    """Stands in for the dialog's exec: sets the fields, waits for the live preview, then
    presses Export (or Cancel), keeping what the dialog showed."""

    def __init__(self, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
        self.qtbot = qtbot
        self.configure: Callable[[ExportDialog], None] = lambda _dialog: None
        self.press_export = True
        self.opened_with: list[ExportChoice] = []
        self.plans: list[PreviewPlan] = []
        self.captions: list[str] = []
        monkeypatch.setattr(ExportDialog, "exec", lambda dialog: self._exec(dialog))

    def _exec(self, dialog: ExportDialog) -> int:
        self.opened_with.append(dialog.choice())
        self.configure(dialog)
        self.qtbot.waitUntil(
            lambda: dialog.plan is not None and dialog.plan.choice == dialog.choice(),
            timeout=20_000,
        )
        assert dialog.plan is not None
        self.plans.append(dialog.plan)
        self.captions.append(dialog.caption.text())
        if self.press_export:
            dialog.accept()
        else:
            dialog.reject()
        return dialog.result()


@pytest.fixture
def scripted(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> ScriptedExport:
    return ScriptedExport(qtbot, monkeypatch)


def select(combo, data: object) -> None:  # type: ignore[no-untyped-def]
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def open_hourglass(window: MainWindow) -> JourneyMap:
    window.set_map(load_template("hourglass"), None)
    return window.document.journey


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_a3_landscape_poster_is_a_pdf_of_that_size_and_its_settings_come_back(
    window: MainWindow, dialogs: Dialogs, scripted: ScriptedExport, tmp_path: Path
) -> None:
    open_hourglass(window)

    def poster_a3_landscape(dialog: ExportDialog) -> None:
        select(dialog.kind, "poster")
        select(dialog.paper, "A3")
        select(dialog.orientation, "landscape")

    scripted.configure = poster_a3_landscape
    dialogs.save_paths.append(str(tmp_path / "bakery"))  # the suffix is added
    window.action_table.export.trigger()

    written = tmp_path / "bakery.pdf"
    pages = PdfReader(written).pages
    assert len(pages) == 1
    box = pages[0].mediabox
    assert float(box.width) == pytest.approx(420 * PT_PER_MM, abs=0.5)
    assert float(box.height) == pytest.approx(297 * PT_PER_MM, abs=0.5)
    assert scripted.plans[0].pages == 1
    assert "A3 landscape" in scripted.captions[0]
    assert str(written) in status(window)

    settings = window.document.journey.export_settings
    assert (settings["format"], settings["paper"], settings["orientation"]) == (
        "pdf",
        "A3",
        "landscape",
    )
    # Remembered for the next save, without an undo step or marking the map modified.
    assert not window.document.modified
    assert window.document.undo_stack.count() == 0
    assert window.document.settings_unsaved

    scripted.configure = lambda _dialog: None
    scripted.press_export = False
    window.action_table.export.trigger()
    assert scripted.opened_with[1] == ExportChoice(
        kind="poster", paper="A3", orientation="landscape", papers=(("poster", "A3"),)
    )

    saved = tmp_path / "bakery.journey"
    window.document.save(saved)
    assert not window.document.settings_unsaved
    reopened = ExportChoice.from_settings(load_map(saved).export_settings, "A4")
    assert reopened == scripted.opened_with[1]


def test_greyscale_chosen_in_the_dialog_prints_greys_and_greys_the_preview(
    window: MainWindow, dialogs: Dialogs, scripted: ScriptedExport, tmp_path: Path
) -> None:
    open_hourglass(window)
    pictures: list[QImage] = []

    def greyscale_poster(dialog: ExportDialog) -> None:
        select(dialog.kind, "poster")
        select(dialog.colours, "greyscale")
        assert dialog.choice().options().palette == "greyscale"
        dialog.plan_shown.connect(lambda plan: pictures.append(dialog.preview.picture))

    scripted.configure = greyscale_poster
    dialogs.save_paths.append(str(tmp_path / "grey.pdf"))
    window.action_table.export.trigger()

    data = PdfReader(tmp_path / "grey.pdf").pages[0].get_contents().get_data()  # type: ignore[union-attr]
    colours = re.findall(rb"([\d.]+) ([\d.]+) ([\d.]+) rg\b", data)
    assert colours and all(red == green == blue for red, green, blue in colours)
    assert pictures and pictures[-1] is not None and pictures[-1].isGrayscale()
    assert window.document.journey.export_settings["palette"] == "greyscale"
    # Only PDFs take a palette.
    assert ExportChoice(kind="png", palette="greyscale").options().palette == "default"


def test_the_preview_warns_about_full_cells_and_small_text(
    window: MainWindow, dialogs: Dialogs, scripted: ScriptedExport, tmp_path: Path
) -> None:
    crowded = load_template("hourglass")
    first = crowded.cards[0]
    extra = [
        first.model_copy(update={"id": f"extra{i}", "order": 100 + i, "text": f"Extra {i}"})
        for i in range(300)
    ]
    window.set_map(crowded.model_copy(update={"cards": [*crowded.cards, *extra]}), None)
    warnings: list[str] = []

    def poster_on(paper: str) -> Callable[[ExportDialog], None]:
        def configure(dialog: ExportDialog) -> None:
            select(dialog.kind, "poster")
            select(dialog.paper, paper)
            dialog.plan_shown.connect(
                lambda _plan: warnings.append(
                    "" if dialog.warning.isHidden() else dialog.warning.text()
                )
            )

        return configure

    scripted.configure = poster_on("A1")
    dialogs.save_paths.append(str(tmp_path / "crowded.pdf"))
    window.action_table.export.trigger()

    pages = len(PdfReader(tmp_path / "crowded.pdf").pages)
    assert scripted.plans[-1].pages == pages > 1
    assert f"{pages} pages" in scripted.captions[-1]
    assert "more cards than the map can show legibly" in warnings[-1]
    assert f"on pages 2–{pages}" in warnings[-1]

    scripted.configure = poster_on("A4")
    dialogs.save_paths.append(str(tmp_path / "small.pdf"))
    window.action_table.export.trigger()
    assert "The smallest card text prints at" in warnings[-1] and "Print it on A" in warnings[-1]


def test_handouts_follow_the_chosen_paper(
    window: MainWindow, dialogs: Dialogs, scripted: ScriptedExport, tmp_path: Path
) -> None:
    open_hourglass(window)

    def a5_handouts(dialog: ExportDialog) -> None:
        select(dialog.kind, "handouts_stage")
        select(dialog.paper, "A5")

    scripted.configure = a5_handouts
    dialogs.save_paths.append(str(tmp_path / "handouts.pdf"))
    window.action_table.export.trigger()
    pages = PdfReader(tmp_path / "handouts.pdf").pages
    assert float(pages[0].mediabox.width) == pytest.approx(148 * PT_PER_MM, abs=0.5)
    assert scripted.plans[-1].pages == len(pages)
    assert "of handouts on A5" in scripted.captions[-1]
    assert scripted.plans[-1].page == (148.0, 210.0)


def test_each_printout_keeps_its_own_paper(
    window: MainWindow, dialogs: Dialogs, scripted: ScriptedExport, tmp_path: Path
) -> None:
    open_hourglass(window)
    shown: list[str | None] = []

    def a1_poster_then_handouts(dialog: ExportDialog) -> None:
        select(dialog.kind, "poster")
        select(dialog.paper, "A1")
        select(dialog.kind, "handouts_stage")
        shown.append(dialog.paper.currentData())

    scripted.configure = a1_poster_then_handouts
    dialogs.save_paths.append(str(tmp_path / "handouts.pdf"))
    window.action_table.export.trigger()

    assert shown == ["A4"]
    pages = PdfReader(tmp_path / "handouts.pdf").pages
    assert float(pages[0].mediabox.width) == pytest.approx(210 * PT_PER_MM, abs=0.5)
    assert float(pages[0].mediabox.height) == pytest.approx(297 * PT_PER_MM, abs=0.5)
    assert "of handouts on A4" in scripted.captions[-1]

    # Next time: the handouts' paper comes back, and the poster still has A1.
    def back_to_the_poster(dialog: ExportDialog) -> None:
        shown.append(dialog.paper.currentData())
        select(dialog.kind, "poster")
        shown.append(dialog.paper.currentData())

    scripted.configure = back_to_the_poster
    scripted.press_export = False
    window.action_table.export.trigger()
    assert shown[1:] == ["A4", "A1"]


def test_the_same_settings_again_add_no_undo_step(
    window: MainWindow, dialogs: Dialogs, scripted: ScriptedExport, tmp_path: Path
) -> None:
    open_hourglass(window)
    scripted.configure = lambda dialog: select(dialog.kind, "md")
    dialogs.save_paths.extend([str(tmp_path / "one.md"), str(tmp_path / "two.md")])
    window.action_table.export.trigger()
    window.action_table.export.trigger()
    assert window.document.undo_stack.count() == 0
    assert window.document.journey.export_settings["format"] == "md"


def test_a_new_map_starts_from_the_preferred_paper(
    window: MainWindow, scripted: ScriptedExport
) -> None:
    open_hourglass(window)
    window.settings.paper_size = "Letter"
    scripted.press_export = False
    window.action_table.export.trigger()
    assert scripted.opened_with[0].paper == "letter"
    assert scripted.opened_with[0].kind == "poster"


def test_tiled_poster_has_the_pages_the_dialog_counted(
    window: MainWindow, dialogs: Dialogs, scripted: ScriptedExport, tmp_path: Path
) -> None:
    open_hourglass(window)

    def tiled_a1_on_a4(dialog: ExportDialog) -> None:
        select(dialog.kind, "tiled")
        select(dialog.paper, "A1")
        select(dialog.tile, "a4")
        dialog.overlap.setValue(12)

    scripted.configure = tiled_a1_on_a4
    dialogs.save_paths.append(str(tmp_path / "tiles.pdf"))
    window.action_table.export.trigger()

    plan = scripted.plans[0]
    pages = PdfReader(tmp_path / "tiles.pdf").pages
    assert plan.grid is not None
    assert len(pages) == plan.pages == plan.grid.count + 1  # the sheets and the assembly page
    assert plan.grid.overlap == 12
    a4 = sorted((210 * PT_PER_MM, 297 * PT_PER_MM))
    for page in pages:
        size = sorted((float(page.mediabox.width), float(page.mediabox.height)))
        assert size == pytest.approx(a4, abs=0.5)
    assert f"Exported {len(pages)} pages" in status(window)


def test_csv_with_semicolons_has_a_row_per_card(
    window: MainWindow, dialogs: Dialogs, scripted: ScriptedExport, tmp_path: Path
) -> None:
    journey = open_hourglass(window)

    def csv_semicolons(dialog: ExportDialog) -> None:
        select(dialog.kind, "csv")
        select(dialog.delimiter, ";")

    scripted.configure = csv_semicolons
    dialogs.save_paths.append(str(tmp_path / "cards.txt"))  # the wrong suffix is kept, .csv added
    window.action_table.export.trigger()

    text = (tmp_path / "cards.txt.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines(), delimiter=";"))
    assert rows[0][:3] == ["stage", "lane", "lane_kind"]
    assert len(rows) == len(journey.cards) + 1
    assert {row[4] for row in rows[1:]} == {card.text for card in journey.cards}
    assert scripted.captions[0] == f"{len(journey.cards)} cards, one row each"


def test_markdown_report_for_one_persona(
    window: MainWindow, dialogs: Dialogs, scripted: ScriptedExport, tmp_path: Path
) -> None:
    journey = open_hourglass(window)
    persona = journey.personas[0]
    theirs = [card for card in journey.cards if persona.id in card.personas]
    others = [card for card in journey.cards if persona.id not in card.personas]
    assert theirs and others

    def markdown_for_persona(dialog: ExportDialog) -> None:
        select(dialog.kind, "md")
        select(dialog.persona, persona.id)

    scripted.configure = markdown_for_persona
    dialogs.save_paths.append(str(tmp_path / "report.md"))
    window.action_table.export.trigger()

    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert journey.title in report
    assert scripted.plans[0].text.startswith(report[:200])  # the preview shows its start
    assert scripted.captions[0] == f"A report of {len(theirs)} cards"


def test_png_has_the_size_the_dialog_announced(
    window: MainWindow, dialogs: Dialogs, scripted: ScriptedExport, tmp_path: Path
) -> None:
    open_hourglass(window)

    def png_at_60_dpi(dialog: ExportDialog) -> None:
        select(dialog.kind, "png")
        dialog.dpi.setValue(60)

    scripted.configure = png_at_60_dpi
    dialogs.save_paths.append(str(tmp_path / "map.png"))
    window.action_table.export.trigger()

    image = QImage(str(tmp_path / "map.png"))
    assert scripted.captions[0] == f"{image.width()} × {image.height()} pixels at 60 dpi"
    assert window.document.journey.export_settings["png_dpi"] == 60


def test_settings_that_cannot_work_disable_export(
    window: MainWindow, scripted: ScriptedExport
) -> None:
    open_hourglass(window)

    def blank_on_a4(dialog: ExportDialog) -> None:
        select(dialog.kind, "blank")
        select(dialog.paper, "A4")

    scripted.configure = blank_on_a4
    scripted.press_export = False
    window.action_table.export.trigger()
    assert scripted.plans[0].error
    assert "blank canvas" in scripted.captions[0]


def test_cancelling_the_file_dialog_keeps_the_export_dialog_open(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs
) -> None:
    dialog = ExportDialog(load_template("hourglass"), "A4", Path("/nowhere/map"), window)
    qtbot.addWidget(dialog)
    dialogs.save_paths.append("")
    dialog.accept()
    assert dialog.path is None
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.done(0)


def big_map(cards: int) -> JourneyMap:
    """The hourglass with its cards repeated until it has `cards` of them."""
    journey = load_template("hourglass")
    originals = journey.cards
    copies = [
        originals[number % len(originals)].model_copy(update={"id": f"x{number}", "order": number})
        for number in range(cards)
    ]
    return journey.model_copy(update={"cards": copies, "connectors": []})


def test_cancel_during_progress_leaves_no_file(window: MainWindow, tmp_path: Path) -> None:
    window.set_map(big_map(3000), None)
    runner = window.exports
    reported: list[tuple[int, int]] = []

    def cancel_once_under_way(done: int, total: int) -> None:
        reported.append((done, total))
        if done > 0 and runner.progress is not None:
            runner.progress.findChild(QPushButton).click()  # the dialog's Cancel

    runner.progressed.connect(cancel_once_under_way)
    target = tmp_path / "out" / "poster.pdf"
    target.parent.mkdir()
    assert not window.export_to(target, ExportChoice(kind="poster", paper="A0"))

    assert any(0 < done < total for done, total in reported)
    assert list(target.parent.iterdir()) == []  # neither the file nor a part of it
    assert "cancelled" in status(window)


def test_an_export_error_is_one_sentence_in_a_message_box(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    open_hourglass(window)
    target = tmp_path / "blank.pdf"
    assert not window.export_to(target, ExportChoice(kind="blank", paper="A4"))
    assert not target.exists()
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("warning", "Export failed")
    assert text.startswith("blank.pdf could not be exported: ")
    assert text.endswith(".") and "\n" not in text and "Traceback" not in text


def test_an_unwritable_folder_is_reported(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    open_hourglass(window)
    target = tmp_path / "missing" / "map.csv"
    assert not window.export_to(target, ExportChoice(kind="csv"))
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("warning", "Export failed")
    assert text.startswith("map.csv could not be exported: ") and "\n" not in text


@pytest.mark.parametrize(
    "choice",
    [
        ExportChoice(),
        ExportChoice(kind="tiled", paper="A1", tile="letter", overlap_mm=15),
        ExportChoice(kind="blank", paper=None, orientation="portrait"),
        ExportChoice(kind="handouts_persona", persona="p1"),
        ExportChoice(kind="poster", paper="500x700mm", scale=0.5),
        ExportChoice(kind="png", dpi=300, tile="letter"),
        ExportChoice(kind="csv", csv_delimiter=";"),
        ExportChoice(kind="svg"),
        ExportChoice(kind="poster", palette="okabe-ito"),
    ],
)
def test_remembered_settings_give_the_same_choice(choice: ExportChoice) -> None:
    assert ExportChoice.from_settings(choice.settings(), "A4") == choice


def test_settings_from_a_newer_or_broken_file_fall_back_to_defaults() -> None:
    broken = {"format": "pdf", "paper": 3, "scale": "big", "png_dpi": 10_000, "tile": "a9"}
    assert ExportChoice.from_settings(broken, "A3") == ExportChoice(paper=None)
    assert ExportChoice.from_settings({}, "Tabloid") == ExportChoice(paper="tabloid")
