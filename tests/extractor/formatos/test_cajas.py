"""Geometry helpers of the table readers (extractor/formatos/cajas.py) give
what the plain pairwise tests give."""

from __future__ import annotations

import random

from extractor.formatos import cajas


def _por_pares(lista: list[tuple]) -> list[tuple]:
    return [a for a in lista if sum(cajas._encierra(a, b) for b in lista) < 2]


def _copia(caja: tuple) -> tuple:
    return caja[:2] + caja[2:]  # equal, another object (tuple(caja) is caja itself)


def _rejilla(filas: int, columnas: int, x: float = 50, y: float = 100) -> list[tuple]:
    return [(x + 40 * j, y + 15 * i, x + 40 * (j + 1), y + 15 * (i + 1)) for i in range(filas) for j in range(columnas)]


def test_sin_marcos_quita_el_marco_de_un_bloque_y_deja_las_celdas():
    celdas = _rejilla(5, 4)
    marco = (49.5, 99.5, 210.5, 175.5)  # drawn around the whole grid
    resultado = cajas.sin_marcos(celdas + [marco])
    assert resultado == celdas == _por_pares(celdas + [marco])


def test_sin_marcos_igual_que_por_pares_y_repetido_da_lo_mismo():
    azar = random.Random(7)
    for _ in range(40):
        lista = _rejilla(azar.randint(1, 6), azar.randint(1, 5))
        lista += [
            (azar.uniform(0, 200), azar.uniform(0, 200), azar.uniform(200, 400), azar.uniform(200, 400))
            for _ in range(azar.randint(0, 4))
        ]
        lista.append(_copia(lista[0]))  # an equal box, another object: they frame each other
        azar.shuffle(lista)
        primera = cajas.sin_marcos(lista)
        assert primera == _por_pares(lista)
        primera.append("cambiada")  # the caller's list: the next answer is its own
        assert cajas.sin_marcos(lista) == _por_pares(lista)
        assert cajas.sin_marcos(list(lista)) == _por_pares(lista)  # a new list of the same boxes


def test_sin_marcos_distingue_la_misma_caja_de_una_igual():
    """Three times the same box object frames nothing; three equal boxes
    (other objects) frame each other twice: all three go. Answers kept
    for boxes asked before never mix the two."""
    celda = (10.0, 10.0, 20.0, 20.0)
    rejilla = _rejilla(4, 4)
    misma = [celda, celda, celda] + rejilla
    iguales = [celda, _copia(celda), _copia(celda)] + rejilla
    for _ in range(2):
        assert cajas.sin_marcos(misma) == [celda, celda, celda] + rejilla == _por_pares(misma)
        assert cajas.sin_marcos(iguales) == rejilla == _por_pares(iguales)


def test_tarjetas_sin_marcos_un_anillo_no_hace_marco_y_una_caja_que_cruza_no_es_tarjeta():
    tarjeta = (34.0, 71.0, 222.0, 271.0)
    anillo, centro = (50.0, 170.0, 112.0, 232.0), (57.0, 177.0, 105.0, 225.0)  # two circles, one in the other
    abajo = (34.0, 279.0, 222.0, 480.0)
    columna = (34.0, 65.0, 221.0, 476.0)  # a drawing down a column of cards, across the lower one's edge
    pagina = (20.0, 20.0, 820.0, 580.0)  # the page's frame around both cards
    quedan = cajas.tarjetas_sin_marcos([tarjeta, anillo, centro, abajo, columna, pagina])
    assert tarjeta in quedan and abajo in quedan
    assert columna not in quedan and pagina not in quedan
    # sin_marcos, for a table's cells, takes the card around the ring for a frame
    assert tarjeta not in cajas.sin_marcos([tarjeta, anillo, centro])
