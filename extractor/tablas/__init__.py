"""Tables read: stitching across pages, header rows and column roles,
cells to figures, rows to observations, captions, summary sheets, templates
and the confidence of each reading.

Input: the tables of an `extractor.modelo.Documento`; output: observations."""
