"""Checks before a report is stored: a valid SHA-256, and observations
inside the controlled vocabularies (esquemas/medidas.csv, unidades.csv,
tipos_gasto.csv); the others are set apart as unmapped rows, with the reason."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import esquemas
from pipelines.almacen.esquema import ErrorAlmacen

if TYPE_CHECKING:
    from extractor.resultado import InformeExtraido


def validar(informe: InformeExtraido) -> None:
    """Raise ErrorAlmacen (naming the file) when the report's SHA-256 is not
    valid. Invalid observations do not sink the report: see `apartar_invalidas`."""
    sha = informe.sha256 or ""
    if len(sha) != 64 or any(ch not in "0123456789abcdefABCDEF" for ch in sha):
        raise ErrorAlmacen(f"{informe.archivo}: el SHA-256 del informe no es válido ({sha!r}).")


_CAMPOS_VOCABULARIO = (("medida", "medidas.csv"), ("unidad", "unidades.csv"), ("tipo_gasto", "tipos_gasto.csv"))


def motivo_invalida(obs, permitidos: Optional[dict[str, set[str]]] = None) -> Optional[str]:
    """Why an observation cannot be stored (a value outside the controlled
    vocabularies, no indicator name, a value that is not a number), or None."""
    if not obs.indicador or not str(obs.indicador).strip():
        return "falta el nombre del indicador"
    permitidos = permitidos or {campo: esquemas.vocabulario(campo) for campo, _ in _CAMPOS_VOCABULARIO}
    for campo, archivo in _CAMPOS_VOCABULARIO:
        valor = getattr(obs, campo)
        if valor is None and campo == "tipo_gasto":
            continue
        if valor not in permitidos[campo]:
            return f"{campo} {valor!r} no está en el vocabulario (esquemas/{archivo})"
    if not isinstance(obs.valor, (int, float)) or isinstance(obs.valor, bool):
        return f"el valor {obs.valor!r} no es numérico"
    return None


def apartar_invalidas(informe: InformeExtraido) -> int:
    """Move the observations that cannot be stored to the report's unmapped
    rows (filas_no_mapeadas), with the reason; the rest of the report is
    kept. Returns how many were moved."""
    from extractor.resultado import FilaNoMapeada

    permitidos = {campo: esquemas.vocabulario(campo) for campo, _ in _CAMPOS_VOCABULARIO}
    validas, apartadas = [], 0
    for obs in informe.observaciones:
        motivo = motivo_invalida(obs, permitidos)
        if motivo is None:
            validas.append(obs)
            continue
        apartadas += 1
        texto = " | ".join(str(x) for x in (obs.indicador_padre, obs.indicador, obs.valor_texto) if x) or "(vacía)"
        informe.no_mapeadas.append(
            FilaNoMapeada(
                texto=texto,
                motivo=f"cifra no válida, no se guardó como observación: {motivo}",
                pagina=obs.pagina,
                tabla=obs.tabla,
                fila=obs.fila,
            )
        )
    informe.observaciones[:] = validas
    return apartadas
