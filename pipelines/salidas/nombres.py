"""Names of the measures as the pages of pipelines/salidas/ show them."""

NOMBRES_MEDIDA = {
    "linea_base": "Línea base", "meta": "Meta", "ejecutado": "Ejecutado", "acumulado": "Acumulado",
    "avance_porcentual": "Avance (%)", "recursos_programados": "Recursos programados",
    "recursos_ejecutados": "Recursos ejecutados", "apropiacion_inicial": "Apropiación inicial",
    "apropiacion_definitiva": "Apropiación definitiva", "compromisos": "Compromisos",
    "obligaciones": "Obligaciones", "pagos": "Pagos", "meta_cuatrienio": "Meta cuatrienio",
}
