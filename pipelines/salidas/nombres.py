"""Names of the measures as the pages of pipelines/salidas/ show them."""

import esquemas

NOMBRES_MEDIDA = {m.medida: m.nombre for m in esquemas.medidas().values()}  # medidas.csv `nombre`, file order
