"""The editing canvas: QGraphicsScene, view, items and the interactions that push commands."""
