"""Every English phrase the diff and the merge write, in one table.

A later translation issue wraps these strings; nothing else in the package spells out a
sentence. Placeholders are filled by `journeycanvas.merge.describe` (for the listing of
changes and conflicts) and `journeycanvas.merge.three_way` (for the conflict markers that
go into a card's notes, a stage's goal or the map's scenario).
"""

from __future__ import annotations

WORDS: dict[str, str] = {
    # Changes between two maps, one line each.
    "map_field": "map {field} changed from {old} to {new}",
    "added": "{what} {name} added",
    "removed": "{what} {name} removed",
    "renamed": "{what} {old} renamed to {new}",
    "field": "{what} {name}: {field} changed from {old} to {new}",
    "reordered": "{what} {name} moved from position {old} to {new}",
    "card_added": "{kind} added in {cell}: {text}",
    "card_removed": "{kind} removed from {cell}: {text}",
    "card_moved": "card {name} moved from {old} to {new}",
    "card_reordered": "card {name} moved from place {old} to {new} in {cell}",
    "card_text": "card {old} now reads {new}",
    "card_flagged": "card {name} marked as a merge conflict",
    "card_unflagged": "card {name}: merge conflict resolved",
    "connector_name": "from {source} to {target}",
    "picture_name": "{id}",
    "cell": "{stage} / {lane}",
    "nothing": "nothing",
    # Conflicts of a three-way merge, one line each ("our side" is the first map given).
    "conflict_changed": "{what} {name}: {field} changed on both sides; kept ours ({ours}), "
    "theirs was {theirs}",
    "conflict_kept": "{what} {name}: deleted on {deleter} side but changed on {editor} side; kept",
    "conflict_same_id": "{what} {name}: added on {mover} side with the id of {keeper} {other}; "
    "kept both, {mover_own} now has id {id}",
    "object": "{what} {name}",
    "our": "our",
    "their": "their",
    "ours": "ours",
    "theirs": "theirs",
    # Markers written into the merged map, where the user sees them in the editor.
    "marker_field": "⚠ Merge conflict — their {field}: {value}",
    "marker_field_of": "⚠ Merge conflict — {what} {name}, their {field}: {value}",
    "marker_kept": "⚠ Merge conflict — deleted on {deleter} side, kept because {editor} side "
    "changed it",
    "marker_kept_of": "⚠ Merge conflict — {what} {name} was deleted on {deleter} side, kept "
    "because {editor} side changed it or something in it",
    "marker_same_id": "⚠ Merge conflict — added on {mover} side with the same id as {keeper} "
    "{other} ({old}); kept both, this one now has id {id}",
    "marker_same_id_of": "⚠ Merge conflict — {what} {name} was added on {mover} side with the "
    "same id as {keeper} {other} ({old}); kept both, it now has id {id}",
}
"""Sentence templates by key."""

WHAT: dict[str, str] = {
    "map": "map",
    "personas": "persona",
    "stages": "stage",
    "lanes": "lane",
    "cards": "card",
    "connectors": "connector",
    "assets": "picture",
}
"""What one object of each collection is called."""

FIELD_NAMES: dict[str, str] = {
    "width_mm": "width",
    "height_mm": "height",
    "media_type": "picture type",
    "data": "picture",
    "cell": "place",
    "avatar": "picture",
    "export_settings": "export settings",
}
"""Field names worded for people; a field not listed is named as in the file."""
