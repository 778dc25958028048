"""`export_map`: one entry for every format, with progress, cancelling and no partial files."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pdf_helpers import multilingual_map, page_texts
from pypdf import PdfReader

from journeycanvas.io.csv_cards import import_cards_csv
from journeycanvas.io.export import export_map, format_for
from journeycanvas.io.pdf import ExportCancelled, ExportError, ExportOptions
from journeycanvas.io.templates import load_template


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.pdf", "pdf"), ("a.PNG", "png"), ("a.svg", "svg"), ("a.csv", "csv"), ("a.md", "md")],
)
def test_the_format_comes_from_the_extension(name: str, fmt: str) -> None:
    assert format_for(name, ExportOptions()) == fmt
    assert format_for("whatever.bin", ExportOptions(format=fmt)) == fmt


def test_an_unknown_extension_asks_for_a_format() -> None:
    with pytest.raises(ExportError, match="cannot tell the format"):
        format_for("map.docx", ExportOptions())


def test_csv_export_round_trips_through_import(tmp_path: Path) -> None:
    journey = multilingual_map()
    out = tmp_path / "cards.csv"
    result = export_map(journey, out, ExportOptions(csv_delimiter=";"))
    assert result.pages == 0 and f"{len(journey.cards)} cards" in result.summary
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    back = import_cards_csv(out)
    assert sorted(card.text for card in back.cards) == sorted(card.text for card in journey.cards)


def test_markdown_report(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    export_map(load_template("hourglass"), out)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# ") and "Know" in text


def test_a_persona_filter_applies_to_csv_too(tmp_path: Path) -> None:
    journey = multilingual_map()
    out = tmp_path / "one.csv"
    export_map(journey, out, ExportOptions(persona="王小明"))
    back = import_cards_csv(out)
    expected = [card.text for card in journey.cards if "p2" in card.personas]
    assert sorted(card.text for card in back.cards) == sorted(expected)


def test_pdf_only_options_are_refused_for_other_formats(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="PDFs"):
        export_map(multilingual_map(), tmp_path / "x.csv", ExportOptions(tile="a4"))
    assert list(tmp_path.iterdir()) == []


def test_images_without_qt_are_one_sentence_and_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "journeycanvas.canvas.render", None)  # import fails
    with pytest.raises(ExportError, match=r"PNG picture needs the editor's canvas \(Qt\)"):
        export_map(multilingual_map(), tmp_path / "map.png")
    with pytest.raises(ExportError, match="SVG"):
        export_map(multilingual_map(), tmp_path / "map.svg")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "options",
    [
        ExportOptions(),
        ExportOptions(tile="a4"),
        ExportOptions(blank=True),
        ExportOptions(handouts="stage"),
    ],
)
def test_progress_runs_up_to_the_total(options: ExportOptions, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export_map(
        multilingual_map(), tmp_path / "p.pdf", options, progress=lambda d, t: seen.append((d, t))
    )
    assert seen, "progress was never reported"
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    done, total = seen[-1]
    assert done == total


@pytest.mark.parametrize("name", ["new.pdf", "old.pdf", "tiles.pdf", "cards.csv"])
def test_a_cancelled_export_leaves_no_file_and_keeps_the_old_one(name: str, tmp_path: Path) -> None:
    out = tmp_path / name
    if name.startswith("old"):
        out.write_bytes(b"the previous export")
    options = ExportOptions(tile="a4") if name.startswith("tiles") else ExportOptions()
    with pytest.raises(ExportCancelled):
        export_map(load_template("hourglass"), out, options, cancel=lambda: True)
    if name.startswith("old"):
        assert out.read_bytes() == b"the previous export"
        assert [p.name for p in tmp_path.iterdir()] == [name]
    else:
        assert list(tmp_path.iterdir()) == []


def test_cancelling_part_way_through_a_big_poster(tmp_path: Path) -> None:
    journey = multilingual_map()
    many = [
        card.model_copy(update={"id": f"{card.id}-{i}", "order": i})
        for i, card in enumerate(journey.cards * 100)
    ]
    journey = journey.model_copy(update={"cards": many, "connectors": []})
    asked = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(ExportCancelled):
        export_map(journey, tmp_path / "big.pdf", cancel=cancel)
    assert list(tmp_path.iterdir()) == []


def test_the_written_pdf_is_complete(tmp_path: Path) -> None:
    out = tmp_path / "ok.pdf"
    export_map(load_template("hourglass"), out)
    assert len(PdfReader(out).pages) == 1
    assert "Know" in page_texts(out)[0]


@pytest.mark.parametrize("name", ["poster.pdf", "cards.csv", "report.md"])
def test_a_missing_folder_is_named_in_the_error_and_nothing_is_written(
    name: str, tmp_path: Path
) -> None:
    target = tmp_path / "no such folder" / name
    with pytest.raises(ExportError, match="no such folder") as caught:
        export_map(load_template("hourglass"), target)
    assert ".part" not in str(caught.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("tile", [None, "a4"])
def test_a_poster_is_planned_once_for_its_file_and_its_warnings(
    tile: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import journeycanvas.io.export as export_module
    import journeycanvas.io.pdf.exporter as exporter_module

    calls: list[ExportOptions] = []
    planner = exporter_module.plan_pdf

    def counted(*args: object, **kwargs: object) -> exporter_module.PdfPlan:
        calls.append(args[1])  # type: ignore[arg-type]
        return planner(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(export_module, "plan_pdf", counted)
    monkeypatch.setattr(exporter_module, "plan_pdf", counted)
    crowded = load_template("hourglass")
    first = crowded.cards[0]
    extra = [first.model_copy(update={"id": f"x{i}", "order": 100 + i}) for i in range(60)]
    out = tmp_path / "poster.pdf"
    result = export_map(
        crowded.model_copy(update={"cards": [*crowded.cards, *extra]}),
        out,
        ExportOptions(paper="A4", tile=tile),
    )
    assert len(calls) == 1
    assert result.warnings and len(PdfReader(out).pages) == result.pages
