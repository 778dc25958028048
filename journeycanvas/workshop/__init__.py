"""Workshop mode: participants join from their phones over the local network, add notes and
dot-vote. No Qt here: the server runs in a thread of its own and hands what arrives to a
host (the editor's adapter, journeycanvas.ui.workshop_host), which changes the map."""
