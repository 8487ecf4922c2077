"""Progress of a bulk load (`informes cargar`): files and pages done, rate
and time left.

Pages are known up front cheaply: a child process counts the pages of the
files to extract with pypdfium2 (milliseconds per file), while extraction
starts. It is a child because the files come from outside and the loading
process never parses them itself (pipelines/carga/cargar.py); a file it cannot
count counts as one page, and so does a Word document without a page count
in its properties, a spreadsheet or any other format.

In a terminal, a rich progress bar; elsewhere (CI logs, pipes) a plain line
at most every `INTERVALO_PLANO` seconds, so redirected output stays readable.
"""

from __future__ import annotations

import os
import re
import threading
import time
import zipfile
from pathlib import Path
from typing import Any, Callable, Optional

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeRemainingColumn
from rich.text import Text

INTERVALO_PLANO = 30.0  # seconds between plain progress lines (not a terminal)
_LOTE = 64  # page counts sent together
_MEMORIA_CONTEO = 1024  # MB of address space for the counting process


# ---------------------------------------------------------------- page counts


def paginas_de(ruta: Path) -> Optional[int]:
    """Pages of one file: PDF from pdfium, DOCX from docProps/app.xml (what
    Word saved), None when unknown."""
    sufijo = ruta.suffix.lower()
    try:
        if sufijo == ".pdf":
            import pypdfium2 as pdfium

            pdf = pdfium.PdfDocument(str(ruta))
            try:
                return len(pdf)
            finally:
                pdf.close()
        if sufijo == ".docx":
            with zipfile.ZipFile(ruta) as z:
                with z.open("docProps/app.xml") as f:
                    m = re.search(rb"<Pages>(\d+)</Pages>", f.read(1 << 16))
            return int(m.group(1)) if m else None
    except Exception:  # noqa: BLE001 - a damaged file: the extraction will say why
        return None
    return None


def _contar(conexion, rutas: list[str], padre: int) -> None:
    """Body of the counting process: (index, pages) pairs in batches."""
    import resource
    import signal

    from pipelines.carga.aislamiento import _vigilante

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _vigilante(padre, None)
    try:
        tope = _MEMORIA_CONTEO * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (tope, tope))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        pass
    lote = []
    try:
        for i, ruta in enumerate(rutas):
            lote.append((i, paginas_de(Path(ruta))))
            if len(lote) >= _LOTE:
                conexion.send(lote)
                lote = []
        conexion.send(lote)
    except (BrokenPipeError, EOFError, OSError, MemoryError):
        os._exit(1)
    finally:
        conexion.close()


class ConteoPaginas:
    """Counts the pages of `rutas` in a child process; `al_contar(indice,
    paginas)` is called from a background thread as counts arrive (pages
    None: unknown). `cerrar()` ends the child if it is still counting."""

    def __init__(self, rutas: list[Path], al_contar: Callable[[int, Optional[int]], None]):
        from pipelines.carga.aislamiento import _contexto

        ctx = _contexto()
        self._recibir, enviar = ctx.Pipe(duplex=False)
        self._proceso = ctx.Process(
            target=_contar, args=(enviar, [str(r) for r in rutas], os.getpid()), name="informes-paginas", daemon=True
        )
        self._proceso.start()
        enviar.close()
        self._al_contar = al_contar
        self._hilo = threading.Thread(target=self._leer, name="informes-paginas", daemon=True)
        self._hilo.start()

    def _leer(self) -> None:
        try:
            while True:
                for i, n in self._recibir.recv():
                    self._al_contar(i, n)
        except (EOFError, OSError):
            pass

    def cerrar(self) -> None:
        self._proceso.join(0.0)
        if self._proceso.is_alive():
            self._proceso.kill()
        self._proceso.join()
        self._hilo.join(5.0)
        self._recibir.close()


# ------------------------------------------------------------------ display


class _Ritmo(ProgressColumn):
    """Pages per second."""

    def render(self, task: Task) -> Text:
        return Text("" if task.speed is None else f"{task.speed:,.1f} pág/s", style="progress.data.speed")


class _Paginas(ProgressColumn):
    def render(self, task: Task) -> Text:
        total = "?" if task.total is None else f"{task.total:,.0f}"
        return Text(f"{task.completed:,.0f}/{total} páginas", style="progress.download")


class Avance:
    """Progress of one load. Use as a context manager; `planificar(rutas)`
    with the files to extract (from cargar_rutas' al_planificar), then
    `terminado(resultado)` after each file (al_terminar)."""

    def __init__(self, consola: Console, total_archivos: int):
        self.consola = consola
        self.total_archivos = total_archivos
        self.archivos = 0
        self._cerrojo = threading.Lock()
        self._paginas: dict[Path, int] = {}  # pages of each file to extract (1 until counted)
        self._indices: list[Path] = []
        self._hechos: set[Path] = set()
        self._completadas = 0
        self._total = 0
        self._conteo: Optional[ConteoPaginas] = None
        self._ultimo_plano = time.monotonic()
        self._inicio = time.monotonic()
        self._barra: Optional[Progress] = None
        self._tarea = None
        if consola.is_terminal:
            self._barra = Progress(
                SpinnerColumn(),
                TextColumn("[bold]{task.description}"),
                BarColumn(),
                TextColumn("{task.fields[archivos]}/{task.fields[total_archivos]} archivos"),
                _Paginas(),
                _Ritmo(),
                TextColumn("quedan"),
                TimeRemainingColumn(),
                console=consola,
                transient=True,
                speed_estimate_period=60.0,
            )
            self._tarea = self._barra.add_task("Revisando", total=None, archivos=0, total_archivos=total_archivos)

    def __enter__(self) -> "Avance":
        if self._barra is not None:
            self._barra.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._conteo is not None:
            self._conteo.cerrar()
        if self._barra is not None:
            self._barra.stop()

    def planificar(self, rutas: list[Path]) -> None:
        with self._cerrojo:
            self._indices = [Path(r) for r in rutas]
            self._paginas = {r: 1 for r in self._indices}
            self._total = len(self._indices)
        self._actualizar("Cargando")
        if len(rutas) > 1:  # one file: its progress is the file itself (no process to start)
            try:
                self._conteo = ConteoPaginas(self._indices, self._contado)
            except OSError:
                pass  # no page counts: one page per file

    def _contado(self, indice: int, paginas: Optional[int]) -> None:
        if not paginas or paginas < 1:
            return
        with self._cerrojo:
            ruta = self._indices[indice]
            delta = paginas - self._paginas[ruta]
            self._paginas[ruta] = paginas
            self._total += delta
            if ruta in self._hechos:
                self._completadas += delta
        self._actualizar()

    def terminado(self, r) -> None:
        with self._cerrojo:
            self.archivos += 1
            ruta = Path(r.ruta)
            if ruta in self._paginas and ruta not in self._hechos:
                self._hechos.add(ruta)
                self._completadas += self._paginas[ruta]
        self._actualizar(plano=True)

    def _actualizar(self, descripcion: Optional[str] = None, plano: bool = False) -> None:
        with self._cerrojo:
            archivos, completadas, total = self.archivos, self._completadas, self._total
        if self._barra is not None and self._tarea is not None:
            cambios: dict[str, Any] = {"description": descripcion} if descripcion else {}
            self._barra.update(self._tarea, completed=completadas, total=total or None, archivos=archivos, **cambios)
            return
        if not plano:
            return
        ahora = time.monotonic()
        if ahora - self._ultimo_plano >= INTERVALO_PLANO and archivos < self.total_archivos:
            self._ultimo_plano = ahora
            transcurrido = ahora - self._inicio
            ritmo = completadas / transcurrido if transcurrido > 0 else 0.0
            resto = f", quedan ~{_duracion((total - completadas) / ritmo)}" if ritmo > 0 and total else ""
            self.consola.print(
                escape(
                    f"Avance: {archivos}/{self.total_archivos} archivos, "
                    f"{completadas}/{total} páginas, {ritmo:.1f} pág/s{resto}"
                ),
                highlight=False,
            )


def _duracion(segundos: float) -> str:
    segundos = int(round(segundos))
    if segundos < 60:
        return f"{segundos} s"
    if segundos < 3600:
        return f"{segundos // 60} min {segundos % 60:02d} s"
    return f"{segundos // 3600} h {segundos // 60 % 60:02d} min"
