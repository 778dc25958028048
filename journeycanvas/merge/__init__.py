"""Semantic diff and three-way merge of journey maps, by object id. No Qt.

A ``.journey`` file is JSON, but a line-based merge of two people's edits breaks the JSON
or loses cards. This package compares and merges maps as maps: stages, lanes, cards,
connectors, personas, pictures (assets) and the map's own fields, each object by its id,
each field by its name — fields this version does not know (kept from newer files)
included.

API (everything works on `JourneyMap` models and leaves them unchanged):

- ``diff_maps(a, b) -> list[Change]``: what turns A into B. A `Change` has a `kind`
  (added, removed, changed, moved, reordered), a `collection` (``"map"``, ``"stages"``,
  ``"lanes"``, ``"cards"``, ``"connectors"``, ``"personas"``, ``"assets"``), the object's
  `id`, and for a field change the `field` with its `old` and `new` value. A card put in
  another cell is *moved* (old and new ``(stage id, lane id)``); a card that changed place
  inside its cell, or a stage, lane or persona that changed place in its list by a move of
  its own, is *reordered* (old and new 0-based position). The ``modified`` time is ignored.
- ``describe(change, a, b) -> str`` and ``describe_changes(a, b) -> list[str]``: the same
  in words, e.g. "card 'Slow checkout' moved from Try to Buy", "pain point added in Buy:
  'No parking'", "stage 'Know' renamed to 'Awareness'". Every sentence sits in
  `journeycanvas.merge.wording`, translated through the shared catalogues: lines for the
  screen and the terminal in the interface language (or the `Wording` passed), the conflict
  notes written into a merged map in that map's language (its ``locale``).
- ``merge_maps(base, ours, theirs) -> MergeResult``: ``result.journey`` is the merged map,
  ``result.conflicts`` a list of `Conflict` (empty when ``result.clean``), each worded by
  ``describe_conflict(conflict)``.
- ``render_text(journey) -> str``: one map as stable lines of text, for ``git diff``'s
  textconv and for line-based tools.

For the editor (changed on disk, sync-conflict copies, compare view): keep the map as it
was loaded or last saved as the *base*; when the file changes underneath, load it as
*theirs*, call ``merge_maps(base, document_map, theirs)``, show the conflicts
(``describe_conflict``) and select the flagged cards (``card.conflict``); the result then
becomes the document's map and the new base. A sync tool's conflict copy is merged the same
way with the last version both copies share (or the current file, when none is known, as
base: then every difference counts as theirs). For a compare view, ``diff_maps(as_is,
to_be)`` gives the ids to highlight: added, removed, changed and moved cards.

The merge rules:

- A field changed on one side only takes that side's value; changed the same way on both,
  that value. Nested objects (a card's metric, unknown fields, export settings) merge key by
  key. A card's ``tags`` and ``personas`` merge as sets: each side's additions and removals
  apply.
- Objects added on either side are kept; objects deleted on one side and unchanged on the
  other go.
- Order: stages, lanes, personas and the cards inside each cell keep the base order except
  where a side moved or added something; a moved or added item goes after the item it now
  follows on the side that moved it. Items both sides put at the same place interleave by
  their place there, then by id; an item both sides moved goes to the earlier of the two
  places. The result does not depend on which side is "ours" (conflicts apart).
- **Conflicts. Ours wins, theirs is kept beside it, nothing is lost.** When both sides
  changed the same field to different values (including a card moved to two different
  cells), ours is kept and the conflict recorded. On a card, their value goes into the
  card's notes after a line "⚠ Merge conflict — their text: …" and the card gets
  ``"conflict": true`` (the editor shows it; clearing the flag resolves it). On a stage the
  line goes into its goal, on a persona into its description; for the map's own fields,
  lanes, connectors and pictures it goes into the map's scenario (a picture replaced
  differently on both sides is kept twice: theirs under a new id).
- **Edit beats delete.** An object deleted on one side and changed on the other is kept, as
  changed, and the conflict recorded (marked on a card as above). What one side added or
  changed that names an object the other side deleted keeps that object too, recorded the
  same way: a stage or lane stays when a card in it was changed or added on the other side
  (the stage's other cards, unchanged, go with the deletion); a card stays when a connector
  to it was changed or added; a persona stays when the other side tagged a card with it. A
  tag the base already had goes with its deleted persona; a persona or card whose picture
  was deleted keeps the picture.
- **Same id, different objects.** When the two sides have different kinds of object under
  one id (a card on one side, a stage on the other: hand-edited or imported files), both are
  kept: the one that is new there (theirs when both are) gets a new id on its side, with
  everything on that side that names it (cards in a stage, connectors to a card, tags,
  pictures, voting results), and the conflict is recorded and marked like the others. The
  same kind of object added on both sides under one id is one object whose fields clash.
- A card whose kind and emotion score were changed on different sides so that a non-emotion
  card would score takes both from ours (a conflict). Spans are cut to end at the last
  stage; orders inside each cell are 0, 1, 2 …. The result always passes the model's
  integrity checks (``find_problems``), so it can be saved and opened again.

The ``journeycanvas merge`` and ``journeycanvas diff`` commands (``journeycanvas.cli_merge``)
make this a git merge driver, a textconv and an external diff.
"""

from journeycanvas.merge.describe import describe, describe_changes, describe_conflict
from journeycanvas.merge.diff import Change, ChangeKind, diff_maps
from journeycanvas.merge.render import render_text
from journeycanvas.merge.three_way import Conflict, ConflictKind, MergeResult, merge_maps

__all__ = [
    "Change",
    "ChangeKind",
    "Conflict",
    "ConflictKind",
    "MergeResult",
    "describe",
    "describe_changes",
    "describe_conflict",
    "diff_maps",
    "merge_maps",
    "render_text",
]
