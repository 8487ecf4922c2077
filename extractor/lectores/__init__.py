"""One reader per file format; all of them return an `extractor.modelo.Documento`."""
