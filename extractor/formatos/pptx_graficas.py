"""A native PowerPoint chart as the table of its data.

A chart keeps its figures (the embedded workbook's cache in the chart part:
categories and one list of values per series), so its table is exact,
whatever the drawing shows:

    (chart title, a block right above the table: its caption)
               | Meta 2024 | Ejecutado 2024      <- the series
    Indicador A |    120    |       98           <- one row per category
    Indicador B |     40    |       40

as the PDF reader reads a drawn bar chart (graficas.py). Categories in two
levels (programme › indicator) give a band row with the programme before
its indicators. A chart of one indicator names its measures in the
categories ("Meta 2024", "Ejecutado 2024") and the indicator in its title:
its one series is written as the row the title names,

                                | Meta 2024 | Ejecutado 2024
    Niños vacunados (the title) |    120    |       98

as graficas_de_indicador.py reads such a drawing. Numbers are written as
the sheet reader writes numeric cells (hoja.py `texto_de_valor`, with the
series' number format: 0,817 in a "0%" series is "81,7 %"); a point
without a value is an empty cell. Scatter and bubble charts (numbers
against numbers, no categories) are not tables: an omission says so.
"""

from __future__ import annotations

from typing import Optional

from extractor.formatos.hoja import texto_de_valor
from extractor.formatos.pptx_medidas import son_medidas
from extractor.modelo import BBox, Bloque, BloqueTexto, Celda, Omision, Tabla

_SIN_CATEGORIAS = ("XyPlot", "BubblePlot")


def titulo_de_grafica(grafica) -> str:
    """The chart's title as written; "" when it has none (or only the automatic one)."""
    if not grafica.has_title:
        return ""
    titulo = grafica.chart_title
    if not titulo.has_text_frame:
        return ""
    return " ".join(titulo.text_frame.text.replace("\v", "\n").split())


def _formatos(grafica) -> list[str]:
    """The number format of each series, in the order of `grafica.plots`'
    series: its data labels' own format, else its values' format in the
    data cache; "General" when neither says."""
    salida = []
    for ser in grafica.element.xpath("./c:chart/c:plotArea/*/c:ser"):
        propio = ser.xpath("./c:dLbls/c:numFmt[@sourceLinked='0']/@formatCode")
        cache = ser.xpath("./c:val//c:formatCode/text()")
        salida.append((propio or cache or ["General"])[0])
    return salida


def _serie(nombre: str, i: int) -> str:
    return " ".join((nombre or "").split()) or f"Serie {i}"


def bloques_de_grafica(grafica, pagina: int, caja: Optional[BBox], omisiones: list[Omision]) -> list[Bloque]:
    """The chart's title (if any) and the table of its data; [] (and an
    omission) for a chart with no categories to make rows of."""
    titulo = titulo_de_grafica(grafica)
    formatos = _formatos(grafica)
    series: list[tuple[str, tuple, str]] = []
    categorias: list[tuple[str, ...]] = []
    for plot in grafica.plots:
        de_plot = list(plot.series)
        if type(plot).__name__ in _SIN_CATEGORIAS:
            formatos[: len(de_plot)] = []
            omisiones.append(
                Omision(
                    texto=f"Gráfica «{titulo}»" if titulo else "Gráfica de dispersión",
                    motivo="gráfica de dispersión (cifras contra cifras, sin categorías): no se leyó como tabla",
                    pagina=pagina,
                )
            )
            continue
        if not categorias:
            categorias = [tuple(" ".join(n.split()) for n in niveles) for niveles in plot.categories.flattened_labels]
        for serie in de_plot:
            series.append((_serie(serie.name, len(series) + 1), tuple(serie.values), formatos.pop(0)))
    if not series or not categorias:
        return []
    if son_medidas([c[-1] for c in categorias]) and not son_medidas([s[0] for s in series], alguna=True):
        tabla = _de_un_indicador(titulo, categorias, series, pagina)
    else:
        tabla = _por_categoria(categorias, series, pagina)
    return ([BloqueTexto(texto=titulo, pagina=pagina, bbox=caja)] if titulo else []) + [tabla]


def _por_categoria(categorias: list[tuple[str, ...]], series: list[tuple[str, tuple, str]], pagina: int) -> Tabla:
    celdas = [Celda(texto="", fila=0, columna=0, pagina=pagina)]
    celdas += [Celda(texto=nombre, fila=0, columna=k, pagina=pagina) for k, (nombre, _, _) in enumerate(series, 1)]
    fila, banda = 1, None
    for i, niveles in enumerate(categorias):
        if len(niveles) > 1 and niveles[0] != banda:  # a programme over its indicators
            banda = niveles[0]
            celdas.append(Celda(texto=banda, fila=fila, columna=0, pagina=pagina, columnas_span=len(series) + 1))
            fila += 1
        celdas.append(Celda(texto=niveles[-1], fila=fila, columna=0, pagina=pagina))
        for k, (_, valores, formato) in enumerate(series, 1):
            valor = valores[i] if i < len(valores) else None
            celdas.append(Celda(texto=texto_de_valor(valor, formato), fila=fila, columna=k, pagina=pagina))
        fila += 1
    return Tabla(indice=0, celdas=celdas, filas_encabezado_marcadas=1)


def _de_un_indicador(
    titulo: str, categorias: list[tuple[str, ...]], series: list[tuple[str, tuple, str]], pagina: int
) -> Tabla:
    """Categories that are measures: one row per series, named by the chart's
    title when the series is the only one."""
    celdas = [Celda(texto="", fila=0, columna=0, pagina=pagina)]
    celdas += [Celda(texto=c[-1], fila=0, columna=k, pagina=pagina) for k, c in enumerate(categorias, 1)]
    for r, (nombre, valores, formato) in enumerate(series, 1):
        celdas.append(Celda(texto=titulo if titulo and len(series) == 1 else nombre, fila=r, columna=0, pagina=pagina))
        for k in range(len(categorias)):
            valor = valores[k] if k < len(valores) else None
            celdas.append(Celda(texto=texto_de_valor(valor, formato), fila=r, columna=k + 1, pagina=pagina))
    return Tabla(indice=0, celdas=celdas, filas_encabezado_marcadas=1)
