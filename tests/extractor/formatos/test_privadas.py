"""Private library APIs the project relies on still exist (extractor/formatos/privadas.py),
and the public ones that replaced others work on real files."""

from __future__ import annotations

import importlib
import zlib

import openpyxl
import pytest
from openpyxl.chart import BarChart, Reference

from extractor.formatos import privadas, seguridad
from extractor.formatos.hoja import _hojas_xlsx
from extractor.formatos.seguridad import LIMITES, ERRORES_DE_BIBLIOTECA, errores_de_biblioteca, motivo_de_excepcion


def test_las_apis_privadas_que_se_usan_existen():
    assert privadas.faltantes() == []


@pytest.mark.parametrize("tipo", sorted(ERRORES_DE_BIBLIOTECA))
def test_las_excepciones_de_las_bibliotecas_existen(tipo):
    for modulo, nombre in ERRORES_DE_BIBLIOTECA[tipo]:
        clase = getattr(importlib.import_module(modulo), nombre, None)
        assert isinstance(clase, type) and issubclass(clase, BaseException), f"{modulo}.{nombre} ya no existe"
    assert len(errores_de_biblioteca(tipo)) == len(ERRORES_DE_BIBLIOTECA[tipo])


def test_excepciones_reconocidas_por_clase_no_por_nombre():
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from python_calamine import PasswordError

    assert motivo_de_excepcion(PDFPasswordIncorrect(), "pdf") == "el PDF está cifrado o protegido con contraseña"
    assert motivo_de_excepcion(PasswordError("x"), "xlsx") == "el libro de cálculo está protegido con contraseña"
    impostora = type("PDFPasswordIncorrect", (Exception,), {})  # same name, another class: not recognized
    assert motivo_de_excepcion(impostora(), "pdf") is None


def test_flujo_danado_avisado_por_pdfminer():
    import pdfminer.pdftypes as tipos

    vistos: list[int] = []
    roto = zlib.compress(b"123 456 789 " * 40)[:-6]
    with privadas.avisar_flujos_danados(lambda datos: vistos.append(len(datos))):
        tipos.PDFStream({"Filter": tipos.LITERALS_FLATE_DECODE[0]}, roto).get_data()
        tipos.PDFStream({"Filter": tipos.LITERALS_FLATE_DECODE[0]}, zlib.compress(b"sano")).get_data()
    assert vistos == [len(roto)]
    tipos.PDFStream({"Filter": tipos.LITERALS_FLATE_DECODE[0]}, roto).get_data()  # outside: not watched
    assert vistos == [len(roto)]
    with pytest.raises(seguridad.ErrorLectura):
        with seguridad.vigilar_flujos_pdf("roto.pdf"):
            tipos.PDFStream({"Filter": tipos.LITERALS_FLATE_DECODE[0]}, roto).get_data()


def test_hoja_de_grafico_reconocida_por_su_clase(tmp_path):
    libro = openpyxl.Workbook()
    datos = libro.active
    datos.title = "Datos"
    for i in range(1, 5):
        datos.append([f"Indicador {i}", i * 10])
    grafico = libro.create_chartsheet("Gráfico")
    barras = BarChart()
    barras.add_data(Reference(datos, min_col=2, min_row=1, max_row=4))
    grafico.add_chart(barras)
    ruta = tmp_path / "con_grafico.xlsx"
    libro.save(ruta)
    hojas = {h.nombre: h for h in _hojas_xlsx(ruta, LIMITES)}
    assert hojas["Gráfico"].estado == "grafico" and not hojas["Gráfico"].celdas
    assert hojas["Datos"].estado == "visible" and len(hojas["Datos"].celdas) == 8


def test_lo_privado_de_typer_que_usa_la_cli_existe():
    """pipelines/cli reaches into typer (its vendored click, its rich help and
    completion helpers): a typer upgrade that moves them fails here first."""
    usados = {
        "typer._click.exceptions": (
            "ClickException",
            "UsageError",
            "NoArgsIsHelpError",
            "BadOptionUsage",
            "BadParameter",
            "MissingParameter",
            "NoSuchOption",
        ),
        "typer._click.core": ("ParameterSource",),
        "typer._completion_classes": ("completion_init",),
        "typer._completion_shared": ("get_completion_script",),
        "typer.rich_utils": (
            "rich_format_error",
            "OPTIONS_PANEL_TITLE",
            "ARGUMENTS_PANEL_TITLE",
            "COMMANDS_PANEL_TITLE",
            "DEFAULT_STRING",
            "ENVVAR_STRING",
            "REQUIRED_LONG_STRING",
            "ABORTED_TEXT",
            "RICH_HELP",
        ),
    }
    faltan = [
        f"{m}.{n}" for m, nombres in usados.items() for n in nombres if not hasattr(importlib.import_module(m), n)
    ]
    assert faltan == []
