"""What the commands write and show: exports, text outputs, comparison across
years (tables and HTML), `informes ver` and `informes revisar`, terminal tables."""
