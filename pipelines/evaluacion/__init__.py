"""Scores against hand-made gold: the extractor (project corpus and real
documents) and the identity links."""
