"""The inspector dock: the properties of the selected card, stage, lane or connector, or of
the map itself when nothing is selected.

Every change the user makes is pushed as one command (journeycanvas.document.commands), so
it is one undo step; the inspector shows the model again after every push, undo and redo
(``Document.changed``) and follows the canvas selection (`set_selection`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDockWidget,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from journeycanvas.canvas.kind_labels import card_kind_label, connector_kind_label, lane_kind_label
from journeycanvas.canvas.picture_drop import ask_for_picture
from journeycanvas.canvas.pictures import thumbnail
from journeycanvas.document import Document, multi_edit
from journeycanvas.document.changes import Entity
from journeycanvas.document.commands import (
    EditCommand,
    SetCardPictureCommand,
)
from journeycanvas.model import (
    Asset,
    CardKind,
    ConnectorKind,
    LaneKind,
    Metric,
    default_card_kind,
)
from journeycanvas.model.kinds import KindField, card_kind_spec, kind_uses, kind_uses_emotion
from journeycanvas.ui.fields import (
    MIXED,
    ChoiceField,
    ColorButton,
    LineField,
    NumberField,
    TextField,
)
from journeycanvas.ui.icons import card_kind_icon, swatch_icon
from journeycanvas.ui.locale_field import LocaleField

PICTURE_THUMBNAIL_PX = 48
"""The side of the card picture's thumbnail in the inspector."""


def object_kind(document: Document, item_id: str) -> str | None:
    """Which kind of map object `item_id` names: "card", "stage", "lane", "connector" or None."""
    lookups: tuple[tuple[str, Callable[[str], object]], ...] = (
        ("card", document.card),
        ("stage", document.stage),
        ("lane", document.lane),
        ("connector", document.connector),
    )
    for kind, lookup in lookups:
        try:
            lookup(item_id)
        except KeyError:
            continue
        return kind
    return None


def show_row(form: QFormLayout, field: QWidget, visible: bool) -> None:
    """Show or hide a form row: the field and its label (when the form has one for it)."""
    field.setVisible(visible)
    label: QWidget | None = form.labelForField(field)
    if label is not None:
        label.setVisible(visible)


def parse_tags(text: str) -> list[str]:
    """Tags typed as "price, delivery, price": trimmed, without blanks or repeats."""
    tags: list[str] = []
    for part in text.split(","):
        tag = part.strip()
        if tag and tag not in tags:
            tags.append(tag)
    return tags


class _FormPage(QWidget):
    """An inspector page: a form of fields at the top, for the inspector's document."""

    def __init__(self, inspector: Inspector) -> None:
        super().__init__(inspector)
        self.inspector = inspector
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.form)
        outer.addStretch(1)
        self._loading = False

    @property
    def document(self) -> Document:
        return self.inspector.document


class _Page(_FormPage):
    """One inspector page: a form bound to one object of the map."""

    def __init__(self, inspector: Inspector) -> None:
        super().__init__(inspector)
        self.target_id: str | None = None

    def show_target(self, target_id: str | None) -> None:
        """Bind the page to an object and show its values."""
        self.target_id = target_id
        self.refresh()

    def refresh(self) -> None:
        """Show the bound object's values from the model."""
        self._loading = True
        try:
            self._load()
        finally:
            self._loading = False

    def commit_pending(self) -> None:
        """Push any text typed into a field but not yet finished."""
        fields: list[LineField | TextField] = [
            *self.findChildren(LineField),
            *self.findChildren(TextField),
        ]
        for field in fields:
            field.commit()

    @property
    def target(self) -> str:
        """The id of the bound object; KeyError when the page is bound to nothing."""
        if self.target_id is None:
            raise KeyError("the inspector page is bound to no object")
        return self.target_id

    def _load(self) -> None:
        raise NotImplementedError

    def _command(self, changes: dict[str, Any]) -> QUndoCommand:
        raise NotImplementedError

    def _current(self, name: str) -> Any:
        raise NotImplementedError

    def edit(self, **changes: Any) -> None:
        """Push one command with `changes` to the bound object, unless nothing changes."""
        if self._loading or self.target_id is None:
            return
        try:
            changes = {k: v for k, v in changes.items() if self._current(k) != v}
        except KeyError:
            return  # the object was deleted meanwhile; there is nothing left to edit
        if not changes:
            return
        try:
            command = self._command(changes)
        except (ValueError, KeyError) as exc:
            self.inspector.show_problem(str(exc))
            self.refresh()
            return
        self.inspector.show_problem("")
        self.document.push(command)


class MapPage(_Page):
    """The map's header: title, scenario, owner and language."""

    def __init__(self, inspector: Inspector) -> None:
        super().__init__(inspector)
        self.title = LineField(self)
        self.title.committed.connect(lambda text: self.edit(title=text))
        self.scenario = TextField(self, lines=4)
        self.scenario.setPlaceholderText(self.tr("Who is the customer, and what do they want?"))
        self.scenario.committed.connect(lambda text: self.edit(scenario=text))
        self.owner = LineField(self)
        self.owner.committed.connect(lambda text: self.edit(owner=text))
        self.locale_edit = LocaleField(self)
        self.locale_edit.setToolTip(self.tr("The language the map is printed and reported in"))
        self.locale_edit.committed.connect(lambda text: self.edit(locale=text.strip()))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.form.addRow(self.tr("Title"), self.title)
        self.form.addRow(self.tr("Scenario"), self.scenario)
        self.form.addRow(self.tr("Owner"), self.owner)
        self.form.addRow(self.tr("Language"), self.locale_edit)
        self.form.addRow(self.summary)

    def _load(self) -> None:
        journey = self.document.journey
        self.title.set_value(journey.title)
        self.scenario.set_value(journey.scenario)
        self.owner.set_value(journey.owner)
        self.locale_edit.set_value(journey.locale)
        self.summary.setText(
            self.tr("{stages} stages · {lanes} lanes · {cards} cards · {personas} personas").format(
                stages=len(journey.stages),
                lanes=len(journey.lanes),
                cards=len(journey.cards),
                personas=len(journey.personas),
            )
        )

    def _current(self, name: str) -> Any:
        return getattr(self.document.journey, name)

    def _command(self, changes: dict[str, Any]) -> QUndoCommand:
        return EditCommand(
            self.document,
            Entity.MAP,
            self.document.journey.id,
            changes,
            selection_before=[],
            selection_after=[],
        )


def _show_kind(field: ChoiceField, known: int, kind: str, label: str) -> None:
    """Show `kind` in a field listing the `known` kinds; a kind this version does not know
    (from a newer file) is shown by its raw name, as an extra last entry."""
    while field.count() > known:
        field.removeItem(field.count() - 1)
    if field.findData(kind) < 0:
        field.addItem(label, kind)
    field.set_value(kind)


class CardPage(_Page):
    """A card: kind, text, notes, colour, tags, personas, votes, emotion, picture and metric."""

    def __init__(self, inspector: Inspector) -> None:
        super().__init__(inspector)
        self.kind = ChoiceField(self)
        for kind in CardKind:
            self.kind.addItem(card_kind_icon(kind), card_kind_label(kind), kind)
        self.kind.committed.connect(lambda kind: self.edit(kind=kind))
        self.text = TextField(self, lines=3)
        self.text.committed.connect(lambda text: self.edit(text=text))
        self.notes = TextField(self, lines=3)
        self.notes.committed.connect(lambda text: self.edit(notes=text))
        self.color = ColorButton(self, allow_default=True)
        self.color.committed.connect(lambda color: self.edit(color=color))
        self.tags = LineField(self)
        self.tags.setPlaceholderText(self.tr("Comma-separated, e.g. price, delivery"))
        self.tags.committed.connect(lambda text: self.edit(tags=parse_tags(text)))
        self.personas = QListWidget(self)
        self.personas.setMaximumHeight(96)
        self.personas.itemChanged.connect(self._personas_ticked)
        self.votes = QSpinBox(self)
        self.votes.setRange(0, 9999)
        self.votes.setKeyboardTracking(False)
        self.votes.valueChanged.connect(lambda votes: self.edit(votes=votes))
        self.emotion = ChoiceField(self)
        self.emotion.addItem(self.tr("No score"), None)
        emotion_names = {
            -3: self.tr("−3 furious"),
            -2: self.tr("−2 unhappy"),
            -1: self.tr("−1 uneasy"),
            0: self.tr("0 neutral"),
            1: self.tr("+1 content"),
            2: self.tr("+2 happy"),
            3: self.tr("+3 delighted"),
        }
        for score, name in emotion_names.items():
            self.emotion.addItem(name, score)
        self.emotion.committed.connect(lambda score: self.edit(emotion=score))

        self.metric_box = QGroupBox(self.tr("Metric"), self)
        self.metric_box.setCheckable(True)
        self.metric_box.toggled.connect(self._metric_toggled)
        self.metric_name = LineField(self.metric_box)
        self.metric_name.setPlaceholderText(self.tr("e.g. reach"))
        self.metric_value = NumberField(self.metric_box)
        self.metric_target = NumberField(self.metric_box)
        self.metric_unit = LineField(self.metric_box)
        self.metric_unit.setPlaceholderText(self.tr("e.g. views"))
        for field in (self.metric_name, self.metric_value, self.metric_target, self.metric_unit):
            field.committed.connect(self._metric_edited)
        metric_form = QFormLayout(self.metric_box)
        metric_form.addRow(self.tr("Name"), self.metric_name)
        metric_form.addRow(self.tr("Value"), self.metric_value)
        metric_form.addRow(self.tr("Target"), self.metric_target)
        metric_form.addRow(self.tr("Unit"), self.metric_unit)

        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Text"), self.text)
        self.form.addRow(self.tr("Notes"), self.notes)
        self.form.addRow(self.tr("Colour"), self.color)
        self.form.addRow(self.tr("Tags"), self.tags)
        self.form.addRow(self.tr("Personas"), self.personas)
        self.form.addRow(self.tr("Votes"), self.votes)
        self.form.addRow(self.tr("Emotion"), self.emotion)
        self.form.addRow(self.tr("Picture"), self._picture_row())
        self.form.addRow(self.metric_box)

    def _picture_row(self) -> QWidget:
        """A thumbnail of the card's picture, and buttons to set or remove it."""
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.picture = QLabel(row)
        # At least the thumbnail's square, wider when the "no picture" word needs it.
        self.picture.setFixedHeight(PICTURE_THUMBNAIL_PX)
        self.picture.setMinimumWidth(PICTURE_THUMBNAIL_PX)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_picture = QPushButton(self.tr("Set…"), row)
        self.set_picture.setToolTip(self.tr("Show a picture on the card (or drop or paste one)"))
        self.set_picture.clicked.connect(self._choose_picture)
        self.remove_picture = QPushButton(self.tr("Remove"), row)
        self.remove_picture.clicked.connect(lambda: self._push_picture(None))
        layout.addWidget(self.picture)
        layout.addWidget(self.set_picture)
        layout.addWidget(self.remove_picture)
        layout.addStretch(1)
        return row

    def _load(self) -> None:
        card = self.document.card(self.target)
        _show_kind(self.kind, len(CardKind), card.kind, card_kind_label(card.kind))
        self.text.set_value(card.text)
        self.notes.set_value(card.notes)
        self.color.set_value(card.color, card_kind_spec(card.kind).fill)
        self.tags.set_value(", ".join(card.tags))
        self.personas.clear()
        for persona in self.document.journey.personas:
            item = QListWidgetItem(swatch_icon(persona.color, round_=True), persona.name)
            item.setData(Qt.ItemDataRole.UserRole, persona.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = persona.id in card.personas
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.personas.addItem(item)
        show_row(self.form, self.personas, bool(self.document.journey.personas))
        self.votes.setValue(card.votes)
        self.emotion.set_value(card.emotion)
        uses_emotion = kind_uses_emotion(card.kind)
        self.emotion.setEnabled(uses_emotion)
        self.emotion.setToolTip("" if uses_emotion else self.tr("Only emotion cards have a score"))
        metric = card.metric
        self.metric_box.setVisible(metric is not None or kind_uses(card.kind, KindField.METRIC))
        self.metric_box.setChecked(metric is not None)
        shown = metric or Metric()
        self.metric_name.set_value(shown.name)
        self.metric_value.set_number(shown.value)
        self.metric_target.set_number(shown.target)
        self.metric_unit.set_value(shown.unit)
        asset = None if card.image is None else self.document.journey.assets.get(card.image)
        image = None if asset is None else thumbnail(asset.data, PICTURE_THUMBNAIL_PX)
        self.picture.setPixmap(QPixmap() if image is None else QPixmap.fromImage(image))
        self.picture.setText("" if image is not None else self.tr("None"))
        self.remove_picture.setEnabled(card.image is not None)

    def _current(self, name: str) -> Any:
        return getattr(self.document.card(self.target), name)

    def _choose_picture(self) -> None:
        picture = ask_for_picture(self)
        if picture is not None:
            self._push_picture(picture)

    def _push_picture(self, picture: Asset | None) -> None:
        """Set (or with None remove) the card's picture: one undo step."""
        if self.target_id is None:
            return
        ids = [self.target_id]
        self.document.push(
            SetCardPictureCommand(
                self.document, self.target_id, picture, selection_before=ids, selection_after=ids
            )
        )

    def _command(self, changes: dict[str, Any]) -> QUndoCommand:
        ids = [self.target]
        return EditCommand(
            self.document,
            Entity.CARD,
            self.target,
            changes,
            selection_before=ids,
            selection_after=ids,
        )

    def _personas_ticked(self, _item: QListWidgetItem) -> None:
        ticked = []
        for row in range(self.personas.count()):
            item = self.personas.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                ticked.append(item.data(Qt.ItemDataRole.UserRole))
        self.edit(personas=ticked)

    def _metric_toggled(self, on: bool) -> None:
        if self._loading:
            return
        self.edit(metric=self._metric_from_fields() if on else None)

    def _metric_edited(self) -> None:
        if self.metric_box.isChecked():
            self.edit(metric=self._metric_from_fields())

    def _metric_from_fields(self) -> Metric | None:
        try:
            value, target = self.metric_value.number(), self.metric_target.number()
        except ValueError:
            self.inspector.show_problem(self.tr("Value and target must be numbers."))
            self.refresh()
            return self._current("metric")
        return Metric(
            name=self.metric_name.text().strip(),
            value=value,
            target=target,
            unit=self.metric_unit.text().strip(),
        )


class StagePage(_Page):
    """A stage: name, goal, colour and width."""

    def __init__(self, inspector: Inspector) -> None:
        super().__init__(inspector)
        self.name = LineField(self)
        self.name.committed.connect(lambda text: self.edit(name=text))
        self.goal = TextField(self, lines=3)
        self.goal.setPlaceholderText(self.tr("What the customer wants at this stage"))
        self.goal.committed.connect(lambda text: self.edit(goal=text))
        self.color = ColorButton(self)
        self.color.committed.connect(lambda color: self.edit(color=color))
        self.width_spin = QDoubleSpinBox(self)
        self.width_spin.setRange(20, 2000)
        self.width_spin.setDecimals(0)
        self.width_spin.setSuffix(self.tr(" mm"))
        self.width_spin.setKeyboardTracking(False)
        self.width_spin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.width_spin.valueChanged.connect(lambda width: self.edit(width_mm=float(width)))
        self.summary = QLabel(self)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Goal"), self.goal)
        self.form.addRow(self.tr("Colour"), self.color)
        self.form.addRow(self.tr("Width"), self.width_spin)
        self.form.addRow(self.summary)

    def _load(self) -> None:
        stage = self.document.stage(self.target)
        self.name.set_value(stage.name)
        self.goal.set_value(stage.goal)
        self.color.set_value(stage.color)
        self.width_spin.setValue(stage.width_mm)
        count = len(self.document.cards_in_stage(stage.id))
        self.summary.setText(self.tr("{count} cards in this stage").format(count=count))

    def _current(self, name: str) -> Any:
        return getattr(self.document.stage(self.target), name)

    def _command(self, changes: dict[str, Any]) -> QUndoCommand:
        ids = [self.target]
        return EditCommand(
            self.document,
            Entity.STAGE,
            self.target,
            changes,
            selection_before=ids,
            selection_after=ids,
        )


class LanePage(_Page):
    """A lane: kind, title and the height the user set (a minimum: rows grow to fit)."""

    def __init__(self, inspector: Inspector) -> None:
        super().__init__(inspector)
        self.kind = ChoiceField(self)
        for kind in LaneKind:
            self.kind.addItem(lane_kind_label(kind), kind)
        self.kind.committed.connect(lambda kind: self.edit(kind=kind))
        self.title = LineField(self)
        self.title.committed.connect(lambda text: self.edit(title=text))
        self.height_spin = QDoubleSpinBox(self)
        # 0 stands for "no height set": the row is as tall as its cards need.
        self.height_spin.setRange(0, 2000)
        self.height_spin.setDecimals(0)
        self.height_spin.setSuffix(self.tr(" mm"))
        self.height_spin.setSpecialValueText(self.tr("Fit the cards"))
        self.height_spin.setKeyboardTracking(False)
        self.height_spin.valueChanged.connect(
            lambda height: self.edit(height_mm=max(10.0, float(height)) if height else None)
        )
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Title"), self.title)
        self.form.addRow(self.tr("Minimum height"), self.height_spin)
        self.form.addRow(self.summary)

    def _load(self) -> None:
        lane = self.document.lane(self.target)
        _show_kind(self.kind, len(LaneKind), lane.kind, lane_kind_label(lane.kind))
        self.title.set_value(lane.title)
        self.height_spin.setValue(lane.height_mm or 0)
        count = len(self.document.cards_in_lane(lane.id))
        self.summary.setText(
            self.tr("{count} cards in this lane. New cards here start as: {kind}").format(
                count=count, kind=card_kind_label(default_card_kind(lane.kind))
            )
        )

    def _current(self, name: str) -> Any:
        return getattr(self.document.lane(self.target), name)

    def _command(self, changes: dict[str, Any]) -> QUndoCommand:
        ids = [self.target]
        return EditCommand(
            self.document,
            Entity.LANE,
            self.target,
            changes,
            selection_before=ids,
            selection_after=ids,
        )


class ConnectorPage(_Page):
    """A connector: kind (flow, branch, breakpoint) and label."""

    def __init__(self, inspector: Inspector) -> None:
        super().__init__(inspector)
        self.kind = ChoiceField(self)
        for kind in ConnectorKind:
            self.kind.addItem(connector_kind_label(kind), kind)
        self.kind.committed.connect(lambda kind: self.edit(kind=kind))
        self.label = LineField(self)
        self.label.setPlaceholderText(self.tr("e.g. if the price is too high"))
        self.label.committed.connect(lambda text: self.edit(label=text))
        self.ends = QLabel(self)
        self.ends.setWordWrap(True)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Label"), self.label)
        self.form.addRow(self.ends)

    def _load(self) -> None:
        connector = self.document.connector(self.target)
        _show_kind(
            self.kind, len(ConnectorKind), connector.kind, connector_kind_label(connector.kind)
        )
        self.label.set_value(connector.label)
        source = self.document.card(connector.source).text or self.tr("(no text)")
        target = self.document.card(connector.target).text or self.tr("(no text)")
        self.ends.setText(
            self.tr("From “{source}” to “{target}”").format(source=source, target=target)
        )

    def _current(self, name: str) -> Any:
        return getattr(self.document.connector(self.target), name)

    def _command(self, changes: dict[str, Any]) -> QUndoCommand:
        ids = [self.target]
        return EditCommand(
            self.document,
            Entity.CONNECTOR,
            self.target,
            changes,
            selection_before=ids,
            selection_after=ids,
        )


def _shared(values: list[Any]) -> tuple[bool, Any]:
    """(True, the value) when all `values` are equal, else (False, None)."""
    first = values[0]
    return (all(value == first for value in values[1:]), first)


def _show_kinds(
    field: ChoiceField, known: int, kinds: list[str], label: Callable[[str], str]
) -> None:
    """Show the objects' shared kind, or "—" when they differ."""
    same, kind = _shared(kinds)
    if same:
        _show_kind(field, known, kind, label(kind))
    else:
        field.set_mixed()


class _ManyPage(_FormPage):
    """A page bound to several objects of one kind: shows what they share, "—" where they
    differ, and sets a field for all of them as one undo step."""

    def __init__(self, inspector: Inspector) -> None:
        super().__init__(inspector)
        self.target_ids: list[str] = []

    def show_targets(self, ids: list[str]) -> None:
        """Bind the page to these objects and show what they share."""
        self.target_ids = list(ids)
        self._loading = True
        try:
            self._load()
        finally:
            self._loading = False

    def refresh(self) -> None:
        """Show the bound objects' values again."""
        self.show_targets(self.target_ids)

    def commit_pending(self) -> None:
        """Push text typed into a field but not yet finished."""
        for field in self.findChildren(LineField):
            field.commit()

    def _load(self) -> None:
        raise NotImplementedError

    def apply(self, edit: Callable[[], bool]) -> None:
        """Run one multi-object edit (a function of journeycanvas.document.multi_edit),
        showing why it was refused, if it was."""
        if self._loading or not self.target_ids:
            return
        try:
            edit()
        except (ValueError, KeyError) as exc:
            self.inspector.show_problem(str(exc))
            self.refresh()
            return
        self.inspector.show_problem("")

    def set_all(self, entity: Entity, **changes: Any) -> None:
        """Set `changes` on every bound object, as one undo step."""
        ids = self.target_ids
        self.apply(
            lambda: multi_edit.set_for_all(
                self.document, entity, ids, changes, self._undo_text(len(ids)), ids
            )
        )

    def _undo_text(self, count: int) -> str:
        raise NotImplementedError


class CardsPage(_ManyPage):
    """Several cards: kind, colour, lane, personas, tags and votes for all of them."""

    def __init__(self, inspector: Inspector) -> None:
        super().__init__(inspector)
        self.kind = ChoiceField(self)
        for kind in CardKind:
            self.kind.addItem(card_kind_icon(kind), card_kind_label(kind), kind)
        self.kind.committed.connect(lambda kind: self.set_all(Entity.CARD, kind=kind))
        self.color = ColorButton(self, allow_default=True)
        self.color.committed.connect(lambda color: self.set_all(Entity.CARD, color=color))
        self.lane = ChoiceField(self)
        self.lane.committed.connect(self._move_to_lane)
        self.personas = QListWidget(self)
        self.personas.setMaximumHeight(96)
        self.personas.itemChanged.connect(self._persona_ticked)
        self.tags_shared = QLabel(self)
        self.tags_shared.setWordWrap(True)
        self.tags_add = LineField(self)
        self.tags_add.setPlaceholderText(self.tr("Add to all, e.g. price, delivery"))
        self.tags_add.committed.connect(lambda text: self._edit_tags(parse_tags(text), []))
        self.tags_remove = LineField(self)
        self.tags_remove.setPlaceholderText(self.tr("Remove from all"))
        self.tags_remove.committed.connect(lambda text: self._edit_tags([], parse_tags(text)))
        self.votes = QSpinBox(self)
        self.votes.setRange(-1, 9999)  # -1 shows "—": the cards have different counts
        self.votes.setSpecialValueText(MIXED)
        self.votes.setKeyboardTracking(False)
        self.votes.valueChanged.connect(self._votes_set)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Colour"), self.color)
        self.form.addRow(self.tr("Lane"), self.lane)
        self.form.addRow(self.tr("Personas"), self.personas)
        self.form.addRow(self.tr("Tags"), self.tags_shared)
        self.form.addRow(self.tr("Add tags"), self.tags_add)
        self.form.addRow(self.tr("Remove tags"), self.tags_remove)
        self.form.addRow(self.tr("Votes"), self.votes)

    def _undo_text(self, count: int) -> str:
        return self.tr("Edit %n cards", None, count)

    def _load(self) -> None:
        cards = [self.document.card(i) for i in self.target_ids]
        _show_kinds(self.kind, len(CardKind), [card.kind for card in cards], card_kind_label)
        same, color = _shared([card.color for card in cards])
        if same:
            self.color.set_value(color, card_kind_spec(cards[0].kind).fill)
        else:
            self.color.set_mixed()
        self.lane.clear()
        for lane in self.document.journey.lanes:
            self.lane.addItem(lane.title or lane_kind_label(lane.kind), lane.id)
        same, lane_id = _shared([card.lane for card in cards])
        if same:
            self.lane.set_value(lane_id)
        else:
            self.lane.set_mixed()
        self.personas.clear()
        for persona in self.document.journey.personas:
            item = QListWidgetItem(swatch_icon(persona.color, round_=True), persona.name)
            item.setData(Qt.ItemDataRole.UserRole, persona.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            having = sum(persona.id in card.personas for card in cards)
            state = (
                Qt.CheckState.Unchecked
                if not having
                else Qt.CheckState.Checked
                if having == len(cards)
                else Qt.CheckState.PartiallyChecked
            )
            item.setCheckState(state)
            self.personas.addItem(item)
        has_personas = bool(self.document.journey.personas)
        show_row(self.form, self.personas, has_personas)
        everyone = set.intersection(*(set(card.tags) for card in cards))
        some = sorted(set().union(*(card.tags for card in cards)) - everyone)
        shared = ", ".join(sorted(everyone)) or self.tr("none")
        self.tags_shared.setText(
            self.tr("All have: {shared}").format(shared=shared)
            + ("\n" + self.tr("Some have: {some}").format(some=", ".join(some)) if some else "")
        )
        self.tags_add.set_value("")
        self.tags_remove.set_value("")
        same, votes = _shared([card.votes for card in cards])
        self.votes.setValue(votes if same else -1)

    def _move_to_lane(self, lane_id: str) -> None:
        ids = self.target_ids
        self.apply(
            lambda: multi_edit.move_to_lane(
                self.document, ids, lane_id, self.tr("Move %n cards", None, len(ids)), ids
            )
        )

    def _persona_ticked(self, item: QListWidgetItem) -> None:
        persona = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.PartiallyChecked:
            item.setCheckState(Qt.CheckState.Checked)  # a click goes on from "some" to "all"
            return
        on = item.checkState() == Qt.CheckState.Checked
        self._edit_list("personas", [persona] if on else [], [] if on else [persona])

    def _edit_tags(self, added: list[str], removed: list[str]) -> None:
        if added or removed:
            self._edit_list("tags", added, removed)

    def _edit_list(self, field: str, added: list[str], removed: list[str]) -> None:
        ids = self.target_ids
        self.apply(
            lambda: multi_edit.add_to_lists(
                self.document, field, ids, added, removed, self._undo_text(len(ids)), ids
            )
        )

    def _votes_set(self, votes: int) -> None:
        if votes >= 0:
            self.set_all(Entity.CARD, votes=votes)


class StagesPage(_ManyPage):
    """Several stages: colour and width for all of them."""

    def __init__(self, inspector: Inspector) -> None:
        super().__init__(inspector)
        self.color = ColorButton(self)
        self.color.committed.connect(lambda color: self.set_all(Entity.STAGE, color=color))
        self.width_spin = QDoubleSpinBox(self)
        self.width_spin.setRange(19, 2000)  # 19 shows "—": the stages have different widths
        self.width_spin.setSpecialValueText(MIXED)
        self.width_spin.setDecimals(0)
        self.width_spin.setSuffix(self.tr(" mm"))
        self.width_spin.setKeyboardTracking(False)
        self.width_spin.valueChanged.connect(self._width_set)
        self.form.addRow(self.tr("Colour"), self.color)
        self.form.addRow(self.tr("Width"), self.width_spin)

    def _undo_text(self, count: int) -> str:
        return self.tr("Edit %n stages", None, count)

    def _load(self) -> None:
        stages = [self.document.stage(i) for i in self.target_ids]
        same, color = _shared([stage.color for stage in stages])
        if same:
            self.color.set_value(color)
        else:
            self.color.set_mixed()
        same, width = _shared([stage.width_mm for stage in stages])
        self.width_spin.setValue(width if same else self.width_spin.minimum())

    def _width_set(self, width: float) -> None:
        if width >= 20:
            self.set_all(Entity.STAGE, width_mm=float(width))


class LanesPage(_ManyPage):
    """Several lanes: kind and minimum height for all of them."""

    def __init__(self, inspector: Inspector) -> None:
        super().__init__(inspector)
        self.kind = ChoiceField(self)
        for kind in LaneKind:
            self.kind.addItem(lane_kind_label(kind), kind)
        self.kind.committed.connect(lambda kind: self.set_all(Entity.LANE, kind=kind))
        self.height_spin = QDoubleSpinBox(self)
        # -1 shows "—" (the lanes differ), 0 "no height set": rows as tall as their cards.
        self.height_spin.setRange(-1, 2000)
        self.height_spin.setDecimals(0)
        self.height_spin.setSuffix(self.tr(" mm"))
        self.height_spin.setSpecialValueText(MIXED)
        self.height_spin.setKeyboardTracking(False)
        self.height_spin.valueChanged.connect(self._height_set)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Minimum height"), self.height_spin)

    def _undo_text(self, count: int) -> str:
        return self.tr("Edit %n lanes", None, count)

    def _load(self) -> None:
        lanes = [self.document.lane(i) for i in self.target_ids]
        _show_kinds(self.kind, len(LaneKind), [lane.kind for lane in lanes], lane_kind_label)
        same, height = _shared([lane.height_mm or 0 for lane in lanes])
        self.height_spin.setValue(height if same else -1)

    def _height_set(self, height: float) -> None:
        if height >= 0:
            self.set_all(Entity.LANE, height_mm=max(10.0, float(height)) if height else None)


class Inspector(QWidget):
    """Shows and edits the selected object, or the map when nothing (or many) is selected."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.selection: list[str] = []
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.hide()
        self.map_page = MapPage(self)
        self.card_page = CardPage(self)
        self.stage_page = StagePage(self)
        self.lane_page = LanePage(self)
        self.connector_page = ConnectorPage(self)
        self.cards_page = CardsPage(self)
        self.stages_page = StagesPage(self)
        self.lanes_page = LanesPage(self)
        self._many_pages: dict[str, _ManyPage] = {
            "card": self.cards_page,
            "stage": self.stages_page,
            "lane": self.lanes_page,
        }
        self._pages: dict[str, _Page] = {
            "map": self.map_page,
            "card": self.card_page,
            "stage": self.stage_page,
            "lane": self.lane_page,
            "connector": self.connector_page,
        }
        self._headings = {
            "map": self.tr("Map"),
            "card": self.tr("Card"),
            "stage": self.tr("Stage"),
            "lane": self.tr("Lane"),
            "connector": self.tr("Connector"),
        }
        self.stack = QStackedWidget(self)
        for page in [*self._pages.values(), *self._many_pages.values()]:
            self.stack.addWidget(page)
        self.many = QLabel(self)
        self.many.setWordWrap(True)
        self.many.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.stack.addWidget(self.many)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.problem)
        layout.addWidget(self.stack)
        layout.addStretch(1)
        self.page_name = "map"
        document.changed.connect(self.refresh)
        self.set_selection([])

    @property
    def page(self) -> _Page | None:
        """The page on show, or None when several objects are selected."""
        return self._pages.get(self.page_name)

    def set_selection(self, ids: list[str]) -> None:
        """Show the one selected object; the map when nothing is selected."""
        self.commit_pending()
        self.selection = list(ids)
        self.refresh()

    def refresh(self) -> None:
        """Show the selection's current values (after any change, undo or redo)."""
        kinds = [(i, object_kind(self.document, i)) for i in self.selection]
        live = [(i, kind) for i, kind in kinds if kind is not None]
        target: str | None
        if not live:
            name, target = "map", self.document.journey.id
        elif len(live) == 1:
            name, target = live[0][1], live[0][0]
        else:
            name, target = "many", None
            kinds_live = {kind for _, kind in live}
            if len(kinds_live) == 1 and (kind := kinds_live.pop()) in self._many_pages:
                self.page_name = "many " + kind
                self._show_many(kind, [i for i, _ in live])
                return
        self.page_name = name
        if name == "many":
            self.heading.setText(self.tr("{count} objects selected").format(count=len(live)))
            self.many.setText(self.tr("Select a single card, stage, lane or connector to edit it."))
            self._show_page(self.many)
            return
        page = self._pages[name]
        self.heading.setText(self._headings[name])
        page.show_target(target)
        self._show_page(page)

    def _show_many(self, kind: str, ids: list[str]) -> None:
        """The page editing several cards, stages or lanes at once."""
        page = self._many_pages[kind]
        headings = {
            "card": self.tr("%n cards", None, len(ids)),
            "stage": self.tr("%n stages", None, len(ids)),
            "lane": self.tr("%n lanes", None, len(ids)),
        }
        self.heading.setText(headings[kind])
        page.show_targets(ids)
        self._show_page(page)

    def _show_page(self, shown: QWidget) -> None:
        # Only the page on show counts for the size, so a short page needs no scroll bar.
        for index in range(self.stack.count()):
            page = self.stack.widget(index)
            if page is None:
                continue
            policy = QSizePolicy.Policy.Preferred if page is shown else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.stack.setCurrentWidget(shown)
        self.stack.adjustSize()

    def commit_pending(self) -> None:
        """Push text typed into the shown page that has not been finished yet."""
        if self.page is not None:
            self.page.commit_pending()
        elif self.page_name.startswith("many "):
            self._many_pages[self.page_name.split()[1]].commit_pending()

    def show_problem(self, message: str) -> None:
        """Tell the user why the last change was refused ("" hides the message)."""
        self.problem.setText(message)
        self.problem.setVisible(bool(message))


class InspectorDock(QDockWidget):
    """The dock holding the inspector, scrollable when the window is short."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Inspector"), parent)
        self.setObjectName("InspectorDock")
        self.inspector = Inspector(document)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.inspector)
        self.setMinimumWidth(self.inspector.minimumSizeHint().width() + 24)
        self.setWidget(scroll)
