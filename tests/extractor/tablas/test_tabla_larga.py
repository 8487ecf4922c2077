"""Tables in long form (open data): one row per indicator, measure and
period, the measure named in a column and every figure in one column. Read
as the wide table they stand for, each figure keeps its own cell. The
workbook is made here with openpyxl, in wording of its own (not that of any
portal the project has seen)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from extractor import extraer_informe
from extractor.modelo import Celda, Tabla
from extractor.tablas.tabla_larga import ancha

ENCABEZADO = ["Consecutivo", "Año", "Semestre", "Código", "Indicador", "Unidad", "Tipo de dato", "Dato", "Nota"]
INDICADORES = [
    ("4301001", "Escuelas deportivas en funcionamiento", "Número", 8, 10, (4, 5)),
    ("4301007", "Personas en actividad física dirigida", "Número", 1200, 1500, (640, 702)),
    ("4302021", "Eventos recreativos comunitarios realizados", "Número", 24, 30, (11, 16)),
]


def _libro(destino: Path) -> Path:
    from openpyxl import Workbook

    libro = Workbook()
    hoja = libro.active
    hoja.title = "Registros"
    hoja.append(ENCABEZADO)
    n = 0
    filas = []
    for codigo, nombre, unidad, base, meta, _ in INDICADORES:  # bases and targets of all first
        filas.append((2024, "N/A", codigo, nombre, unidad, "Línea base", base))
        filas.append((2024, "N/A", codigo, nombre, unidad, "Meta anual", meta))
    for semestre in (1, 2):  # then the half-years
        for codigo, nombre, unidad, _, _, logros in INDICADORES:
            filas.append(
                (2024, "I" if semestre == 1 else "II", codigo, nombre, unidad, "Ejecutado", logros[semestre - 1])
            )
    for fila in filas:
        n += 1
        hoja.append([n, *fila, ""])
    libro.save(destino)
    return destino


def test_la_tabla_larga_se_lee_como_ancha(tmp_path):
    informe = extraer_informe(_libro(tmp_path / "datos_abiertos_deporte_2024.xlsx"))
    leidas = {(o.indicador, o.medida, o.periodo_inicio, o.periodo_fin): o for o in informe.observaciones}
    anio = (date(2024, 1, 1), date(2024, 12, 31))
    semestres = [(date(2024, 1, 1), date(2024, 6, 30)), (date(2024, 7, 1), date(2024, 12, 31))]
    for _, nombre, _, base, meta, logros in INDICADORES:
        assert leidas[(nombre, "meta", *anio)].valor == meta, sorted(leidas)
        for periodo, logro in zip(semestres, logros):
            assert leidas[(nombre, "ejecutado", *periodo)].valor == logro
        assert [o.valor for o in informe.observaciones if o.indicador == nombre and o.medida == "linea_base"] == [base]
    # each figure keeps its own cell of the sheet: the "Dato" column (H), its own row
    meta = leidas[(INDICADORES[1][1], "meta", *anio)]
    assert (meta.hoja, meta.celda) == ("Registros", "H5")
    segundo = leidas[(INDICADORES[2][1], "ejecutado", *semestres[1])]
    assert segundo.celda == "H13"
    assert len(informe.observaciones) == 4 * len(INDICADORES)  # the running number, years and codes are no figures


def _tabla(filas: list[list[str]]) -> Tabla:
    return Tabla(
        indice=1,
        celdas=[Celda(texto=t, fila=r, columna=k, pagina=1) for r, f in enumerate(filas) for k, t in enumerate(f)],
    )


def test_una_columna_de_porcentajes_repetidos_no_es_de_medidas():
    """A plan's weights ("11,4 %" on every row of an axis) repeat too, but are figures."""
    filas = [["Eje", "Ponderador eje", "Indicador", "Meta"]]
    filas += [["Social", "43,2 %", f"Indicador {k}", str(10 * k)] for k in range(3)]
    filas += [["Económico", "23,5 %", f"Indicador {k}", str(10 * k)] for k in range(3, 6)]
    assert ancha(_tabla(filas)) is None


def test_una_tabla_ancha_no_es_larga():
    filas = [["Indicador", "Meta 2024", "Ejecutado 2024"]] + [[f"Indicador {k}", "10", str(k)] for k in range(6)]
    assert ancha(_tabla(filas)) is None


def test_periodo_escrito_en_su_columna():
    """A "periodo" column that writes each row's period in full: "2021" for
    the baseline, "2024-2027" for the term's target, "2024-1" for the first
    half under a half-yearly measure."""
    filas = [["indicador", "unidad", "periodo", "tipo_dato", "dato"]]
    for nombre, base, termino, anio, primero, segundo in (
        ("Familias con subsidio de vivienda", "120", "600", "150", "70", "95"),
        ("Lotes legalizados", "30", "200", "50", "20", "18"),
    ):
        filas += [
            [nombre, "Número", "2021", "Línea base", base],
            [nombre, "Número", "2024-2027", "Meta cuatrienio", termino],
            [nombre, "Número", "2024", "Meta", anio],
            [nombre, "Número", "2024-1", "Avance semestral", primero],
            [nombre, "Número", "2024-2", "Avance semestral", segundo],
        ]
    ancha_, _ = ancha(_tabla(filas))
    assert ancha_.textos()[0] == [
        "indicador",
        "unidad",
        "Línea base 2021",
        "Meta cuatrienio 2024-2027",
        "Meta 2024",
        "Avance semestral Semestre 1 2024",
        "Avance semestral Semestre 2 2024",
    ]
    assert ancha_.textos()[2][2:] == ["30", "200", "50", "20", "18"]


def test_registros_con_id_nota_y_dos_fechas():
    """A record's id and note change on every row (not the indicator's); two
    date columns give each row's period ("del 01/04/2023 al 30/06/2023")."""
    filas = [["id", "cod", "nombre", "variable", "desde", "hasta", "valor", "nota"]]
    n = 0
    for cod, nombre, meta, logros in (
        ("M-1", "Visitas de inspección", "40", ("9", "12")),
        ("M-2", "Talleres", "8", ("2", "3")),
    ):
        n += 1
        filas.append([f"R{n}", cod, nombre, "META", "2023-01-01", "2023-12-31", meta, ""])
        for (desde, hasta), logro in zip((("2023-01-01", "2023-03-31"), ("2023-04-01", "2023-06-30")), logros):
            n += 1
            filas.append([f"R{n}", cod, nombre, "LOGRO_PERIODO", desde, hasta, logro, f"nota {n}"])
    tabla, _ = ancha(_tabla(filas))
    assert tabla.textos() == [
        [
            "cod",
            "nombre",
            "META del 01/01/2023 al 31/12/2023",
            "LOGRO PERIODO del 01/01/2023 al 31/03/2023",
            "LOGRO PERIODO del 01/04/2023 al 30/06/2023",
        ],
        ["M-1", "Visitas de inspección", "40", "9", "12"],
        ["M-2", "Talleres", "8", "2", "3"],
    ]
