"""The Spanish of the reports: numbers as es-CO writes them, dates and periods,
lemmas and the lexicon, words and numbers cut by a line break, indicator names.

Pure text functions; they know nothing of files or tables."""
