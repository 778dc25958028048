"""The canvas editor on generated maps (1k, 5k, 20k cards), against plain Qt doing the same.

Run: ``python tests/bench/bench_canvas.py [SIZES...]`` (offscreen unless a display is
set). Prints ``figure value unit`` lines; each figure also as a ratio to the "raw" floor:
a QGraphicsScene of plain QGraphicsRectItems, each with a QGraphicsSimpleTextItem of the
card's text, at the cards' rectangles, in a view of the same size, in the same run.

- ``open``: Document + MapEditorView built, shown, and the first frame painted (raw:
  building the plain items, showing the view, first frame); fonts are loaded beforehand
  on another map, the map itself is new to every cache. A big map opens lane by lane:
  ``open_settled`` is the time until it is all laid out and its connectors routed, the
  event loop running meanwhile (raw: the same as for ``open``).
- ``frame_pan``: one frame after scrolling the 1600×1000 view by 400 px at 100 % (Qt
  moves the pixels it has and paints the uncovered strip).
- ``frame_zoom``: one frame after zooming out one step (1.25×), at 100 % and around it.
- ``frame_fit``: one frame of the whole map (zoom to fit: all cards drawn as boxes).
- ``drag_step``: one mouse move while dragging a card, with the repaint it causes.
- ``drop``, ``undo_move``, ``redo_move``: a card moved to another cell (the command a drop
  pushes), its undo and its redo, each with the repaint (raw: moving the same number of
  plain items the edit moved).
- ``text_reflow``: a card's text made three lines longer, so that its lane grows and every
  lane below shifts (raw: moving the plain items that moved).
- ``insert`` / ``delete``: adding a card at the top of a cell, deleting it again (raw: adding
  or removing one plain item and moving those that moved).
  Each edit is timed to its first painted frame: the edit and the events it posted
  (Qt's scene and view updates, which paint the frame; not timers). Work the editor leaves for
  timer slices (routing connectors) is not in it; ``settle_<edit>`` is the time from
  the edit until that work is done too, the event loop running (no raw floor: plain
  Qt has no connectors).
- ``add_lane`` / ``undo_add_lane``: a new lane at the top, and its undo: every lane below
  moves (a big map lays out the lanes in view first, the others in timer slices; raw:
  moving the plain items that moved).
- ``edit_slowest``: the slowest first frame of all runs of the card edits (drop to delete: a
  pause their medians would hide, such as a full garbage collection; no raw floor).
- ``memory``: resident memory the open map adds (measured in a child process, from
  /proc/self/status), in MB.
Times are medians of several runs (open: one run), in milliseconds.
"""

from __future__ import annotations

import gc
import math
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate_map
from PySide6.QtCore import QEvent, QEventLoop, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QTransform
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from journeycanvas.canvas.editor import MapEditorView
from journeycanvas.canvas.scene import MapScene
from journeycanvas.canvas.units import PIXELS_PER_MM
from journeycanvas.document import Document
from journeycanvas.document.changes import Entity
from journeycanvas.document.commands import (
    AddCardCommand,
    AddLaneCommand,
    EditCommand,
    MoveCardsCommand,
    RemoveCardsCommand,
)
from journeycanvas.layout import JourneyLayout, layout_journey
from journeycanvas.model.entities import JourneyMap, Lane

SIZES = (1_000, 5_000, 20_000)
CARD_EDITS = ("drop", "undo_move", "redo_move", "text_reflow", "insert", "delete")
VIEW_W, VIEW_H = 1600, 1000
REPEAT = 15


def figure(name: str, value: float, unit: str) -> None:
    """Print one figure line."""
    print(f"{name} {value:.4g} {unit}", flush=True)


def timed(run: Callable[[], object]) -> float:
    """Wall time of one call, in milliseconds."""
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000


def rss_mb() -> float:
    """This process's resident memory, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


# ---------------------------------------------------------------- the raw floor


class RawCanvas:
    """Plain Qt: a rect item with a simple text item per card, in a plain view."""

    def __init__(self, journey: JourneyMap, layout: JourneyLayout) -> None:
        scene = QGraphicsScene()
        scene.setSceneRect(QRectF(0, 0, layout.width, layout.height))
        texts = {card.id: card.text for card in journey.cards}
        self.items: dict[str, QGraphicsRectItem] = {}
        for card in layout.cards.values():
            item = QGraphicsRectItem(0, 0, card.rect.w, card.rect.h)
            item.setBrush(QColor(card.face.fill))
            item.setFlag(QGraphicsRectItem.GraphicsItemFlag.ItemIsMovable)
            item.setFlag(QGraphicsRectItem.GraphicsItemFlag.ItemIsSelectable)
            item.setPos(card.rect.x, card.rect.y)
            text = QGraphicsSimpleTextItem(texts[card.id])
            text.setParentItem(item)
            text.setScale(0.25)
            scene.addItem(item)
            self.items[card.id] = item
        view = QGraphicsView(scene)
        view.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        view.setTransform(QTransform.fromScale(PIXELS_PER_MM, PIXELS_PER_MM))
        view.resize(VIEW_W, VIEW_H)
        self.scene, self.view = scene, view

    def set_zoom(self, zoom: float) -> None:
        """Zoom as the editor does."""
        self.view.setTransform(QTransform.fromScale(zoom * PIXELS_PER_MM, zoom * PIXELS_PER_MM))

    def close(self) -> None:
        """Drop the view and scene."""
        self.view.close()
        self.view.deleteLater()
        self.scene.deleteLater()


# ---------------------------------------------------------------- shared measurements


def paint(view: QGraphicsView) -> None:
    """Paint the whole viewport now."""
    view.viewport().repaint()


def show(view: QGraphicsView) -> None:
    """Show the view, wait until its window can be painted, paint the first frame."""
    view.show()
    QTest.qWaitForWindowExposed(view)
    paint(view)


class PaintCounter(QObject):
    """Counts the paint events a widget gets."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Count a paint event; let every event through."""
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def first_frame(view: QGraphicsView) -> None:
    """Deliver the events an edit posted (Qt's scene and view updates; not timers: a
    slice of work the editor left for a timer is not part of the frame), which paint
    the frame; paint it if they did not."""
    counter = view.viewport().findChild(PaintCounter) or PaintCounter(view.viewport())
    painted = counter.count
    QApplication.sendPostedEvents()
    if counter.count == painted:
        paint(view)


def settle(scene: MapScene) -> None:
    """Run the event loop until the scene has no layout work left."""
    while not scene.settled_now:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def frame_times(view: QGraphicsView, set_zoom: Callable[[float], None]) -> dict[str, float]:
    """Median pan, zoom and fit frames of a view at 100 %, in ms."""
    set_zoom(1.0)
    bar = view.horizontalScrollBar()
    vbar = view.verticalScrollBar()
    bar.setValue(bar.minimum())
    vbar.setValue(vbar.minimum())
    paint(view)
    pans, zooms = [], []
    for i in range(REPEAT):
        step = 400 if i % 2 == 0 else -400
        # A real scroll: Qt moves the pixels it has and paints the uncovered strip.
        pans.append(
            timed(
                lambda step=step: (bar.setValue(bar.value() + step), QApplication.processEvents())
            )
        )
    for i in range(REPEAT):
        zoom = 1.0 / 1.25 if i % 2 == 0 else 1.0
        zooms.append(timed(lambda zoom=zoom: (set_zoom(zoom), paint(view))))
    fits = []
    layout_rect = view.sceneRect()
    fit = min(VIEW_W / layout_rect.width(), VIEW_H / layout_rect.height()) / PIXELS_PER_MM
    for i in range(5):
        zoom = fit if i % 2 == 0 else fit * 1.1
        fits.append(timed(lambda zoom=zoom: (set_zoom(zoom), paint(view))))
    set_zoom(1.0)
    return {
        "frame_pan": statistics.median(pans),
        "frame_zoom": statistics.median(zooms),
        "frame_fit": statistics.median(fits),
    }


def drag_steps(view: QGraphicsView, start: QPointF, steps: int = 40) -> float:
    """Median time of one mouse move (and its repaint) while dragging from `start`."""
    view.centerOn(start)
    paint(view)
    viewport = view.viewport()
    point = view.mapFromScene(start)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    times = []
    for i in range(1, steps + 1):
        target = point + type(point)(3 * i, 2 * i)

        def step(target=target) -> None:
            QTest.mouseMove(viewport, target)
            QApplication.processEvents()

        times.append(timed(step))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       point)  # fmt: skip
    QApplication.processEvents()
    return statistics.median(times[2:])


def edit_times(view: MapEditorView, raw: RawCanvas) -> dict[str, tuple[float, float]]:
    """Median drop, undo, redo, text reflow, insert and delete, each with its raw floor;
    and the median time of each until settled (raw: NaN)."""
    document = view.document
    scene = view.map_scene
    times: dict[str, tuple[list[float], list[float]]] = {}

    def rects() -> dict[str, object]:
        return {i: c.rect for i, c in scene.layout.cards.items()}

    def run(name: str, edit: Callable[[], object]) -> None:
        """Time `edit` to its first frame, and until settled; then the raw canvas moving
        what the edit moved."""
        before = rects()
        start = time.perf_counter()
        edit()
        first_frame(view)
        ours = (time.perf_counter() - start) * 1000
        settle(scene)
        paint(view)  # the connectors routed, drawn
        settled = (time.perf_counter() - start) * 1000
        times.setdefault(f"settle_{name}", ([], []))[0].append(settled)
        after = scene.layout.cards
        moved = [i for i, c in after.items() if before.get(i) != c.rect]
        gone = [i for i in before if i not in after]

        def floor() -> None:
            for card_id in moved:
                item = raw.items.get(card_id)
                if item is None:
                    rect = after[card_id].rect
                    item = raw.items[card_id] = QGraphicsRectItem(0, 0, rect.w, rect.h)
                    raw.scene.addItem(item)
                item.setPos(after[card_id].rect.x, after[card_id].rect.y)
            for card_id in gone:
                item = raw.items.pop(card_id, None)
                if item is not None:
                    raw.scene.removeItem(item)
            first_frame(raw.view)

        lists = times.setdefault(name, ([], []))
        lists[0].append(ours)
        lists[1].append(timed(floor))

    stages = [s.id for s in document.journey.stages]
    stack = document.undo_stack
    for i in range(7):
        cards = document.journey.cards
        moved = cards[i * 37 % len(cards)]
        target_stage = stages[(stages.index(moved.stage) + 1) % len(stages)]
        move = MoveCardsCommand(document, [moved.id], target_stage, moved.lane, 0)
        run("drop", lambda move=move: document.push(move))
        run("undo_move", stack.undo)
        run("redo_move", stack.redo)
        longer = moved.text + "\none more line\nand another\nand a third"
        edit = EditCommand(document, Entity.CARD, moved.id, {"text": longer})
        run("text_reflow", lambda edit=edit: document.push(edit))
        card = document.new_card(moved.stage, moved.lane, 0, text="A new card")
        run("insert", lambda card=card: document.push(AddCardCommand(document, card)))
        remove = RemoveCardsCommand(document, [card.id])
        run("delete", lambda remove=remove: document.push(remove))
        lane = Lane(id=f"bench-lane-{i}", name="A new lane")
        run("add_lane", lambda lane=lane: document.push(AddLaneCommand(document, lane, 0)))
        run("undo_add_lane", stack.undo)
    medians = {
        name: (statistics.median(ours), statistics.median(floor) if floor else math.nan)
        for name, (ours, floor) in times.items()
    }
    first_frames = [t for name in CARD_EDITS for t in times[name][0]]
    medians["edit_slowest"] = (max(first_frames), math.nan)
    return medians


# ---------------------------------------------------------------- one size


def measure(n: int) -> None:
    """Every timing figure for a map of `n` cards."""
    label = f"{n // 1000}k"
    journey = generate_map(n, seed=n)
    layout = layout_journey(journey)

    copy = journey.model_copy(deep=True)
    gc.collect()
    start = time.perf_counter()
    view = MapEditorView(Document(copy))
    view.resize(VIEW_W, VIEW_H)
    show(view)
    canvas_open = (time.perf_counter() - start) * 1000
    settle(view.map_scene)
    canvas_settled = (time.perf_counter() - start) * 1000
    gc.collect()
    start = time.perf_counter()
    raw = RawCanvas(journey, layout)
    show(raw.view)
    raw_open = (time.perf_counter() - start) * 1000
    results = {"open": (canvas_open, raw_open), "open_settled": (canvas_settled, raw_open)}

    canvas_frames = frame_times(view, view.set_zoom)
    raw_frames = frame_times(raw.view, raw.set_zoom)
    for key in canvas_frames:
        results[key] = (canvas_frames[key], raw_frames[key])

    card = layout.cards[next(iter(layout.cards))]
    grab = QPointF(card.rect.x + card.rect.w / 3, card.rect.y + card.rect.h / 2)
    results["drag_step"] = (drag_steps(view, grab), drag_steps(raw.view, grab))

    results.update(edit_times(view, raw))

    for key, (ours, floor) in results.items():
        figure(f"{key}_{label}", ours, "ms")
        if math.isnan(floor):
            continue
        figure(f"{key}_raw_{label}", floor, "ms")
        figure(f"{key}_vs_raw_{label}", ours / floor if floor else float("nan"), "x")
    view.close()
    raw.close()
    QApplication.processEvents()


def warm_up() -> None:
    """Load the fonts and Qt's code paths once, on a different small map."""
    journey = generate_map(300, seed=1)
    view = MapEditorView(Document(journey.model_copy(deep=True)))
    view.resize(VIEW_W, VIEW_H)
    show(view)
    raw = RawCanvas(journey, layout_journey(journey))
    show(raw.view)
    view.close()
    raw.close()
    QApplication.processEvents()


def memory_child(kind: str, n: int) -> None:
    """In a child process: print the MB that opening the map (or the raw floor) adds."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    journey = generate_map(n, seed=n)
    layout = layout_journey(journey) if kind == "raw" else None
    gc.collect()
    base = rss_mb()
    if kind == "raw":
        keep = RawCanvas(journey, layout)
        show(keep.view)
    else:
        keep = MapEditorView(Document(journey.model_copy(deep=True)))
        keep.resize(VIEW_W, VIEW_H)
        show(keep)
    gc.collect()
    print(rss_mb() - base)
    del keep, app


def memory(n: int) -> None:
    """Memory figures, each measured in a fresh process."""
    label = f"{n // 1000}k"
    values = {}
    for kind in ("canvas", "raw"):
        out = subprocess.run(
            [sys.executable, __file__, "--memory", kind, str(n)],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        values[kind] = float(out.strip().splitlines()[-1])
    figure(f"memory_{label}", values["canvas"], "MB")
    figure(f"memory_raw_{label}", values["raw"], "MB")
    figure(f"memory_vs_raw_{label}", values["canvas"] / values["raw"], "x")


def main() -> None:
    """Measure every size asked for on the command line (default 1k, 5k, 20k)."""
    if len(sys.argv) == 4 and sys.argv[1] == "--memory":
        memory_child(sys.argv[2], int(sys.argv[3]))
        return
    app = QApplication.instance() or QApplication(sys.argv[:1])
    sizes = [int(arg) for arg in sys.argv[1:]] or list(SIZES)
    warm_up()
    for n in sizes:
        measure(n)
        memory(n)
    del app


if __name__ == "__main__":
    main()
