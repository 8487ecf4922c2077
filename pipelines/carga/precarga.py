"""Imported by the fork server of pipelines/carga/cargar.py (never by the rest of
the code): loads the extractor and builds its caches (spaCy's Spanish
lemmatizer, the header rules, the validator's rules) once, so that every child process that reads
a file starts warm instead of paying about two seconds of start-up."""

from __future__ import annotations

try:
    import pypdfium2  # noqa: F401

    import extractor  # noqa: F401
    import extractor.formatos.docx  # noqa: F401
    import extractor.formatos.pdf  # noqa: F401
    import extractor.tablas.filas  # noqa: F401
    import extractor.informe.metadatos  # noqa: F401
    import extractor.informe.narrativa  # noqa: F401
    import extractor.formatos.seguridad  # noqa: F401
    import extractor.tablas.costura  # noqa: F401
    import extractor.castellano.cortes  # noqa: F401
    import extractor.castellano.lexico  # noqa: F401
    import extractor.informe.cobertura  # noqa: F401
    import extractor.informe.lectura  # noqa: F401
    import extractor.tablas.confianza  # noqa: F401
    import extractor.tablas.plantillas  # noqa: F401
    import extractor.tablas.traspuesta  # noqa: F401
    import encodings.utf_16_be  # noqa: F401  (pdfium's text and names come as UTF-16)
    import encodings.utf_16_le  # noqa: F401
    from extractor.informe import logros, narrativa
    from extractor.tablas.encabezados import clasificador

    import esquemas

    esquemas.precargar()  # the YAML files, parsed once here (each child deep-copies what it reads)
    # the patterns built from esquemas/ on first use (compiled once here, not in every child)
    logros.patrones()
    narrativa._vocabulario()
    extractor.castellano.lexico.lexico()  # the word list, unpacked once (12 ms a child)
    extractor.castellano.lexico._extra()

    clasificador().cargar_reglas()  # spaCy, for the headers the persistent memory does not hold
    import pipelines.carga.cargar  # noqa: F401
    import pipelines.validacion as validacion
    from pipelines.carga import guardado

    validacion.reglas_registradas()  # the worker also validates and builds the rows (guardado.preparar)
    validacion.config_por_defecto()
    guardado.calentar()

    import gc

    # what every child inherits is never garbage: its collections skip it
    # (and so do not touch, and copy, the pages they share with this server)
    gc.freeze()
except Exception:  # noqa: BLE001 - a child imports what it needs anyway
    pass
