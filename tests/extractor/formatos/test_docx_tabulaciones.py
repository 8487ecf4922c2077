"""Word tables built with tab stops instead of a table object: python-docx
finds no table, the reader makes one of the run of tabbed paragraphs (a
heading inside it is a row across the table; a field whose tab was typed as
spaces is parted by them). Made here with python-docx, dot leaders as tab
stops, as a person builds them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from extractor import extraer_informe, leer_documento
from extractor.modelo import Tabla

FILAS = [
    ("Jornadas de vacunación canina y felina\nen el área rural", "Número", "12", "15", "125,0 %"),
    ("Establecimientos con visita de\ninspección sanitaria", "Número", "300", "276", "92,0 %"),
    ("Campañas de prevención del dengue", "Número", "4", "4", "100,0 %"),
]


def _documento(destino: Path) -> Path:
    import docx
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Cm

    d = docx.Document()
    d.add_paragraph("Informe de gestión 2022 – Secretaría de Salud de Villanueva")
    d.add_paragraph("Cuadro 4. Metas del plan de acción de salud pública, vigencia 2022")

    def tabulado(texto: str):
        p = d.add_paragraph(texto)
        topes = p.paragraph_format.tab_stops
        topes.add_tab_stop(Cm(9), WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.DOTS)
        for cm in (12, 14, 16):
            topes.add_tab_stop(Cm(cm), WD_TAB_ALIGNMENT.RIGHT)
        return p

    tabulado("Meta de producto\tUnidad\tMeta 2022\tLogro 2022\t% cumplimiento 2022")
    d.add_paragraph("Programa Salud ambiental")
    for nombre, unidad, meta, logro, avance in FILAS[:2]:
        tabulado("\t".join((nombre, unidad, meta, logro, avance)))
    d.add_paragraph("Programa Vida saludable y enfermedades transmisibles")
    nombre, unidad, meta, logro, avance = FILAS[2]
    tabulado(f"{nombre}\t{unidad}      {meta}\t{logro}\t{avance}")  # a tab typed as spaces
    d.add_paragraph("Fuente: Secretaría de Salud.")
    d.add_paragraph("Firmas:")
    d.add_paragraph("Elaboró\tRevisó")
    d.add_paragraph("Ana Pérez\tLuis Gómez")
    d.save(str(destino))
    return destino


def test_la_tabla_de_tabulaciones_se_lee(tmp_path):
    ruta = _documento(tmp_path / "villanueva_salud_2022.docx")
    informe = extraer_informe(ruta)
    anio = (date(2022, 1, 1), date(2022, 12, 31))
    leidas = {(o.indicador, o.medida, o.periodo_inicio, o.periodo_fin): o.valor for o in informe.observaciones}
    for nombre, _, meta, logro, avance in FILAS:
        nombre = " ".join(nombre.split())
        assert leidas.get((nombre, "meta", *anio)) == float(meta), sorted(leidas)
        assert leidas.get((nombre, "ejecutado", *anio)) == float(logro)
        assert leidas.get((nombre, "avance_porcentual", *anio)) == float(avance.split()[0].replace(",", "."))
    padres = {o.indicador: o.indicador_padre for o in informe.observaciones}
    assert padres[FILAS[2][0]] == "Programa Vida saludable y enfermedades transmisibles"
    # the two tabbed lines of the signatures, without figures, are no table
    tablas = [b for b in leer_documento(ruta).bloques if isinstance(b, Tabla)]
    assert len(tablas) == 1 and tablas[0].n_filas == 6 and tablas[0].n_columnas == 5


def _word(ruta: Path, parrafos: list[str]) -> Path:
    import docx

    d = docx.Document()
    for texto in parrafos:
        d.add_paragraph(texto)
    d.save(str(ruta))
    return ruta


def _cifras(ruta: Path) -> dict:
    return {
        (o.indicador, o.medida, o.periodo_inicio, o.periodo_fin): o.valor for o in extraer_informe(ruta).observaciones
    }


def test_nombre_en_su_parrafo_y_signo_de_pesos_en_su_tabulacion(tmp_path):
    """A long name on a paragraph of its own, its figures on the next one
    (whose first field is empty), a header of two paragraphs whose first
    opens with a tab, and "$" alone before each amount."""
    ruta = _word(
        tmp_path / "san_benito_gobierno_2020.docx",
        [
            "Informe de gestión vigencia 2020 – Secretaría de Gobierno de San Benito",
            "\tUnidad\tMeta\tLogro",
            "Indicador\t\t2020\t2020",
            "Personas atendidas en la casa de justicia por conflictos familiares y vecinales",
            "\tNúmero\t1.500\t1.620",
            "Jornadas de conciliación en equidad\tNúmero\t12\t10",
            "Fuente: Secretaría de Gobierno.",
            "Ejecución presupuestal",
            "Cuadro 2. Presupuesto y compromisos por programa",
            "Programa\tPresupuesto 2020\tCompromisos 2020",
            "Convivencia y seguridad\t$\t84.000.000\t$\t80.150.000",
            "Participación ciudadana\t$\t32.500.000\t$\t29.900.000",
        ],
    )
    anio = (date(2020, 1, 1), date(2020, 12, 31))
    leidas = _cifras(ruta)
    nombre = "Personas atendidas en la casa de justicia por conflictos familiares y vecinales"
    assert leidas.get((nombre, "meta", *anio)) == 1500, sorted(leidas)
    assert leidas.get((nombre, "ejecutado", *anio)) == 1620
    assert leidas.get(("Jornadas de conciliación en equidad", "ejecutado", *anio)) == 10
    assert leidas.get(("Convivencia y seguridad", "recursos_programados", *anio)) == 84_000_000
    assert leidas.get(("Participación ciudadana", "compromisos", *anio)) == 29_900_000


def test_encabezado_de_dos_filas_en_un_parrafo(tmp_path):
    """A header written as one paragraph broken by a manual line break into two tabbed lines."""
    ruta = _word(
        tmp_path / "deportes_2019.docx",
        [
            "Informe de gestión vigencia 2019 – Dirección de Deportes",
            "Meta de producto\tMeta\tEjecutado\n\t2019\t2019",
            "Escuelas deportivas en funcionamiento\t12\t11",
            "Eventos recreativos comunitarios\t30\t34",
        ],
    )
    anio = (date(2019, 1, 1), date(2019, 12, 31))
    leidas = _cifras(ruta)
    assert leidas.get(("Escuelas deportivas en funcionamiento", "meta", *anio)) == 12, sorted(leidas)
    assert leidas.get(("Eventos recreativos comunitarios", "ejecutado", *anio)) == 34
