"""Results of named indicators written in prose (extractor/informe/logros.py):
a bullet or paragraph that opens with a label (bold lead-in or "Label:")
and states a result against a target gives meta, ejecutado and
avance_porcentual of that label; without a label, the sentence names what
it counts; prose without a target gives nothing. Reports built with
python-docx and reportlab."""

from __future__ import annotations

from datetime import date

import pytest

from extractor import extraer_informe
from extractor.informe.logros import leer_frase, nombre_de_rotulo

VIGENCIA = (date(2023, 1, 1), date(2023, 12, 31))


def _cifras(informe) -> dict[tuple[str, str], tuple[float, str]]:
    salida = {}
    for o in informe.observaciones:
        if o.tabla is None and o.unidad != "pesos":
            assert (o.periodo_inicio, o.periodo_fin) == VIGENCIA, o
            assert (o.indicador, o.medida) not in salida, o
            salida[(o.indicador, o.medida)] = (o.valor, o.unidad)
    return salida


def _pdf_de_lineas(ruta, lineas: list[str]) -> None:
    """A one-page PDF with each text on a line of its own (reportlab)."""
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(ruta), pagesize=letter)
    for k, texto in enumerate(lineas):
        c.setFont("Helvetica", 10)
        c.drawString(60, 720 - 14 * k, texto)
    c.save()


def _vineta(doc, rotulo: str, texto: str, negrita: bool = True):
    p = doc.add_paragraph(style="List Bullet")
    p.add_run(rotulo).bold = negrita
    p.add_run(texto)


def test_docx_en_prosa_da_las_cifras_de_cada_rotulo(tmp_path):
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph().add_run("INFORME DE GESTIÓN – VIGENCIA 2023").bold = True
    doc.add_paragraph("Municipio de Sibaté – Secretaría de Desarrollo Social y Comunitario")
    doc.add_paragraph(
        "La secretaría atiende 14 veredas y 3 barrios priorizados con 21 funcionarios. "
        "A continuación se presentan los logros de la vigencia 2023."
    )
    _vineta(
        doc,
        "Adultos mayores atendidos en centros vida: ",
        "se atendieron 340 personas mayores, alcanzando el 85 % frente a una meta de 400 cupos.",
    )
    _vineta(
        doc,
        "Talleres de prevención de violencias: ",
        "la meta programada era de 60 talleres y se realizaron 48 en las 14 veredas (80 %).",
    )
    _vineta(
        doc,
        "Familias con huertas caseras: ",
        "127 familias con huerta establecida de las 150 previstas, lo que equivale al 84,7 %.",
        negrita=False,
    )  # a colon lead-in is a label without bold too
    _vineta(doc, "Ferias de emprendimiento: ", "se realizaron 4 ferias con 62 expositores.")
    p = doc.add_paragraph()
    p.add_run("Cobertura de vacunación canina y felina. ").bold = True
    p.add_run(
        "La cobertura llegó al 92,5 % frente a una meta del 95 % de la población estimada. "
        "Se vacunaron animales en 17 jornadas y se compraron 3.000 dosis."
    )
    p = doc.add_paragraph()
    p.add_run("Jóvenes en el programa de primer empleo. ").bold = True
    p.add_run("En 2023 se vincularon 36 jóvenes de los 30 que se programaron, con un cumplimiento del 120 %.")
    _vineta(doc, "Observación: ", "la meta de 50 visitas domiciliarias se cumplió con 47 (94 %).")  # a note, no name
    doc.add_paragraph(
        "De las 18 metas a cargo de la secretaría se cumplieron 15, con una meta global de 90 % "
        "y un cumplimiento promedio del 88,4 %."
    )  # no label: a summary, not an indicator
    ruta = tmp_path / "sibate_desarrollo_social_informe_gestion_2023.docx"
    doc.save(ruta)

    assert _cifras(extraer_informe(ruta)) == {
        ("Adultos mayores atendidos en centros vida", "ejecutado"): (340, "numero"),
        ("Adultos mayores atendidos en centros vida", "meta"): (400, "numero"),
        ("Adultos mayores atendidos en centros vida", "avance_porcentual"): (85, "porcentaje"),
        ("Talleres de prevención de violencias", "meta"): (60, "numero"),
        ("Talleres de prevención de violencias", "ejecutado"): (48, "numero"),
        ("Talleres de prevención de violencias", "avance_porcentual"): (80, "porcentaje"),
        ("Familias con huertas caseras", "ejecutado"): (127, "numero"),
        ("Familias con huertas caseras", "meta"): (150, "numero"),
        ("Familias con huertas caseras", "avance_porcentual"): (84.7, "porcentaje"),
        ("Cobertura de vacunación canina y felina", "ejecutado"): (92.5, "porcentaje"),
        ("Cobertura de vacunación canina y felina", "meta"): (95, "porcentaje"),
        ("Jóvenes en el programa de primer empleo", "ejecutado"): (36, "numero"),
        ("Jóvenes en el programa de primer empleo", "meta"): (30, "numero"),
        ("Jóvenes en el programa de primer empleo", "avance_porcentual"): (120, "porcentaje"),
    }


def test_pdf_con_vinetas_rotuladas_en_un_mismo_parrafo(tmp_path):
    ruta = tmp_path / "zipaquira_cultura_rendicion_2023.pdf"
    _pdf_de_lineas(
        ruta,
        [
            "Municipio de Zipaquirá – Instituto de Cultura",
            "Informe de rendición de cuentas, vigencia 2023",
            "",
            "Los resultados de los programas culturales fueron:",
            "• Estudiantes de las escuelas de música: 410 inscritos frente a 380 programados (107,9 %).",
            "• Presentaciones de la banda sinfónica: 18 de 24 previstas, con un avance del 75 %.",
            "• Se entregaron 1.200 libros en 9 bibliotecas rurales.",
            "• Visitantes de la casa museo: 5.400 personas en 2023.",
        ],
    )

    assert _cifras(extraer_informe(ruta)) == {
        ("Estudiantes de las escuelas de música", "ejecutado"): (410, "numero"),
        ("Estudiantes de las escuelas de música", "meta"): (380, "numero"),
        ("Estudiantes de las escuelas de música", "avance_porcentual"): (107.9, "porcentaje"),
        ("Presentaciones de la banda sinfónica", "ejecutado"): (18, "numero"),
        ("Presentaciones de la banda sinfónica", "meta"): (24, "numero"),
        ("Presentaciones de la banda sinfónica", "avance_porcentual"): (75, "porcentaje"),
    }


@pytest.mark.parametrize(
    "frase, cifras",
    [
        ("Se alcanzó una cobertura de 1.850 hogares, superior a la meta de 1.700.", ("1.700", "1.850", None)),
        ("Se beneficiaron 320 familias (meta 2023: 300), con un cumplimiento de 106,7 %.", ("300", "320", "106,7 %")),
        ("18 de las 24 sedes priorizadas recibieron mobiliario nuevo (75 %).", ("24", "18", "75 %")),
        ("Se construyeron 2,5 km de placa huella, frente a 3 km programados (83 %).", ("3", "2,5", "83 %")),
        ("Se cumplió con 48 de las 60 actividades programadas, con una ejecución del 80 %.", ("60", "48", "80 %")),
        (
            "La meta para 2023 era de 400 y se atendieron 380 personas, cumpliendo el 95 % de la meta.",
            ("400", "380", "95 %"),
        ),
        (
            "La tasa de mortalidad infantil se ubicó en 9,8 por mil nacidos vivos, por debajo de la meta de 11.",
            ("11", "9,8", None),
        ),
        (
            "Con corte a 31 de diciembre se atendieron 1.020 niños, de una meta anual de 1.000 niños, es decir un "
            "102 % de cumplimiento.",
            ("1.000", "1.020", "102 %"),
        ),  # the day of a date is no figure
        ("En 2024 la meta 2024 de 250 visitas se superó con 262 (104,8 %).", ("250", "262", "104,8 %")),
        ("Realizamos 18 torneos en veredas; la meta del año era de 15.", ("15", "18", None)),  # "año" with its ñ
        (
            "El programa llegó a 9.480 estudiantes, es decir, al 98,5 % de los 9.624 focalizados.",
            ("9.624", "9.480", "98,5 %"),
        ),
        ("El 64 % de las juntas participó, frente al 75 % que se esperaba.", ("75 %", "64 %", None)),
        # a change "from X (what is counted) in a year to Y"
        (
            "La afiliación pasó de 27.450 personas en 2015 a 28.118 en 2018; la meta del cuatrienio es llegar a 28.500.",
            ("28.500", "28.118", None),
        ),
        # the target as what was to be done
        (
            "En transporte escolar la meta era atender 620 estudiantes de la zona rural y se atendieron 655.",
            ("620", "655", None),
        ),
        # cardinals written out before the same figure in parentheses, as a council's report writes them
        (
            "El plan fijó como meta cuarenta y ocho (48) visitas a veredas y se realizaron cuarenta y cinco (45), "
            "para un cumplimiento del noventa y tres coma ocho por ciento (93,8 %).",
            ("48", "45", "93,8 %"),
        ),
        # a part of the whole that was planned, right after the achieved figure
        (
            "Se aprobaron 19 de los 22 proyectos de acuerdo incluidos en la agenda normativa del año (86,4 %).",
            ("22", "19", "86,4 %"),
        ),
        # thousands set apart by a space ("4 215")
        (
            "En odontología se realizaron 4 215 consultas frente a 4 800 programadas (87,8 %).",
            ("4 800", "4 215", "87,8 %"),
        ),
    ],
)
def test_redacciones_de_meta_logro_y_avance(frase, cifras):
    logro = leer_frase("Indicador", frase)
    assert logro is not None
    assert (logro.meta.texto, logro.ejecutado and logro.ejecutado.texto, logro.avance and logro.avance.texto) == cifras


@pytest.mark.parametrize(
    "frase, esperado",
    [
        # the term's target, what the term gathered, the year's target and result, in one sentence
        (
            "Nos comprometimos a construir 120 estufas ecológicas durante el cuatrienio y a diciembre de 2021 "
            "llevamos 87; este año se instalaron 30 de las 35 programadas (85,7 %).",
            {"meta_cuatrienio": "120", "acumulado": "87", "meta": "35", "ejecutado": "30", "avance": "85,7 %"},
        ),
        # where the government started, the term's target and where it is now
        (
            "Cuando recibimos la administración la cobertura de gas domiciliario era de 52,0 %; nos propusimos "
            "llevarla a 70,0 % en el cuatrienio y hoy es de 63,5 %.",
            {"linea_base": "52,0 %", "meta": "70,0 %", "ejecutado": "63,5 %"},
        ),
        # a past year's state in a subordinate clause is the baseline
        (
            "La biblioteca municipal, que en 2019 atendía a 2.300 usuarios, tuvo en 2021 una meta de 3.000 "
            "usuarios; se atendieron 3.120 (104,0 %).",
            {"linea_base": "2.300", "meta": "3.000", "ejecutado": "3.120", "avance": "104,0 %"},
        ),
        # what the plan asked for, where the count started, what was summed
        (
            "De los 120 kilómetros con que arrancamos en 2019, el Plan nos pidió llegar a 300 en el cuatrienio; "
            "a diciembre de 2023 sumamos 280, y este último año, con una meta de 70, construimos 66.",
            {"linea_base": "120", "meta_cuatrienio": "300", "acumulado": "280", "meta": "70", "ejecutado": "66"},
        ),
        # the year's target says so ("meta anual") in a clause about the term
        (
            "La cobertura de gas, que partía de 52,0 % en 2019 y que debía llegar a 70,0 % al terminar el "
            "cuatrienio, cerró 2023 en 68,5 %, frente a una meta anual de 69,0 %.",
            {"linea_base": "52,0 %", "meta_cuatrienio": "70,0 %", "meta": "69,0 %", "ejecutado": "68,5 %"},
        ),
        # a programme's code is no figure
        (
            "Sector 24 · Programa 2402: se mantuvieron 95 km de vías terciarias de 100 km programados.",
            {"meta": "100", "ejecutado": "95"},
        ),
    ],
)
def test_frases_compuestas(frase, esperado):
    logro = leer_frase("Indicador", frase)
    assert logro is not None
    leido = {
        medida: n.texto.strip()
        for medida, n in (
            ("linea_base", logro.linea_base),
            ("meta", logro.meta),
            ("meta_cuatrienio", logro.meta_cuatrienio),
            ("acumulado", logro.acumulado),
            ("ejecutado", logro.ejecutado),
            ("avance", logro.avance),
        )
        if n is not None
    }
    assert leido == esperado


@pytest.mark.parametrize(
    "frase",
    [
        "Se realizaron 3 foros con 240 asistentes.",  # a count without a target
        "Se atendieron 120 familias en 2023, meta 2024.",  # a year is not a target figure
        "La meta de 2024 se fijará en el próximo plan.",
    ],
)
def test_frase_sin_meta_no_da_cifras(frase):
    assert leer_frase("Indicador", frase) is None


@pytest.mark.parametrize(
    "rotulo, nombre",
    [
        ("Kits escolares entregados: ", "Kits escolares entregados"),
        ("Formación docente. ", "Formación docente"),
        ("Nota: ", None),
        ("Meta de producto 3: ", None),
        ("LÍNEA ESTRATÉGICA: ", None),
        ("Tabla 2. ", None),
        ("Una etiqueta demasiado larga para ser el nombre de un indicador de la secretaría de cultura: ", None),
    ],
)
def test_nombre_de_rotulo(rotulo, nombre):
    assert nombre_de_rotulo(rotulo) == nombre


def test_vinetas_de_fuente_de_simbolos_y_rotulo_con_raya():
    """Word's bullets come out of a PDF as a symbol font's private-use
    character ("\\uf0b7"); the label may end in a spaced dash instead of a
    colon ("Jornadas de vacunación — Se realizaron 18 de las 20 …")."""
    from extractor.informe.logros import logros
    from extractor.modelo import BloqueTexto, Documento

    texto = (
        "\uf0b7 Jornadas de vacunación bovina — Se realizaron 18 de las\n20 jornadas programadas (90 %).\n"
        "\uf0b7 Productores con asistencia técnica – Se atendieron 412 productores, frente a una meta de 380 (108,4 %)."
    )
    doc = Documento(archivo="x.pdf", sha256="0", formato="pdf", paginas=1, bloques=[BloqueTexto(texto, 1)])
    leidos = {logro.indicador: (logro.ejecutado.valor, logro.meta.valor) for _, logro in logros(doc)}
    assert leidos == {"Jornadas de vacunación bovina": (18, 20), "Productores con asistencia técnica": (412, 380)}


def test_vinetas_sin_rotulo_se_nombran_por_su_frase(tmp_path):
    """Bullets that never name their indicator: the name is what the achieved
    figure counts (with the verb's participle) or the sentence's subject.
    Plain paragraphs without a label still give nothing."""
    ruta = tmp_path / "sopo_desarrollo_rural_rendicion_2023.pdf"
    _pdf_de_lineas(
        ruta,
        [
            "Municipio de Sopó – Secretaría de Desarrollo Rural",
            "Informe de rendición de cuentas, vigencia 2023",
            "",
            "De las 14 metas de la secretaría se cumplieron 12, con una meta global de 90 %.",
            "Los principales logros de la vigencia fueron:",
            "• Se entregaron 230 kits de semillas de una meta de 250 (92,0 %), priorizando a las",
            "   familias de las veredas altas.",
            "• Se adecuaron 9 de las 12 plazas de mercado previstas (75,0 %).",
            "• La tasa de informalidad en la tenencia de tierras bajó de 41,0 % en 2022 a 37,5 %",
            "   en 2023; la meta para la vigencia era 38,0 %.",
            "• Se realizaron 6 ferias campesinas con 80 expositores.",
        ],
    )

    assert _cifras(extraer_informe(ruta)) == {
        ("Kits de semillas entregados", "ejecutado"): (230, "numero"),
        ("Kits de semillas entregados", "meta"): (250, "numero"),
        ("Kits de semillas entregados", "avance_porcentual"): (92, "porcentaje"),
        ("Plazas de mercado adecuadas", "ejecutado"): (9, "numero"),
        ("Plazas de mercado adecuadas", "meta"): (12, "numero"),
        ("Plazas de mercado adecuadas", "avance_porcentual"): (75, "porcentaje"),
        ("Tasa de informalidad en la tenencia de tierras", "ejecutado"): (37.5, "porcentaje"),
        ("Tasa de informalidad en la tenencia de tierras", "meta"): (38, "porcentaje"),
    }


def test_parrafo_de_lista_de_word_sin_rotulo(tmp_path):
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph("INFORME DE GESTIÓN – VIGENCIA 2023")
    doc.add_paragraph(
        "Se formaron 212 docentes en competencias digitales; la meta era de 250 (84,8 %).", style="List Bullet"
    )
    ruta = tmp_path / "gestion_educacion_2023.docx"
    doc.save(ruta)
    assert _cifras(extraer_informe(ruta)) == {
        ("Docentes formados en competencias digitales", "ejecutado"): (212, "numero"),
        ("Docentes formados en competencias digitales", "meta"): (250, "numero"),
        ("Docentes formados en competencias digitales", "avance_porcentual"): (84.8, "porcentaje"),
    }


def test_vinetas_del_cuatrienio_y_la_que_remite_a_la_anterior(tmp_path):
    """A bullet about the plan's term gives its target and what it has
    gathered up to the report's year; "7 de esas fachadas" is the indicator
    of the bullet before it, in the report's year."""
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph("INFORME DE GESTIÓN – VIGENCIA 2022")
    doc.add_paragraph(
        "En el acumulado del cuatrienio se han restaurado 18 de las 30 fachadas del centro histórico "
        "previstas en el Plan de Desarrollo 2020-2023.",
        style="List Bullet",
    )
    doc.add_paragraph(
        "Solo en 2022 se intervinieron 7 de esas fachadas, cuando la meta anual era de 8.", style="List Bullet"
    )
    ruta = tmp_path / "patrimonio_gestion_2022.docx"
    doc.save(ruta)
    cifras = {
        (o.indicador, o.medida, o.periodo_inicio, o.periodo_fin): o.valor
        for o in extraer_informe(ruta).observaciones
        if o.unidad != "pesos"
    }
    nombre = "Fachadas del centro histórico restauradas"
    assert cifras == {
        (nombre, "meta_cuatrienio", date(2020, 1, 1), date(2023, 12, 31)): 30,
        (nombre, "acumulado", date(2020, 1, 1), date(2022, 12, 31)): 18,
        (nombre, "meta", date(2022, 1, 1), date(2022, 12, 31)): 8,
        (nombre, "ejecutado", date(2022, 1, 1), date(2022, 12, 31)): 7,
    }


def test_frase_sin_cifra_de_meta_con_la_parte_de_la_meta():
    logro = leer_frase(
        "", "Se entregaron 35 mejoramientos de vivienda, con lo que se cumplió el 100 % de la meta anual."
    )
    assert logro is not None and logro.meta is None
    assert (logro.ejecutado.valor, logro.avance.valor) == (35, 100)


def test_unidad_escrita_tras_la_cifra_abre_el_nombre_y_verbo_de_alcance(tmp_path):
    """ "2,7 km de vías urbanas": the unit opens the name, spelled out (the
    observation's unit stays a count); "llegó a 9.480 estudiantes": what
    reached them."""
    ruta = tmp_path / "ayapel_rendicion_2023.pdf"
    _pdf_de_lineas(
        ruta,
        [
            "Municipio de Ayapel - Informe de rendición de cuentas, vigencia 2023",
            "• Se pavimentaron 2,7 km de vías urbanas de los 3,5 km previstos (77,1 %).",
            "• El Programa de Alimentación Escolar llegó a 9.480 estudiantes, es decir, al 98,5 % de los",
            "   9.624 focalizados.",
        ],
    )
    assert _cifras(extraer_informe(ruta)) == {
        ("Kilómetros de vías urbanas pavimentadas", "ejecutado"): (2.7, "numero"),
        ("Kilómetros de vías urbanas pavimentadas", "meta"): (3.5, "numero"),
        ("Kilómetros de vías urbanas pavimentadas", "avance_porcentual"): (77.1, "porcentaje"),
        ("Estudiantes con el Programa de Alimentación Escolar", "ejecutado"): (9480, "numero"),
        ("Estudiantes con el Programa de Alimentación Escolar", "meta"): (9624, "numero"),
        ("Estudiantes con el Programa de Alimentación Escolar", "avance_porcentual"): (98.5, "porcentaje"),
    }


def test_un_conteo_con_su_cumplimiento_sin_cifra_de_meta():
    logro = leer_frase("", "Se llevaron a cabo los 2 festivales programados, con un cumplimiento del 100 %.")
    assert logro is not None and logro.meta is None
    assert (logro.ejecutado.valor, logro.avance.valor) == (2, 100)
    # two counts: the percentage could be of either; nothing is read
    assert leer_frase("", "Se realizaron 3 foros con 240 asistentes, con un cumplimiento del 100 %.") is None


def test_parrafo_que_abre_con_el_nombre_y_un_punto(tmp_path):
    """A paragraph whose first sentence is only a name ("Luminarias LED
    instaladas. Se instalaron …"): that sentence is its label. A first
    sentence with a verb is prose, not a label."""
    ruta = tmp_path / "aguazul_infraestructura_2023.pdf"
    _pdf_de_lineas(
        ruta,
        [
            "Municipio de Aguazul - Informe de gestión, vigencia 2023",
            "",
            "Luminarias LED instaladas. Se instalaron 1.250 luminarias de 1.100 programadas (113,6 %).",
            "",
            "Cobertura de acueducto rural. La cobertura pasó de 61,2 % a 66,8 %, frente a una meta de 65 %.",
            "",
            "La secretaría trabajó todo el año. Se hicieron 40 visitas de una meta de 50.",
        ],
    )
    cifras = _cifras(extraer_informe(ruta))
    assert cifras[("Luminarias LED instaladas", "ejecutado")] == (1250, "numero")
    assert cifras[("Luminarias LED instaladas", "avance_porcentual")] == (113.6, "porcentaje")
    assert cifras[("Cobertura de acueducto rural", "ejecutado")] == (66.8, "porcentaje")
    assert cifras[("Cobertura de acueducto rural", "meta")] == (65, "porcentaje")
    assert not any("secretaría" in n.casefold() for n, _ in cifras)


def test_rotulo_que_es_un_tema_cede_al_nombre_de_la_frase(tmp_path):
    """A paragraph's label that is a topic, sharing no word with what its
    sentence counts ("Sanidad animal. Se vacunaron 8.940 bovinos …"), gives
    way to the sentence's name; a label that names what is counted stays
    ("Viviendas rurales con mejoramiento. Se entregaron 85 mejoramientos …")."""
    ruta = tmp_path / "lebrija_desarrollo_economico_2023.pdf"
    _pdf_de_lineas(
        ruta,
        [
            "Municipio de Lebrija - Informe de gestión, vigencia 2023",
            "",
            "Sanidad animal. Se vacunaron 8.940 bovinos, alcanzando el 104 % de la meta de 9.200 animales.",
            "",
            "Viviendas rurales con mejoramiento. Se entregaron 85 mejoramientos de 120 previstos (70,8 %).",
        ],
    )
    cifras = _cifras(extraer_informe(ruta))
    assert cifras[("Bovinos vacunados", "ejecutado")] == (8940, "numero")
    assert cifras[("Bovinos vacunados", "meta")] == (9200, "numero")
    assert cifras[("Viviendas rurales con mejoramiento", "ejecutado")] == (85, "numero")
    assert not any(n == "Sanidad animal" for n, _ in cifras)


def test_linea_base_y_meta_del_cuatrienio_en_una_vineta(tmp_path):
    """A bullet that gives the plan's baseline, the semester's result and the
    term's target: the baseline is linea_base, the result stays in the
    report's period (only the target's wording names the term), and "la meta
    del cuatrienio es llevarla a 11,0" is the term's target."""
    ruta = tmp_path / "lorica_salud_semestre1_2025.pdf"
    _pdf_de_lineas(
        ruta,
        [
            "Alcaldía de Lorica - Informe de gestión, primer semestre de 2025",
            "Periodo reportado: 1 de enero al 30 de junio de 2025 · Plan de Desarrollo 2024-2027",
            "",
            "• La tasa de mortalidad infantil pasó de 14,8 en la línea base del plan a 12,1 al cierre",
            "del semestre; la meta del cuatrienio es llevarla a 11,0.",
        ],
    )
    informe = extraer_informe(ruta)
    por = {o.medida: o for o in informe.observaciones}
    assert (por["linea_base"].valor, por["linea_base"].periodo_inicio) == (14.8, None)
    assert (por["ejecutado"].valor, por["ejecutado"].periodo_fin) == (12.1, date(2025, 6, 30))
    assert (por["meta_cuatrienio"].valor, por["meta_cuatrienio"].periodo_fin) == (11.0, date(2027, 12, 31))
    assert "acumulado" not in por


def test_parrafo_de_un_tema_con_varios_indicadores(tmp_path):
    """A paragraph under a topic title ("Salud pública.") whose sentences each
    give a result against a target: every one is an indicator, named by its
    sentence; a count without a target ("37 brigadas") is context."""
    ruta = tmp_path / "puerto_berrio_rendicion_2023.pdf"
    _pdf_de_lineas(
        ruta,
        [
            "Alcaldía de Puerto Berrío - Informe de rendición de cuentas, vigencia 2023",
            "",
            "Salud pública. Durante la vigencia se vacunaron 1.850 niños y niñas menores de cinco años, de una",
            "meta de 2.000 (92,5 %). La estrategia de atención primaria en salud llegó a 640 familias, por encima",
            "de las 600 programadas. En las 14 veredas del municipio se realizaron además 37 brigadas.",
        ],
    )
    cifras = _cifras(extraer_informe(ruta))
    vacunados = next(n for n, m in cifras if n.startswith("Niños y niñas") and m == "meta")
    assert "vacunados" in vacunados and cifras[(vacunados, "ejecutado")] == (1850, "numero")
    assert cifras[(vacunados, "meta")] == (2000, "numero")
    familias = next(n for n, m in cifras if n.startswith("Familias"))
    assert cifras[(familias, "ejecutado")] == (640, "numero") and cifras[(familias, "meta")] == (600, "numero")
    assert not any(n.startswith("Salud pública") for n, _ in cifras)
    assert not any(v == (37, "numero") for v in cifras.values())


def test_titulo_de_seccion_en_su_linea_sobre_su_parrafo(tmp_path):
    """A section's title alone on its line ("Educación") over a paragraph
    whose sentences give results against targets: each is an indicator,
    named by its sentence; the title names none of them."""
    ruta = tmp_path / "el_banco_rendicion_2022.pdf"
    _pdf_de_lineas(
        ruta,
        [
            "Alcaldía de El Banco - Informe de rendición de cuentas, vigencia 2023",
            "",
            "Educación",
            "",
            "Se entregaron 2.350 kits escolares; la meta era 2.500 (94 %). Fueron dotados 11 restaurantes",
            "escolares de los 12 previstos. El Programa de Alimentación Escolar atendió a 6.480 estudiantes.",
        ],
    )
    cifras = _cifras(extraer_informe(ruta))
    assert cifras[("Kits escolares entregados", "ejecutado")] == (2350, "numero")
    assert cifras[("Kits escolares entregados", "meta")] == (2500, "numero")
    assert cifras[("Restaurantes escolares dotados", "ejecutado")] == (11, "numero")
    assert not any(n.startswith("Educación") for n, _ in cifras)


def test_parrafo_sin_rotulo_ni_vineta_y_titulo_en_el_mismo_bloque(tmp_path):
    """A plain paragraph (no label, no bullet) whose sentence states a result
    against a target is read too, named by its sentence; a section's title
    on the paragraph's first line, in the same block, is its topic."""
    ruta = tmp_path / "rendicion_educacion_2023.pdf"
    _pdf_de_lineas(
        ruta,
        [
            "Alcaldía de Pradera - Informe de rendición de cuentas, vigencia 2023",
            "",
            "En infraestructura educativa se adecuaron 9 sedes, superando la meta de 6 sedes fijada para",
            "el año; la inversión fue de $ 1.284.500.000 con recursos propios.",
            "",
            "Acceso a la educación superior",
            "Se beneficiaron 85 familias con el subsidio de transporte universitario, de 100 programadas,",
            "un avance del 95 % frente a lo planeado.",
        ],
    )
    cifras = _cifras(extraer_informe(ruta))
    assert cifras[("Sedes adecuadas", "ejecutado")] == (9, "numero")
    assert cifras[("Sedes adecuadas", "meta")] == (6, "numero")
    familias = "Familias beneficiadas con el subsidio de transporte universitario"
    assert cifras[(familias, "ejecutado")] == (85, "numero")
    assert cifras[(familias, "meta")] == (100, "numero")
    assert cifras[(familias, "avance_porcentual")] == (95, "porcentaje")


def test_frase_que_repite_una_fila_de_la_tabla_no_da_otro_indicador(tmp_path):
    """ "Se habilitaron 18 de las 24 camas previstas" under the table row
    "Camas hospitalarias habilitadas | 24 | 18": the table's indicator, once."""
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph("ESE Hospital San Roque – Informe de gestión vigencia 2023")
    tabla = doc.add_table(rows=3, cols=3)
    for fila, textos in zip(
        tabla.rows,
        [
            ["Indicador", "Meta 2023", "Ejecutado 2023"],
            ["Camas hospitalarias habilitadas", "24", "18"],
            ["Partos atendidos", "300", "287"],
        ],
    ):
        for celda, texto in zip(fila.cells, textos):
            celda.text = texto
    doc.add_paragraph("En el año se habilitaron 18 de las 24 camas previstas en el área de hospitalización.")
    doc.add_paragraph("Se dotaron 18 consultorios de los 24 programados (75 %).")
    ruta = tmp_path / "ese_san_roque_gestion_2023.docx"
    doc.save(ruta)
    informe = extraer_informe(ruta)
    de_tablas = {(o.indicador, o.medida, o.valor) for o in informe.observaciones if o.tabla is not None}
    assert ("Camas hospitalarias habilitadas", "ejecutado", 18) in de_tablas
    # the restated row gives nothing more; the same figures of another thing are their own indicator
    assert _cifras(informe) == {
        ("Consultorios dotados", "ejecutado"): (18, "numero"),
        ("Consultorios dotados", "meta"): (24, "numero"),
        ("Consultorios dotados", "avance_porcentual"): (75, "porcentaje"),
    }


def test_la_meta_antes_que_el_logro_nombra_lo_contado(tmp_path):
    """ "De la meta de 40 huertas caseras previstas para 2018, se lograron
    36": the achieved figure counts nothing, its target does."""
    ruta = tmp_path / "rendicion_agropecuario_2023.pdf"
    _pdf_de_lineas(
        ruta,
        [
            "Alcaldía de Pradera - Informe de rendición de cuentas, vigencia 2023",
            "",
            "De la meta de 40 huertas caseras previstas para 2023 en las veredas altas, se lograron 36.",
            "",
            "De las 24 jornadas extramurales de salud programadas, se realizaron 22 (91,7 %).",
        ],
    )
    cifras = _cifras(extraer_informe(ruta))
    assert cifras[("Huertas caseras", "meta")] == (40, "numero")
    assert cifras[("Huertas caseras", "ejecutado")] == (36, "numero")
    assert cifras[("Jornadas extramurales de salud", "ejecutado")] == (22, "numero")
    assert cifras[("Jornadas extramurales de salud", "avance_porcentual")] == (91.7, "porcentaje")


def test_la_unica_meta_de_una_clausula_del_cuatrienio_es_del_cuatrienio():
    frase = "Nos propusimos llevar la cobertura de gas a 70,0 % en el cuatrienio y hoy es de 63,5 %."
    logro = leer_frase("Cobertura de gas", frase)
    assert logro is not None and logro.meta_del_cuatrienio
    assert leer_frase("Visitas", "Se hicieron 42 de las 48 visitas programadas.").meta_del_cuatrienio is False


def test_el_sujeto_de_una_frase_compuesta_la_nombra():
    """ "Las hectáreas renovadas …, que en 2019 sumaban 310, nos comprometimos
    a llevarlas a 1.100 …": the subject the relative clause is about names
    the indicator when the baseline counts nothing after it; "…, que en 2019
    beneficiaba a 1.180 estudiantes" names what it counts."""
    from extractor.informe.logros import _nombre_propio

    frase = (
        "Las hectáreas de cacao renovadas con clones resistentes, que en 2019 sumaban 310, nos comprometimos "
        "a llevarlas a 1.100 en el cuatrienio; llevamos 512, y este año, de 300 hectáreas previstas, renovamos 287."
    )
    logro = leer_frase("", frase)
    assert logro is not None and _nombre_propio(logro) == "Hectáreas de cacao renovadas con clones resistentes"
    otra = (
        "El servicio de transporte escolar, que en 2019 beneficiaba a 1.180 estudiantes, tuvo en 2022 una meta de "
        "1.450 estudiantes; se beneficiaron 1.512."
    )
    logro = leer_frase("", otra)
    assert logro is not None and _nombre_propio(logro) != "Servicio de transporte escolar"


def test_frase_compuesta_con_cifras_del_anio_y_del_cuatrienio(tmp_path):
    """The term's target takes the plan's years, what the term gathered runs
    from its start to the report's year, and the year's target and result
    stay in the report's year."""
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph("INFORME DE GESTIÓN – VIGENCIA 2022")
    doc.add_paragraph("Plan de Desarrollo «Todos por el campo» 2020-2023")
    doc.add_paragraph(
        "Nos comprometimos a construir 120 reservorios para riego durante el cuatrienio y al cierre de 2022 "
        "llevamos 87; este año se construyeron 30 de los 35 programados (85,7 %).",
        style="List Bullet",
    )
    ruta = tmp_path / "riego_gestion_2022.docx"
    doc.save(ruta)
    periodos = {
        o.medida: (o.valor, o.periodo_inicio, o.periodo_fin)
        for o in extraer_informe(ruta).observaciones
        if o.tabla is None
    }
    assert periodos["meta_cuatrienio"] == (120, date(2020, 1, 1), date(2023, 12, 31))
    assert periodos["acumulado"] == (87, date(2020, 1, 1), date(2022, 12, 31))
    assert periodos["meta"] == (35, date(2022, 1, 1), date(2022, 12, 31))
    assert periodos["ejecutado"] == (30, date(2022, 1, 1), date(2022, 12, 31))
    assert periodos["avance_porcentual"] == (85.7, date(2022, 1, 1), date(2022, 12, 31))


def test_el_rotulo_nombra_la_frase_que_comparte_sus_palabras(tmp_path):
    """A paragraph opening with a name ("Mercados campesinos.") whose first
    sentence counts that very thing ("se programaron 4 mercados campesinos …
    y se realizaron 3") and whose next sentence gives another result: the
    first is the label's indicator, the other is named by its sentence."""
    ruta = tmp_path / "villa_de_leyva_otras_acciones_2023.pdf"
    _pdf_de_lineas(
        ruta,
        [
            "Alcaldía de Villa de Leyva - Informe de gestión, vigencia 2023",
            "",
            "Mercados campesinos. Se programaron 4 mercados campesinos en el parque principal y se",
            "realizaron 3, es decir un cumplimiento del 75 %. Con la asistencia técnica se atendieron",
            "287 productores de los 300 previstos para el año.",
        ],
    )
    cifras = _cifras(extraer_informe(ruta))
    assert cifras[("Mercados campesinos", "meta")] == (4, "numero")
    assert cifras[("Mercados campesinos", "ejecutado")] == (3, "numero")
    assert cifras[("Mercados campesinos", "avance_porcentual")] == (75, "porcentaje")
    productores = next(n for n, m in cifras if n.startswith("Productores"))
    assert cifras[(productores, "meta")] == (300, "numero")


def test_la_meta_del_anio_junto_a_la_del_cuatrienio_en_otra_clausula(tmp_path):
    """ "…; la meta del cuatrienio es dotar los 47" speaks of another target:
    the year's target stays the year's; "se programó la atención de 640
    niños" states a target with a few words before its figure."""
    ruta = tmp_path / "fonseca_inclusion_2023.pdf"
    _pdf_de_lineas(
        ruta,
        [
            "Alcaldía de Fonseca - Informe de gestión, vigencia 2023",
            "",
            "Hogares comunitarios dotados. De los 18 hogares previstos para dotar en 2023 se dotaron 17,",
            "con material didáctico y menaje; la meta del cuatrienio es dotar los 47.",
            "",
            "Niños atendidos en los CDI. Para la vigencia se programó la atención de 640 niños y niñas; al",
            "cierre del año se atendieron 612, lo que representa un cumplimiento del 95,6 %.",
        ],
    )
    cifras = {(o.indicador, o.medida): (o.valor, o.periodo_fin.year) for o in extraer_informe(ruta).observaciones}
    assert cifras[("Hogares comunitarios dotados", "meta")] == (18, 2023)
    assert cifras[("Hogares comunitarios dotados", "ejecutado")] == (17, 2023)
    assert cifras[("Hogares comunitarios dotados", "meta_cuatrienio")][0] == 47
    assert cifras[("Niños atendidos en los CDI", "meta")] == (640, 2023)
    assert cifras[("Niños atendidos en los CDI", "ejecutado")] == (612, 2023)


def test_un_rango_de_una_escala_no_da_cifras():
    """ "IRCA: 0 - 5 % sin riesgo" describes a scale: no target, no result."""
    assert leer_frase("IRCA", "IRCA: 0 - 5 % sin riesgo, según la Resolución 2115.") is None
    assert leer_frase("Cobertura", "La cobertura se considera adecuada entre 80 y 100 % de la población.") is None
