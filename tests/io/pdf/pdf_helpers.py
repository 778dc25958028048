"""Maps and PDF readers shared by the PDF tests."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from PIL import Image
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from journeycanvas.io.templates import load_template, template_names
from journeycanvas.layout import CardLayout, JourneyLayout
from journeycanvas.model import (
    Card,
    CardKind,
    Connector,
    ConnectorKind,
    JourneyMap,
    Lane,
    LaneKind,
    Metric,
    Persona,
    Stage,
)

PT_PER_MM = 72 / 25.4

# One text per script the issue names, each long enough to wrap in a 90 mm card.
SCRIPT_TEXTS = {
    "swedish": "Kunden hittar inte öppettiderna på webbplatsen och ringer till butiken i stället",
    "polish": "Zażółć gęślą jaźń: klient szuka opinii na Google Maps, zanim przyjdzie po chleb",
    "chinese": "顾客在社交媒体上看到面包店的视频，然后访问网站查看营业时间和地址",
    "indonesian": "Pelanggan membandingkan harga roti di aplikasi sebelum memesan untuk besok",
    "russian": "Покупатель читает отзывы и сравнивает цены в нескольких магазинах рядом",
    "greek": "Ο πελάτης ψάχνει κριτικές και τιμές πριν από την πρώτη επίσκεψη στο κατάστημα",
    "symbols": "Price ≤ 5 € → 12 % off • ½ loaf ✓ © “quoted” — ±3 °C № 7",
}

LONG_TEXT = " ".join(["Ein sehr langer Text über die Bäckerei, der nicht passt."] * 12)


def multilingual_map() -> JourneyMap:
    """Five stages, lanes of several kinds, and cards in every script, with metrics, votes,
    personas, notes, spans, every connector kind, emotions and one text too long to fit."""
    stages = [
        Stage(id="s1", name="Świadomość", goal="Klient dowiaduje się o nas", color="#4f81bd"),
        Stage(id="s2", name="认识 Consideration", goal="顾客比较价格", color="#70ad47"),
        Stage(id="s3", name="Покупка", goal="Сделать заказ легко", color="#ffc000", width_mm=110),
        Stage(id="s4", name="Επιστροφή", color="#ed7d31"),
        Stage(id="s5", name="Rekomendasi", goal="Pelanggan merekomendasikan", color="#c0504d"),
    ]
    lanes = [
        Lane(id="l1", kind=LaneKind.TOUCHPOINTS, title="Berøringspunkter / 接触点"),
        Lane(id="l2", kind=LaneKind.EMOTIONS, title="Känslor"),
        Lane(id="l3", kind=LaneKind.PAIN_POINTS, title="Problemy"),
        Lane(id="l4", kind=LaneKind.CONTENT_IDEAS, title="Идеи контента"),
    ]
    personas = [
        Persona(id="p1", name="Åsa Ström", color="#7e57c2", description="Pendlare, 34"),
        Persona(id="p2", name="王小明", color="#26a69a", description="学生"),
    ]
    texts = list(SCRIPT_TEXTS.values())
    cards = []
    for index, text in enumerate(texts):
        stage = stages[index % len(stages)].id
        cards.append(
            Card(
                id=f"t{index}",
                stage=stage,
                lane="l1",
                order=index // len(stages),
                kind=CardKind.TOUCHPOINT,
                text=text,
                votes=index % 4,
                personas=["p1"] if index % 2 else ["p2", "p1"],
                metric=Metric(name="reach", value=1200 * index, target=5000, unit="views"),
            )
        )
    cards += [
        Card(id="e1", stage="s1", lane="l2", kind=CardKind.EMOTION, emotion=2, text="Nyfiken"),
        Card(id="e2", stage="s3", lane="l2", kind=CardKind.EMOTION, emotion=-3, text="Злой"),
        Card(id="e3", stage="s5", lane="l2", kind=CardKind.EMOTION, emotion=3, text="开心"),
        Card(id="p1c", stage="s2", lane="l3", kind=CardKind.PAIN_POINT, text=LONG_TEXT, votes=9),
        Card(
            id="p2c",
            stage="s3",
            lane="l3",
            span=2,
            kind=CardKind.PAIN_POINT,
            text="Formularz zamówienia jest zbyt długi na telefonie",
            notes="Zgłoszone przez 12 klientów",
            tags=["mobile", "checkout"],
            personas=["p2"],
        ),
        Card(id="c1", stage="s2", lane="l4", kind=CardKind.CONTENT_IDEA, text="Βίντεο συνταγής"),
        Card(id="c2", stage="s3", lane="l4", kind=CardKind.OPPORTUNITY, text="Kod rabatowy -10 %"),
        Card(id="c3", stage="s4", lane="l4", kind=CardKind.MILESTONE, text="第一次购买"),
        Card(id="c4", stage="s5", lane="l4", kind=CardKind.NOTE, text="Catatan: ulasan Google"),
    ]
    connectors = [
        Connector(id="k1", source="p1c", target="c1", kind=ConnectorKind.FLOW, label="odpowiedź"),
        Connector(
            id="k2", source="t1", target="p2c", kind=ConnectorKind.BRANCH, label="如果价格太高"
        ),
        Connector(id="k3", source="c2", target="c3", kind=ConnectorKind.BREAKPOINT, label="Разрыв"),
    ]
    return JourneyMap(
        id="multi",
        title="Wielojęzyczna mapa · 多语言地图 · Многоязычная карта",
        scenario="Ett bageri i Malmö, Kraków, 上海 och Jakarta",
        owner="Zoë Łukasiewicz",
        created="2026-11-24T10:00:00Z",
        modified="2026-11-25T08:30:00Z",
        personas=personas,
        stages=stages,
        lanes=lanes,
        cards=cards,
        connectors=connectors,
    )


def grid_map(
    title: str,
    stages: int,
    lanes: int,
    per_cell: int,
    text: str = "Reads the reviews before the first visit",
) -> JourneyMap:
    """`stages` × `lanes` cells with `per_cell` cards of `text` stacked in each."""
    return JourneyMap(
        id="shape",
        title=title,
        stages=[Stage(id=f"s{i}", name=f"Stage {i + 1}") for i in range(stages)],
        lanes=[
            Lane(id=f"l{k}", kind=LaneKind.TOUCHPOINTS, title=f"Lane {k + 1}") for k in range(lanes)
        ],
        cards=[
            Card(
                id=f"c{i}-{k}-{j}",
                stage=f"s{i}",
                lane=f"l{k}",
                order=j,
                kind=CardKind.TOUCHPOINT,
                text=text,
            )
            for i in range(stages)
            for k in range(lanes)
            for j in range(per_cell)
        ],
    )


def all_maps() -> dict[str, JourneyMap]:
    """Every bundled template, by name, and the multilingual map."""
    maps = {name: load_template(name) for name in template_names()}
    maps["multilingual"] = multilingual_map()
    return maps


def squash(text: str) -> str:
    """Text without any whitespace or soft hyphens, to compare what a PDF reader extracts."""
    return re.sub(r"[\s\u00ad]+", "", text)


def page_texts(path: Path) -> list[str]:
    """The text pypdf extracts from each page."""
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def visible_lines(card: CardLayout) -> list[str]:
    """The lines a card shows: its wrapped text (the last one ellipsised when cut)."""
    return [line for line in card.face.text.lines if line.strip()]


def missing_card_lines(layout: JourneyLayout, text: str) -> list[str]:
    """Every card line of `layout` that does not appear in the extracted `text`."""
    haystack = squash(text)
    return [
        line
        for card in layout.cards.values()
        for line in visible_lines(card)
        if squash(line) not in haystack
    ]


def page_sizes_pt(path: Path) -> list[tuple[float, float]]:
    """Each page's width and height in points."""
    return [
        (float(page.mediabox.width), float(page.mediabox.height)) for page in PdfReader(path).pages
    ]


def _resolve(value: object) -> object:
    return value.get_object() if isinstance(value, IndirectObject) else value


def _fonts_in(resources: object, seen: set[int], found: list[DictionaryObject]) -> None:
    resources = _resolve(resources)
    if not isinstance(resources, DictionaryObject):
        return
    fonts = _resolve(resources.get("/Font"))
    if isinstance(fonts, DictionaryObject):
        for font in fonts.values():
            font = _resolve(font)
            if isinstance(font, DictionaryObject) and id(font) not in seen:
                seen.add(id(font))
                found.append(font)
    xobjects = _resolve(resources.get("/XObject"))
    if isinstance(xobjects, DictionaryObject):
        for xobject in xobjects.values():
            xobject = _resolve(xobject)
            if isinstance(xobject, DictionaryObject) and "/Resources" in xobject:
                _fonts_in(xobject["/Resources"], seen, found)


def fonts_of(path: Path) -> list[DictionaryObject]:
    """Every font dictionary used by the pages and the forms they draw."""
    found: list[DictionaryObject] = []
    seen: set[int] = set()
    for page in PdfReader(path).pages:
        _fonts_in(page.get("/Resources"), seen, found)
    return found


def unembedded_fonts(path: Path) -> list[str]:
    """Names of fonts without an embedded TrueType program (FontFile2)."""
    missing = []
    for font in fonts_of(path):
        descriptor = _resolve(font.get("/FontDescriptor"))
        if not isinstance(descriptor, DictionaryObject) or "/FontFile2" not in descriptor:
            missing.append(str(font.get("/BaseFont")))
    return missing


def render_pages(path: Path, out_dir: Path, dpi: int = 12) -> list[Image.Image]:
    """Every page rendered by poppler's pdftoppm, as greyscale images."""
    prefix = out_dir / path.stem
    subprocess.run(
        ["pdftoppm", "-gray", "-r", str(dpi), str(path), str(prefix)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    images = sorted(out_dir.glob(f"{path.stem}-*.pgm"))
    return [Image.open(image).copy() for image in images]


def inked_fraction(image: Image.Image) -> float:
    """The share of pixels that are not (nearly) white."""
    histogram = image.convert("L").histogram()
    dark = sum(histogram[:240])
    return dark / max(1, sum(histogram))


def python() -> str:
    """The interpreter running the tests."""
    return sys.executable
