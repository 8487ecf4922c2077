"""A document model into a report: metadata, observations of every table,
money and named results in the prose, the confidence of each reading and the coverage audit."""

from __future__ import annotations

from extractor.formatos import HOJAS
from extractor.resultado import InformeExtraido


def interpretar(doc, plantillas: tuple = ()) -> InformeExtraido:
    """Metadata, observations, unmapped rows and the coverage audit of a
    document. `plantillas`: reading templates (extractor/tablas/plantillas.py),
    a person's corrections of table layouts, applied to matching tables."""
    return interpretar_con_lecturas(doc, plantillas)[0]


def leer(doc, plantillas: tuple = ()):
    """Every table of `doc` as extraction read it, for `informes ver`: its
    reading (header rows, columns) and each row's role, from the very
    observations `interpretar` gives (extractor/informe/lectura.py)."""
    from extractor.informe.lectura import Lectura, tabla_leida

    result, lecturas = interpretar_con_lecturas(doc, plantillas)
    obs: dict = {}
    for o in result.observaciones:
        obs.setdefault(o.tabla, []).append(o)
    omitidas: dict = {}
    for f in result.no_mapeadas:
        omitidas.setdefault(f.tabla, []).append(f)
    return Lectura(
        metadatos=result.metadatos,
        tablas=[
            tabla_leida(t, lecturas[t.indice], obs.get(t.indice, []), omitidas.get(t.indice, [])) for t in doc.tablas
        ],
        narrativa=obs.get(None, []),
    )


def interpretar_con_lecturas(doc, plantillas: tuple = ()) -> tuple[InformeExtraido, dict]:
    """`interpretar`'s report and how each table was read ({table index: LecturaTabla})."""
    from extractor.informe.cobertura import auditar
    from extractor.informe.lectura import LecturaTabla, observaciones_de_tabla
    from extractor.informe.metadatos import extraer_metadatos, planifica
    from extractor.informe.logros import logros_en_narrativa
    from extractor.informe.narrativa import dinero_en_narrativa
    from extractor.informe.notas_de_cifras import con_periodo_de_sus_notas
    from extractor.resultado import FilaNoMapeada
    from extractor.tablas.fichas import leer_fichas, observaciones_de_ficha
    from extractor.tablas.titulos import nombres_de_hoja, titulos_de_tablas

    meta, ctx = extraer_metadatos(doc)
    titulos = titulos_de_tablas(doc)
    cortos = nombres_de_hoja(doc) if doc.formato in HOJAS else {}
    meta.codigo_divipola = meta.codigo_divipola or getattr(doc, "codigo_divipola", None)
    result = InformeExtraido(
        archivo=doc.archivo, sha256=doc.sha256, formato=doc.formato, paginas=doc.paginas, metadatos=meta
    )
    por_hoja = _contextos_por_hoja(doc, ctx) if doc.formato in HOJAS else {}
    fichas = leer_fichas(doc, doc.formato in HOJAS, titulos)  # indicators' data sheets above their tables
    lecturas = {}
    for tabla in doc.tablas:
        ctx_tabla = por_hoja.get(tabla.paginas[0], ctx) if tabla.paginas else ctx
        lecturas[tabla.indice] = lectura = LecturaTabla(plantillas=tuple(plantillas))
        obs, skipped = observaciones_de_tabla(
            tabla,
            ctx_tabla,
            planifica(meta.tipo_documento),
            titulos.get(tabla.indice, []),
            lectura,
            cortos.get(tabla.indice),
            fichas,
        )
        result.observaciones.extend(obs)
        result.no_mapeadas.extend(skipped)
    result.observaciones = con_periodo_de_sus_notas(result.observaciones, doc, ctx)  # "2.870¹": ¹ dates it
    de_fichas = []
    for ficha in fichas.fichas:  # the fields written as "Label: value" lines
        pagina = ficha.campos[0].pagina
        de_fichas.extend(observaciones_de_ficha(ficha, por_hoja.get(pagina, ctx)))
    result.observaciones.extend(de_fichas)
    if doc.formato in HOJAS:
        from extractor.tablas.resumenes import quitar_resumenes

        result.observaciones, notas = quitar_resumenes(result.observaciones, doc)
        result.no_mapeadas.extend(notas)
    result.no_mapeadas.extend(FilaNoMapeada(texto=o.texto, motivo=o.motivo, pagina=o.pagina) for o in doc.omisiones)
    result.observaciones.extend(dinero_en_narrativa(doc, ctx, de_fichas))
    # named indicators' results in prose (not those a table already gave)
    result.observaciones.extend(logros_en_narrativa(doc, ctx, result.observaciones))
    result.columnas_leidas, result.plantillas = _columnas_leidas(lecturas)
    from extractor.tablas.confianza import ajustar

    ajustar(result.observaciones, lecturas)  # how each table was read: rule or guess, arithmetic
    # nothing dropped silently: every number near a table is accounted for
    auditoria = auditar(doc, result, lecturas)
    result.cobertura, result.sin_destino = auditoria.cobertura, auditoria.sin_destino
    result.cifras_auditadas = dict(auditoria.por_destino)
    return result, lecturas


def _columnas_leidas(lecturas: dict) -> tuple[list, dict[int, str]]:
    """Each table's column reading (LecturaColumna rows) and the templates applied."""
    from extractor.tablas.plantillas import firma
    from extractor.resultado import LecturaColumna

    filas, aplicadas = [], {}
    for indice, lectura in lecturas.items():
        if lectura.plantilla:
            aplicadas[indice] = lectura.plantilla
        huella = firma([c.encabezado for c in lectura.columnas])
        for c in lectura.columnas:
            p = c.periodo if c.rol == "valor" else None
            filas.append(
                LecturaColumna(
                    tabla=indice,
                    columna=c.indice,
                    encabezado=c.encabezado or "",
                    rol=c.rol,
                    medida=c.medida if c.rol == "valor" else None,
                    periodo_inicio=p.inicio if p else None,
                    periodo_fin=p.fin if p else None,
                    escala=c.escala if c.rol == "valor" else None,
                    nombre=c.indice == lectura.etiqueta,
                    firma=huella,
                    plantilla=lectura.plantilla,
                )
            )
    return filas, aplicadas


def _contextos_por_hoja(doc, ctx):
    """Each sheet of a workbook is its own report context when its own
    title lines date it ("Vigencia 2023", "Corte 15 de junio de 2025") with
    another year or cut than the workbook's first title, or with a span of
    years: {page: Contexto}."""
    from dataclasses import replace
    from datetime import date

    from extractor.informe.metadatos import extraer_metadatos
    from extractor.modelo import Documento

    salida: dict = {}
    paginas = sorted({t.paginas[0] for t in doc.tablas if t.paginas})
    if len(paginas) < 2:
        return salida
    for pagina in paginas:
        propios = [b for b in doc.textos if b.pagina == pagina]
        titulos = [b for b in propios if b.estilo != "Hoja"]
        if not titulos:
            continue
        sub = Documento(
            archivo=doc.archivo, sha256=doc.sha256, formato=doc.formato, paginas=doc.paginas, bloques=propios
        )
        _, propio = extraer_metadatos(sub)
        varios = _varios_anios(b.texto for b in titulos) if propio.fecha_corte is None else None
        if varios:
            # "Resumen consolidado 2024-2025" over sheets "2024" and "2025": the
            # sheet covers both years, no single vigencia nor cut of its own
            salida[pagina] = replace(
                propio,
                vigencia=None,
                fecha_corte=None,
                periodo_inicio=date(varios[0], 1, 1),
                periodo_fin=date(varios[1], 12, 31),
                cuatrienio=ctx.cuatrienio,
            )
        elif propio.vigencia and (propio.vigencia != ctx.vigencia or propio.fecha_corte not in (None, ctx.fecha_corte)):
            salida[pagina] = replace(propio, cuatrienio=propio.cuatrienio or ctx.cuatrienio)
    return salida


def _varios_anios(textos) -> tuple[int, int] | None:
    """(first, last) year of the one span of two or three years the title
    lines write ("2024-2025", "2021 - 2023"), when every other year they
    write lies inside it (a plan's term, four years, is the plan's context
    and is left aside: "Plan de Desarrollo 2020-2023")."""
    from extractor.informe.metadatos import ANIO, CUATRIENIO

    textos = list(textos)
    tramos = {(int(m.group(1)), int(m.group(2))) for t in textos for m in CUATRIENIO.finditer(t)}
    cortos = {(a, b) for a, b in tramos if 1 <= b - a <= 2}
    if len(cortos) != 1:
        return None
    desde, hasta = cortos.pop()
    sin_planes = [
        CUATRIENIO.sub(lambda m: " " if int(m.group(2)) - int(m.group(1)) == 3 else m.group(0), t) for t in textos
    ]
    anios = {int(a) for t in sin_planes for a in ANIO.findall(t)}
    return (desde, hasta) if all(desde <= a <= hasta for a in anios) else None
