"""F1 of every blind batch kept in bench/ciegos/ (documents a helper who
never read the extractor built, with their gold in the format of
../shared/corpus-real/gold/README.md). Measured once at first contact
(README, "Medir en documentos reales"); kept here to see that nothing goes
back.

    python bench/ciegos.py              # every batch
    python bench/ciegos.py lote17       # one
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
CIEGOS = RAIZ / "bench" / "ciegos"


def main(nombres: list[str]) -> None:
    lotes = sorted(d for d in CIEGOS.iterdir() if d.is_dir() and (d / "gold.json").is_file())
    for lote in lotes:
        if nombres and lote.name not in nombres:
            continue
        salida = subprocess.run(
            [
                sys.executable,
                "-m",
                "pipelines.cli",
                "evaluar",
                str(lote),
                "--gold",
                str(lote / "gold.json"),
                "-f",
                "json",
            ],
            capture_output=True,
            text=True,
            cwd=RAIZ,
        )
        datos = json.loads(salida.stdout)
        total = datos["total"]
        print(f"{lote.name}: F1 micro {total['f1']:.3f}, macro {total['f1_medio']:.3f}")
        for doc in datos["documentos"]:
            print(f"  {doc['f1']:.3f}  {doc['documento']}")


if __name__ == "__main__":
    main(sys.argv[1:])
