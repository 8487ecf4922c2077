"""References to legal acts in report text: "Acuerdo 005 de 2024",
"Decreto 0211 de 2023", "Ordenanza 0007 de 2020". Their numbers and years
are not the report's year (nor is the year an audit examined), and a clause that cites one ("Presupuesto
liquidado por Decreto 0211 de 2023") says how a budget was adopted, not that
a table's figures are money."""

from __future__ import annotations

import re

from extractor.castellano import palabras

NORMA = re.compile(
    rf"\b({palabras.alternativas_con_acentos(palabras.lista('normas'))})\b"  # esquemas/castellano.yaml
    r"(?:\s+(?:n[o°º]|nro|num)\.?)?"  # "Acuerdo No. 021 de 2024": the number's mark may end in a point
    r"[^.;\n]{0,30}?\bde\s+(19|20)\d\d\b",
    re.IGNORECASE,
)
# the year an audit examined ("Auditoría financiera y de gestión, vigencia auditada 2022"):
# a follow-up of its improvement plan reports another, later period
AUDITADA = re.compile(
    r"\bvigencias?\s+auditadas?\s*:?\s*(?:19|20)\d\d\b|\baudit\w*\b[^.;\n]{0,60}?\bvigencias?\s+(?:fiscal\s+)?(?:19|20)\d\d\b",
    re.IGNORECASE,
)


def sin_anios_ajenos(texto: str) -> str:
    """The text without the years that are not a report's: a norm's, an audited year's."""
    return AUDITADA.sub(" ", NORMA.sub(" ", texto))


# where a heading's clauses part: "Vigencia fiscal 2023 · Presupuesto aprobado por …",
# "… por programa, según lo aprobado mediante Acuerdo 008 de 2020 (cifras en millones)"
_CLAUSULAS = re.compile(r"\s*(?:[·;|\n,()]|\s[–—-]\s)\s*")


def sin_clausulas_de_normas(texto: str) -> str:
    """The text without the clauses that cite a legal act (as it is when it cites none)."""
    if not NORMA.search(texto):
        return texto
    return " · ".join(c for c in _CLAUSULAS.split(texto) if c and not NORMA.search(c))
