"""Export options: normalising, refusing combinations that cannot work, remembering them."""

from __future__ import annotations

import pytest

from journeycanvas.io.pdf import ExportError, ExportOptions


def test_defaults_make_a_poster() -> None:
    options = ExportOptions().checked()
    assert options.pdf_kind == "poster"
    assert options.overlap_mm == 10.0


@pytest.mark.parametrize(
    ("options", "kind"),
    [
        (ExportOptions(tile="A4"), "tiled"),
        (ExportOptions(blank=True), "blank"),
        (ExportOptions(blank=True, tile="letter"), "blank"),
        (ExportOptions(handouts="Stage"), "handouts"),
    ],
)
def test_the_kind_of_pdf(options: ExportOptions, kind: str) -> None:
    assert options.checked().pdf_kind == kind


def test_names_are_normalised() -> None:
    options = ExportOptions(format=".PDF", orientation="Landscape", tile="A4").checked()
    assert (options.format, options.orientation, options.tile) == ("pdf", "landscape", "a4")
    options = ExportOptions(handouts="PERSONA", persona="  Anna ").checked()
    assert (options.handouts, options.persona) == ("persona", "Anna")
    assert ExportOptions(persona="   ").checked().persona is None


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (ExportOptions(format="docx"), "unknown format"),
        (ExportOptions(orientation="sideways"), "orientation"),
        (ExportOptions(scale=0), "scale"),
        (ExportOptions(scale=-1), "scale"),
        (ExportOptions(scale=500), "scale"),
        (ExportOptions(tile="a3"), "tiles"),
        (ExportOptions(overlap_mm=-1), "overlap"),
        (ExportOptions(overlap_mm=80), "overlap"),
        (ExportOptions(handouts="lane"), "handouts"),
        (ExportOptions(handouts="stage", tile="a4"), "cannot be blank or tiled"),
        (ExportOptions(handouts="stage", blank=True), "cannot be blank or tiled"),
        (ExportOptions(csv_delimiter="|"), "delimiter"),
    ],
)
def test_options_that_cannot_work_are_refused(options: ExportOptions, words: str) -> None:
    with pytest.raises(ExportError, match=words):
        options.checked()


def test_settings_round_trip_through_plain_json_values() -> None:
    options = ExportOptions(
        format="pdf",
        paper="A2",
        orientation="portrait",
        scale=0.5,
        tile="letter",
        overlap_mm=5,
        persona="Anna",
        handouts=None,
        source_name="not remembered.journey",
    )
    settings = options.to_settings()
    assert "source_name" not in settings
    restored = ExportOptions.from_settings(settings)
    assert restored == ExportOptions(
        format="pdf",
        paper="A2",
        orientation="portrait",
        scale=0.5,
        tile="letter",
        overlap_mm=5.0,
        persona="Anna",
    )


def test_bad_remembered_settings_are_ignored() -> None:
    assert ExportOptions.from_settings({"paper": 3, "blank": "yes", "scale": True}) == (
        ExportOptions()
    )
    assert ExportOptions.from_settings({"tile": "a3", "paper": "A3"}) == ExportOptions()
    assert ExportOptions.from_settings({"scale": 2, "extra": 1}).scale == 2.0
