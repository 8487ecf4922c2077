"""Identity of entities and indicators across reports and years
(pipelines/identidad/): normalization, the four linking steps, the
guards (one report, one entity), manual decisions that survive reloading,
the CLI and the links measured on the corpus."""

from __future__ import annotations

import csv
import hashlib
from datetime import date

import pytest
from typer.testing import CliRunner

from extractor.resultado import InformeExtraido, MetadatosInforme, Observacion
from pipelines import almacen, identidad
from pipelines.carga import guardado
from pipelines.cli import app
from pipelines.evaluacion.vinculos import evaluar_vinculos
from pipelines.identidad import ErrorIdentidad
from tests.conftest import CORPUS


def informe(
    archivo: str, entidad: str, vigencia: int, nombres: list, dependencia: str = "Oficina de Prensa", version: str = ""
) -> InformeExtraido:
    """A report with one meta per indicator. `nombres` items: a name, or
    (name, code) or (name, code, parent)."""
    observaciones = []
    for k, n in enumerate(nombres):
        nombre, codigo, padre = (n, None, None) if isinstance(n, str) else (tuple(n) + (None, None))[:3]
        observaciones.append(
            Observacion(
                indicador=nombre,
                medida="meta",
                valor=float(10 + k),
                valor_texto=str(10 + k),
                unidad="numero",
                periodo_inicio=date(vigencia, 1, 1),
                periodo_fin=date(vigencia, 12, 31),
                codigo=codigo,
                indicador_padre=padre,
                pagina=1,
                tabla=1,
                fila=k + 1,
                columna=1,
            )
        )
    sha = hashlib.sha256(f"{archivo}{version}".encode()).hexdigest()
    return InformeExtraido(
        archivo=archivo,
        sha256=sha,
        formato="pdf",
        paginas=1,
        metadatos=MetadatosInforme(
            entidad=entidad,
            dependencia=dependencia,
            vigencia=vigencia,
            periodo_inicio=date(vigencia, 1, 1),
            periodo_fin=date(vigencia, 6, 30),
            fecha_corte=date(vigencia, 6, 30),
        ),
        observaciones=observaciones,
    )


@pytest.fixture
def con(tmp_path):
    c = almacen.abrir(tmp_path / "identidad.duckdb")
    yield c
    c.close()


def guardar(con, tmp_path, inf, **kw):
    return guardado.guardar_informe(con, inf, tmp_path / inf.archivo, **kw)


def claves(con, archivo: str) -> dict[str, tuple[str, str]]:
    """nombre -> (indicador_clave, vinculo) of one report."""
    return {
        n: (k, v)
        for n, k, v in con.execute(
            "SELECT d.nombre, d.indicador_clave, d.vinculo FROM indicadores d JOIN informes i USING (informe_id) "
            "WHERE i.archivo = ?",
            [archivo],
        ).fetchall()
    }


# ------------------------------------------------------------- normalization


def test_entidad_normalizada_sin_distrital_ni_tildes():
    n = identidad.normalizar_entidad
    assert n("Alcaldía Distrital de Barrancabermeja") == n("ALCALDIA DE BARRANCABERMEJA") == "alcaldia barrancabermeja"
    assert n("Alcaldía Mayor de Bogotá") == n("Alcaldía de Bogotá")
    assert n("Municipio de Tuluá") == n("Alcaldía Municipal de Tuluá")
    assert n("Personería Municipal de Tuluá") != n("Alcaldía de Tuluá")


@pytest.mark.parametrize(
    "a, b",
    [
        ("TWITTER", "Seguidores en Twitter"),
        ("BOLETINES DE PRENSA", "Boletines de prensa emitidos"),
        ("BOLETINES INTERNOS", "Boletín interno enviado"),
        ("ELABORACIÓN DE CARTILLAS", "Cartillas institucionales elaboradas"),
        ("PRODUCCIÓN DE NOTAS PERIODÍSTICAS", "Notas periodísticas producidas"),
        ("YOUTUBE", "Suscriptores del canal de YouTube"),
        ("Número de personas capacitadas", "Personas capacitadas"),
        (
            "Un (1) Plan estratégico de comunicaciones diseñado e implementado en el cuatrienio",
            "Plan estratégico de comunicaciones implementado",
        ),
    ],
)
def test_misma_forma_normalizada(a, b):
    assert identidad.forma_normalizada(a) == identidad.forma_normalizada(b) != ""


@pytest.mark.parametrize(
    "a, b",
    [
        ("YOUTUBE", "VISUALIZACIONES CANAL YOUTUBE"),
        ("BOLETINES INTERNOS", "BOLETÍN INTERNO EN IMÁGENES"),
        ("Seguidores en Twitter", "Seguidores en Facebook"),
    ],
)
def test_forma_normalizada_distingue(a, b):
    assert identidad.forma_normalizada(a) != identidad.forma_normalizada(b)


@pytest.mark.parametrize(
    "formas, lema",
    [
        (["internos", "interno", "INTERNAS"], "internar"),  # settled: plural and singular agree
        (["Boletín", "boletines", "BOLETIN", "Boletines"], "boletin"),  # accents and capitals folded
        (["vías", "VÍA", "vias"], "via"),
        (["Periodísticas", "periodístico"], "periodistico"),
        (["niños", "NIÑAS"], "nino"),
        (["producidas", "PRODUCIDO", "produce"], "producir"),
        (["Xyzzyq"], "xyzzyq"),  # not in the table: the folded word
    ],
)
def test_lemas(formas, lema):
    assert {identidad.lema(f) for f in formas} == {lema}


def test_lemas_distinguen_palabras_distintas():
    assert len({identidad.lema(f) for f in ("boletines", "boletas", "bolsas", "balones")}) == 4
    assert identidad.forma_normalizada("Vías rurales mejoradas") == identidad.forma_normalizada("VIA RURAL MEJORADA")
    assert identidad.forma_normalizada("Vías rurales mejoradas") != identidad.forma_normalizada(
        "Vías urbanas mejoradas"
    )


def test_tabla_de_lemas_es_la_de_spacy():
    """esquemas/lemas_identidad.txt.gz is spaCy's table, folded and settled
    (regenerate with: python -m pipelines.identidad), and it reads back whole."""
    import gzip
    from importlib import resources

    esperada = identidad.tabla_lemas_spacy()
    texto = gzip.decompress(resources.files("esquemas").joinpath(identidad.ARCHIVO_LEMAS).read_bytes()).decode()
    assert texto == identidad.codificar_lemas(esperada), "regenerate with: python -m pipelines.identidad"
    tabla = identidad.TablaLemas(texto)
    assert dict(tabla.items()) == esperada
    formas = sorted(esperada)
    # first, last and a spread of forms of the blocks, and forms that are not there
    for k in list(range(0, len(formas), 97)) + [len(formas) - 1] + list(range(31, len(formas), 32 * 50)):
        assert tabla.get(formas[k]) == esperada[formas[k]], formas[k]
        assert tabla.get(formas[k] + "qq") is None and tabla.get(formas[k][:-1] + "~") is None
    assert tabla.get("") is None and tabla.get("zzzzzz", "x") == "x"
    assert esperada["internos"] == esperada["interno"] == "internar" and "boletin" not in esperada


def test_codigo_mga_valido():
    assert identidad.codigo_valido("459901700") == "459901700"
    assert identidad.codigo_valido("0401004") == "0401004"
    assert identidad.codigo_valido("MP-101") is None
    assert identidad.codigo_valido("12") is None and identidad.codigo_valido(None) is None


def test_dependencia_renombrada_es_compatible():
    a = identidad.normalizar_dependencia("Oficina Asesora de Prensa, Comunicaciones y Protocolo")
    b = identidad.normalizar_dependencia("Oficina Asesora de Comunicaciones y Prensa")
    c = identidad.normalizar_dependencia("Secretaría de Salud")
    assert identidad.dependencia_compatible(b, {a})
    assert not identidad.dependencia_compatible(c, {a})


# ------------------------------------------------------------------- linking


def test_cuatro_pasos_de_vinculo(con, tmp_path):
    guardar(
        con,
        tmp_path,
        informe(
            "a2019.pdf",
            "Alcaldía de Barrancabermeja",
            2019,
            [
                "BOLETINES DE PRENSA",
                "TWITTER",
                ("Piezas de diseño para redes", "459901707"),
                "Visualizaciones canal YouTube",
            ],
        ),
    )
    guardar(
        con,
        tmp_path,
        informe(
            "a2020.pdf",
            "Alcaldía Distrital de Barrancabermeja",
            2020,
            [
                "Boletines de prensa",
                "Seguidores en Twitter",
                ("Productos gráficos divulgados", "459901707"),
                "Visualizaciones de videos en YouTube",
            ],
        ),
    )
    antes, despues = claves(con, "a2019.pdf"), claves(con, "a2020.pdf")
    assert despues["Boletines de prensa"] == (antes["BOLETINES DE PRENSA"][0], "nombre")
    assert despues["Seguidores en Twitter"] == (antes["TWITTER"][0], "nombre_normalizado")
    assert despues["Productos gráficos divulgados"] == (antes["Piezas de diseño para redes"][0], "codigo")
    assert despues["Visualizaciones de videos en YouTube"] == (antes["Visualizaciones canal YouTube"][0], "similitud")
    puntaje = con.execute("SELECT puntaje FROM indicadores WHERE vinculo = 'similitud'").fetchone()[0]
    assert identidad.config().similitud <= puntaje < 100
    [(entidad, variantes)] = con.execute("SELECT entidad_clave, variantes FROM entidades").fetchall()
    assert entidad == "alcaldia-barrancabermeja" and len(variantes) == 2
    # every observation carries both keys
    assert (
        con.execute(
            "SELECT count(*) FROM observaciones WHERE entidad_clave IS NULL OR indicador_clave IS NULL"
        ).fetchone()[0]
        == 0
    )
    assert con.execute("SELECT count(DISTINCT entidad_clave) FROM informes").fetchone()[0] == 1


def test_codigos_mga_distintos_no_se_vinculan_aunque_el_nombre_coincida(con, tmp_path):
    guardar(con, tmp_path, informe("a.pdf", "Alcaldía de X", 2020, [("Vías mejoradas", "240204100")]))
    guardar(con, tmp_path, informe("b.pdf", "Alcaldía de X", 2021, [("Vías mejoradas", "240211200")]))
    assert claves(con, "a.pdf")["Vías mejoradas"][0] != claves(con, "b.pdf")["Vías mejoradas"][0]


def test_dos_filas_de_un_informe_nunca_comparten_identidad(con, tmp_path):
    guardar(
        con,
        tmp_path,
        informe(
            "a.pdf",
            "Alcaldía de X",
            2018,
            ["TWITTER", "Seguidores en Twitter", "Boletines", ("Boletines", None, "Página web")],
        ),
    )
    guardar(con, tmp_path, informe("b.pdf", "Alcaldía de X", 2019, ["Seguidores en Twitter", "TWITTER"]))
    for archivo in ("a.pdf", "b.pdf"):
        filas = con.execute(
            "SELECT indicador_clave FROM indicadores d JOIN informes i USING (informe_id) WHERE archivo = ?", [archivo]
        ).fetchall()
        assert len(filas) == len(set(filas))
    a, b = claves(con, "a.pdf"), claves(con, "b.pdf")
    assert b["TWITTER"][0] == a["TWITTER"][0] and b["Seguidores en Twitter"][0] == a["Seguidores en Twitter"][0]


def test_entidades_distintas_nunca_comparten_indicadores(con, tmp_path):
    guardar(con, tmp_path, informe("barranca.pdf", "Alcaldía de Barrancabermeja", 2018, ["Boletines de prensa"]))
    guardar(con, tmp_path, informe("bucara.pdf", "Alcaldía de Bucaramanga", 2018, ["Boletines de prensa"]))
    guardar(con, tmp_path, informe("sin.pdf", None, 2018, ["Boletines de prensa"]))
    valores = {claves(con, f)["Boletines de prensa"][0] for f in ("barranca.pdf", "bucara.pdf", "sin.pdf")}
    assert len(valores) == 3
    assert con.execute("SELECT count(DISTINCT entidad_clave) FROM identidades").fetchone()[0] == 3


def test_dependencias_distintas_de_una_entidad(con, tmp_path):
    guardar(
        con,
        tmp_path,
        informe("salud.pdf", "Alcaldía de X", 2018, ["Recursos de inversión"], dependencia="Secretaría de Salud"),
    )
    guardar(
        con,
        tmp_path,
        informe("educ.pdf", "Alcaldía de X", 2018, ["Recursos de inversión"], dependencia="Secretaría de Educación"),
    )
    guardar(
        con,
        tmp_path,
        informe(
            "salud19.pdf", "Alcaldía de X", 2019, ["Recursos de inversión"], dependencia="Secretaría de Salud Municipal"
        ),
    )
    s, e, s19 = (claves(con, f)["Recursos de inversión"][0] for f in ("salud.pdf", "educ.pdf", "salud19.pdf"))
    assert s != e and s19 == s


def test_claves_estables_al_reemplazar_y_recargar(con, tmp_path):
    nombres = ["Boletines de prensa", "Seguidores en Twitter"]
    guardar(con, tmp_path, informe("a.pdf", "Alcaldía de X", 2018, nombres))
    guardar(con, tmp_path, informe("b.pdf", "Alcaldía de X", 2019, ["TWITTER", "Boletines de prensa"]))
    antes = claves(con, "b.pdf")
    assert (
        guardar(
            con, tmp_path, informe("b.pdf", "Alcaldía de X", 2019, ["TWITTER", "Boletines de prensa"], version="v2")
        )
        == "reemplazado"
    )
    assert guardar(con, tmp_path, informe("a.pdf", "Alcaldía de X", 2018, nombres), forzar=True) == "reemplazado"
    assert {k: v[0] for k, v in claves(con, "b.pdf").items()} == {k: v[0] for k, v in antes.items()}
    assert con.execute("SELECT count(*) FROM identidades").fetchone()[0] == 2


def test_variantes_por_plural_singular_y_tildes(con, tmp_path):
    guardar(
        con,
        tmp_path,
        informe(
            "a.pdf",
            "Alcaldía de X",
            2019,
            ["Boletines internos enviados", "Cartillas elaboradas", "Vías rurales mejoradas"],
        ),
    )
    guardar(
        con,
        tmp_path,
        informe("b.pdf", "Alcaldía de X", 2020, ["Boletines de prensa", "Cartas enviadas", "VIA RURAL MEJORADA"]),
    )
    guardar(con, tmp_path, informe("c.pdf", "Alcaldía de X", 2021, ["Boletín interno", "CARTILLA ELABORADA"]))
    a, b, c = claves(con, "a.pdf"), claves(con, "b.pdf"), claves(con, "c.pdf")
    assert b["VIA RURAL MEJORADA"] == (a["Vías rurales mejoradas"][0], "nombre_normalizado")
    assert b["Boletines de prensa"][1] == b["Cartas enviadas"][1] == "nuevo"  # free, but other indicators
    assert c["Boletín interno"] == (a["Boletines internos enviados"][0], "nombre_normalizado")
    assert c["CARTILLA ELABORADA"] == (a["Cartillas elaboradas"][0], "nombre_normalizado")


def test_nombre_canonico_codigo_y_claves_nuevas(con, tmp_path):
    """What the batched writes keep: the newest vigencia names the identity,
    a code seen later fills the variant's, and a new key never repeats one."""
    guardar(con, tmp_path, informe("a2019.pdf", "Alcaldía de X", 2019, ["Boletines de prensa"]))
    guardar(con, tmp_path, informe("a2021.pdf", "Alcaldía de X", 2021, [("BOLETINES DE PRENSA", "459901700")]))
    guardar(con, tmp_path, informe("a2020.pdf", "Alcaldía de X", 2020, ["Boletines de prensa"]))
    [clave] = {k for k, _ in claves(con, "a2019.pdf").values()}
    assert clave == "alcaldia-x/boletines-prensa"
    assert {k for f in ("a2020.pdf", "a2021.pdf") for k, _ in claves(con, f).values()} == {clave}
    assert con.execute("SELECT nombre, vigencia_nombre FROM identidades").fetchall() == [("BOLETINES DE PRENSA", 2021)]
    assert con.execute("SELECT codigo, vinculo FROM variantes").fetchall() == [("459901700", "nuevo")]
    guardar(
        con,
        tmp_path,
        informe(
            "a2022.pdf",
            "Alcaldía de X",
            2022,
            ["Boletines de prensa emitidos", "Boletines", ("Boletines", None, "Página web")],
        ),
    )
    assert claves(con, "a2022.pdf")["Boletines de prensa emitidos"] == (clave, "nombre_normalizado")
    assert con.execute(
        "SELECT nombre, vigencia_nombre FROM identidades WHERE indicador_clave = ?", [clave]
    ).fetchone() == ("Boletines de prensa emitidos", 2022)
    assert sorted(r[0] for r in con.execute("SELECT indicador_clave FROM indicadores").fetchall()) == sorted(
        [clave] * 4 + ["alcaldia-x/boletines", "alcaldia-x/boletines-2"]
    )
    assert con.execute("SELECT count(*) FROM variantes").fetchone()[0] == 4


def test_informes_sin_claves_se_asignan_en_la_siguiente_carga(con, tmp_path):
    guardar(con, tmp_path, informe("a.pdf", "Alcaldía de X", 2018, ["Boletines"]))
    con.execute("UPDATE informes SET entidad_clave = NULL")
    con.execute("UPDATE observaciones SET entidad_clave = NULL, indicador_clave = NULL")
    guardar(con, tmp_path, informe("b.pdf", "Alcaldía de X", 2019, ["Boletines"]))
    assert con.execute("SELECT count(*) FROM observaciones WHERE indicador_clave IS NULL").fetchone()[0] == 0


# ----------------------------------------------------------------- decisions


def _dos_anios(con, tmp_path, forzar=False):
    guardar(
        con,
        tmp_path,
        informe(
            "a.pdf", "Alcaldía de X", 2017, ["TOMA DE FOTOGRAFIAS Y ACTUALIZACIÓN DEL BANCO DE IMÁGENES", "TWITTER"]
        ),
        forzar=forzar,
    )
    guardar(
        con,
        tmp_path,
        informe(
            "b.pdf", "Alcaldía de X", 2018, ["Fotografías tomadas para el banco de imágenes", "Seguidores en Twitter"]
        ),
        forzar=forzar,
    )


def test_vincular_sobrevive_a_recargar_todo(con, tmp_path):
    _dos_anios(con, tmp_path)
    a = claves(con, "a.pdf")["TOMA DE FOTOGRAFIAS Y ACTUALIZACIÓN DEL BANCO DE IMÁGENES"][0]
    b = claves(con, "b.pdf")["Fotografías tomadas para el banco de imágenes"][0]
    assert a != b
    # the near miss is listed as doubtful
    [dudoso] = [f for f in identidad.listar(con, dudosos=True) if f["indicador_clave"] == b]
    assert a in dudoso["dudas"][0]
    identidad.vincular(con, a, b, nota="mismo indicador")
    assert claves(con, "b.pdf")["Fotografías tomadas para el banco de imágenes"] == (a, "manual")
    assert con.execute("SELECT count(*) FROM observaciones WHERE indicador_clave = ?", [b]).fetchone()[0] == 0
    _dos_anios(con, tmp_path, forzar=True)
    assert claves(con, "b.pdf")["Fotografías tomadas para el banco de imágenes"][0] == a
    assert con.execute("SELECT count(*) FROM decisiones").fetchone()[0] == 1


def test_vincular_rechaza_mismo_informe_y_otra_entidad(con, tmp_path):
    _dos_anios(con, tmp_path)
    guardar(con, tmp_path, informe("otra.pdf", "Alcaldía de Y", 2018, ["TWITTER"]))
    a = claves(con, "a.pdf")
    with pytest.raises(ErrorIdentidad, match="a.pdf"):
        identidad.vincular(con, a["TWITTER"][0], a["TOMA DE FOTOGRAFIAS Y ACTUALIZACIÓN DEL BANCO DE IMÁGENES"][0])
    with pytest.raises(ErrorIdentidad, match="entidades distintas"):
        identidad.vincular(con, a["TWITTER"][0], claves(con, "otra.pdf")["TWITTER"][0])
    with pytest.raises(ErrorIdentidad, match="No existe"):
        identidad.vincular(con, a["TWITTER"][0], "no/existe")


def test_separar_sobrevive_a_recargar(con, tmp_path):
    _dos_anios(con, tmp_path)
    twitter = claves(con, "a.pdf")["TWITTER"][0]
    assert claves(con, "b.pdf")["Seguidores en Twitter"] == (twitter, "nombre_normalizado")
    nueva = identidad.separar(con, twitter, "SEGUIDORES EN TWITTER ")  # any case and spacing
    assert nueva != twitter and claves(con, "b.pdf")["Seguidores en Twitter"] == (nueva, "manual")
    assert claves(con, "a.pdf")["TWITTER"][0] == twitter
    _dos_anios(con, tmp_path, forzar=True)
    assert claves(con, "b.pdf")["Seguidores en Twitter"][0] == nueva
    assert claves(con, "a.pdf")["TWITTER"][0] == twitter
    with pytest.raises(ErrorIdentidad, match="única variante"):
        identidad.separar(con, nueva, "Seguidores en Twitter")
    with pytest.raises(ErrorIdentidad, match="no tiene la variante"):
        identidad.separar(con, twitter, "Otra cosa")


def test_decisiones_por_csv_en_una_base_nueva(tmp_path):
    primera = almacen.abrir(tmp_path / "uno.duckdb")
    _dos_anios(primera, tmp_path)
    a = claves(primera, "a.pdf")
    identidad.vincular(
        primera,
        a["TOMA DE FOTOGRAFIAS Y ACTUALIZACIÓN DEL BANCO DE IMÁGENES"][0],
        claves(primera, "b.pdf")["Fotografías tomadas para el banco de imágenes"][0],
    )
    identidad.separar(primera, a["TWITTER"][0], "Seguidores en Twitter")
    assert identidad.exportar_decisiones(primera, tmp_path / "decisiones.csv") == 2
    primera.close()
    with open(tmp_path / "decisiones.csv", encoding="utf-8") as f:
        assert [r["accion"] for r in csv.DictReader(f)] == ["vincular", "separar"]

    # a colleague imports them into an empty store, then loads the reports
    segunda = almacen.abrir(tmp_path / "dos.duckdb")
    assert identidad.importar_decisiones(segunda, tmp_path / "decisiones.csv") == (2, [])
    assert identidad.importar_decisiones(segunda, tmp_path / "decisiones.csv")[0] == 0  # no repeats
    _dos_anios(segunda, tmp_path)
    a, b = claves(segunda, "a.pdf"), claves(segunda, "b.pdf")
    assert (
        b["Fotografías tomadas para el banco de imágenes"][0]
        == a["TOMA DE FOTOGRAFIAS Y ACTUALIZACIÓN DEL BANCO DE IMÁGENES"][0]
    )
    assert b["Seguidores en Twitter"][0] != a["TWITTER"][0]
    segunda.close()


def test_importar_decisiones_valida_el_csv(con, tmp_path):
    malo = tmp_path / "malo.csv"
    malo.write_text("accion,entidad_clave,variante_a,variante_b\nborrar,x,a,b\n", encoding="utf-8")
    with pytest.raises(ErrorIdentidad, match="acción desconocida"):
        identidad.importar_decisiones(con, malo)
    malo.write_text("accion,entidad_clave\n", encoding="utf-8")
    with pytest.raises(ErrorIdentidad, match="faltan las columnas"):
        identidad.importar_decisiones(con, malo)


# ----------------------------------------------------------------------- CLI


def test_cli_indicadores_vincular_separar_decisiones(tmp_path):
    db = tmp_path / "cli.duckdb"
    con = almacen.abrir(db)
    _dos_anios(con, tmp_path)
    a = claves(con, "a.pdf")["TOMA DE FOTOGRAFIAS Y ACTUALIZACIÓN DEL BANCO DE IMÁGENES"][0]
    b = claves(con, "b.pdf")["Fotografías tomadas para el banco de imágenes"][0]
    twitter = claves(con, "a.pdf")["TWITTER"][0]
    con.close()
    r = CliRunner()
    salida = r.invoke(app, ["indicadores", "--db", str(db), "--entidad", "Alcaldía Municipal de X"])
    assert salida.exit_code == 0, salida.output
    assert "alcaldia-x/twitter" in salida.output and "2017, 2018" in salida.output
    salida = r.invoke(app, ["indicadores", "--db", str(db), "--dudosos", "--json"])
    assert salida.exit_code == 0 and b in salida.output and twitter not in salida.output
    assert r.invoke(app, ["vincular", a, b, "--db", str(db)]).exit_code == 0
    assert r.invoke(app, ["separar", twitter, "Seguidores en Twitter", "--db", str(db)]).exit_code == 0
    fallo = r.invoke(app, ["vincular", a, "no/existe", "--db", str(db)])
    assert fallo.exit_code == 1 and "No existe el indicador" in fallo.output
    lista = r.invoke(app, ["decisiones", "--db", str(db)])
    assert lista.exit_code == 0 and "vincular" in lista.output and "separar" in lista.output
    assert r.invoke(app, ["decisiones", "--db", str(db), "--exportar", str(tmp_path / "d.csv")]).exit_code == 0
    assert (tmp_path / "d.csv").read_text(encoding="utf-8").startswith("accion,entidad_clave,")
    assert r.invoke(app, ["decisiones", "--db", str(db), "--importar", str(tmp_path / "d.csv")]).exit_code == 0
    assert r.invoke(app, ["vincular", a, b, "--db", str(tmp_path / "no.duckdb")]).exit_code == 1


def test_cli_errores_y_transaccion(tmp_path):
    """A command that fails half way leaves the store as it was; a file that
    is not a store is said so, with exit code 1."""
    db = tmp_path / "cli.duckdb"
    con = almacen.abrir(db)
    _dos_anios(con, tmp_path)
    con.close()
    csv_malo = tmp_path / "d.csv"
    csv_malo.write_text(
        "accion,entidad_clave,variante_a,variante_b\nvincular,alcaldia-x,twitter,"
        "seguidores en twitter\nborrar,alcaldia-x,a,b\n",
        encoding="utf-8",
    )
    r = CliRunner()
    salida = r.invoke(app, ["decisiones", "--db", str(db), "--importar", str(csv_malo)])
    assert salida.exit_code == 1 and "acción desconocida" in salida.output
    con = almacen.abrir(db, solo_lectura=True)
    assert con.execute("SELECT count(*) FROM decisiones").fetchone()[0] == 0  # the first line was undone
    con.close()
    otra = tmp_path / "otra.duckdb"
    import duckdb

    duckdb.connect(str(otra)).close()
    for args in (["indicadores"], ["decisiones"], ["comparar", "-o", str(tmp_path / "c.csv")]):
        salida = r.invoke(app, args + ["--db", str(otra)])
        assert salida.exit_code == 1 and "no tiene el esquema esperado" in salida.output, salida.output
    salida = r.invoke(app, ["decisiones", "--db", str(db), "--exportar", str(tmp_path)])
    assert salida.exit_code == 1 and "No se pudo escribir" in salida.output


# -------------------------------------------------------------------- corpus


@pytest.fixture(scope="module")
def vinculos_corpus():
    return evaluar_vinculos(CORPUS, "docx")


def test_corpus_vinculos_precision_y_exhaustividad(vinculos_corpus):
    r = vinculos_corpus
    assert len(r.informes) >= 6 and not r.sin_extraer
    assert r.mismo_informe == 0 and r.entre_entidades == 0
    assert r.precision == 1.0, r.falsos
    assert r.recall >= 0.95, r.perdidos


def test_cli_evaluar_vinculos():
    salida = CliRunner().invoke(app, ["evaluar", str(CORPUS), "--vinculos", "--fuente", "gold", "--json"])
    assert salida.exit_code == 0, salida.output
    assert '"precision": 1.0' in salida.output and '"entre_entidades": 0' in salida.output
