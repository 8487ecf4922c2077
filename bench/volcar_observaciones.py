"""Every observation (all its fields: page, indicator, measure, value,
period, bbox…) and every unmapped row of each report in corpus/informes/,
../shared/corpus-real/ and bench/ciegos/, one JSON line each, to check that
a change leaves the outputs byte for byte as they were.

    python bench/volcar_observaciones.py despues.jsonl
    python bench/volcar_observaciones.py antes.jsonl --codigo /tmp/antes   # another copy's code
    cmp antes.jsonl despues.jsonl

The reports are always this copy's; `--codigo` imports the extractor from
another checkout (same files, older code). Each run starts with an empty
cache (OCR and header memory): every page is read."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import tempfile
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
EXTENSIONES = {".pdf", ".docx", ".doc", ".xlsx", ".xls", ".ods", ".odt", ".rtf"}


def archivos() -> list[Path]:
    carpetas = [RAIZ / "corpus" / "informes", RAIZ.parent / "shared" / "corpus-real", RAIZ / "bench" / "ciegos"]
    return [p for c in carpetas if c.is_dir() for p in sorted(c.rglob("*")) if p.suffix.lower() in EXTENSIONES]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("salida", type=Path)
    parser.add_argument("--codigo", type=Path, default=RAIZ, help="copia cuyo extractor se usa (por defecto, esta)")
    args = parser.parse_args()
    codigo = args.codigo.resolve()
    sys.path.insert(0, str(codigo))
    os.environ["INFORMES_CACHE"] = tempfile.mkdtemp(prefix="volcar-cache-")
    import extractor
    from extractor import ErrorLectura, extraer_informe

    if not Path(extractor.__file__).resolve().is_relative_to(codigo):
        sys.exit(f"el extractor importado no es el de {codigo}: {extractor.__file__}")
    with open(args.salida, "w", encoding="utf-8") as salida:
        for ruta in archivos():
            nombre = str(ruta.relative_to(RAIZ)) if ruta.is_relative_to(RAIZ) else ruta.name
            try:
                informe = extraer_informe(ruta)
            except ErrorLectura as exc:
                salida.write(json.dumps({"archivo": nombre, "error": str(exc)}, ensure_ascii=False) + "\n")
                continue
            for o in informe.observaciones:
                fila = {"archivo": nombre, **dataclasses.asdict(o)}
                salida.write(json.dumps(fila, ensure_ascii=False, default=str) + "\n")
            for n in informe.no_mapeadas or []:
                fila = {"archivo": nombre, "no_mapeada": dataclasses.asdict(n) if dataclasses.is_dataclass(n) else n}
                salida.write(json.dumps(fila, ensure_ascii=False, default=str) + "\n")
            print(f"{nombre}: {len(informe.observaciones)} cifras", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
