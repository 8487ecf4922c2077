"""Text outputs shared by the commands (exportar, validar, consultar,
comparar): CSV (plain or for Excel in Colombia), JSON and JSON Lines, to a
file or to standard output (`--salida -`), and a closed pipe that ends the
command quietly.

- CSV: UTF-8, comma, '.' decimals (pipelines/texto.texto_celda).
- CSV for Excel (`--excel`): UTF-8 with BOM, ';' separator, ',' decimals,
  CRLF line ends: what Excel with Colombian regional settings opens in
  columns.
- JSON: one array of objects; JSON Lines: one object per line. Numbers stay
  numbers, dates are ISO text, NaN is null; no formula neutralization (a
  JSON file is not opened by a spreadsheet).
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import sys
from contextlib import contextmanager
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Optional, Sequence

from pipelines.texto import texto_celda

ESTANDAR = "-"  # --salida - : standard output
FORMATOS_TEXTO = ("csv", "json", "jsonl")


class TuberiaCerrada(Exception):
    """The reader of standard output went away (`… --salida - | head`)."""


def es_estandar(salida: Optional[Path | str]) -> bool:
    return salida is not None and str(salida) == ESTANDAR


def valor_json(v: Any) -> Any:
    """JSON value of one cell."""
    if v is None or isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, float):
        return v if math.isfinite(v) else None
    if isinstance(v, Decimal):
        return float(v)
    if isinstance(v, (datetime, date, time)):
        return v.isoformat()
    if isinstance(v, (list, tuple)):
        return [valor_json(x) for x in v]
    if isinstance(v, dict):
        return {str(k): valor_json(x) for k, x in v.items()}
    if isinstance(v, bytes):
        return v.hex()
    return str(v)


def texto_excel(valor: Any) -> str:
    """CSV text of one value for Excel in Colombia: ',' as decimal mark."""
    texto = texto_celda(valor)
    if isinstance(valor, (float, Decimal)) and not isinstance(valor, bool):
        texto = texto.replace(".", ",")
    return texto


def escribir_filas(
    f: IO[str], formato: str, columnas: Sequence[str], lotes: Iterable[Sequence[Sequence[Any]]], excel: bool = False
) -> int:
    """Write rows (in batches of tuples in `columnas` order) to the text file
    `f` as csv, json or jsonl. Returns the number of rows."""
    n = 0
    if formato == "csv":
        if excel:
            escritor = csv.writer(f, delimiter=";", lineterminator="\r\n")
            celda = texto_excel
        else:
            escritor = csv.writer(f, lineterminator="\n")
            celda = texto_celda
        escritor.writerow(columnas)
        for lote in lotes:
            escritor.writerows([celda(v) for v in fila] for fila in lote)
            n += len(lote)
        return n
    if formato == "jsonl":
        for lote in lotes:
            for fila in lote:
                f.write(json.dumps({c: valor_json(v) for c, v in zip(columnas, fila)}, ensure_ascii=False) + "\n")
            n += len(lote)
        return n
    if formato == "json":
        f.write("[")
        for lote in lotes:
            for fila in lote:
                f.write(
                    ("\n" if n == 0 else ",\n")
                    + json.dumps({c: valor_json(v) for c, v in zip(columnas, fila)}, ensure_ascii=False)
                )
                n += 1
        f.write("\n]\n" if n else "]\n")
        return n
    raise ValueError(formato)


def codificacion(excel: bool) -> str:
    return "utf-8-sig" if excel else "utf-8"


@contextmanager
def texto_estandar(excel: bool = False) -> Iterator[IO[str]]:
    """Standard output as UTF-8 text (with BOM for Excel), whatever the
    locale. A closed pipe raises TuberiaCerrada (see `silenciar`)."""
    try:
        sys.stdout.flush()
        f = io.TextIOWrapper(sys.stdout.buffer, encoding=codificacion(excel), newline="")
        try:
            yield f
            f.flush()
        finally:
            try:
                f.detach()
            except ValueError:
                pass
    except BrokenPipeError as exc:
        silenciar()
        raise TuberiaCerrada() from exc


@contextmanager
def binario_estandar() -> Iterator[IO[bytes]]:
    """Standard output for bytes (Parquet, XLSX)."""
    try:
        sys.stdout.flush()
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
    except BrokenPipeError as exc:
        silenciar()
        raise TuberiaCerrada() from exc


def copiar_a_estandar(ruta: Path) -> None:
    """Send a finished file (Parquet, XLSX) to standard output."""
    with binario_estandar() as destino, open(ruta, "rb") as origen:
        while bloque := origen.read(1 << 16):
            destino.write(bloque)


def silenciar() -> None:
    """After a broken pipe: point standard output at /dev/null so that the
    interpreter's last flush at exit neither fails nor prints a traceback."""
    try:
        nulo = os.open(os.devnull, os.O_WRONLY)
        os.dup2(nulo, sys.stdout.fileno())
        os.close(nulo)
    except (OSError, ValueError):
        pass
