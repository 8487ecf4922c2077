"""Content of every report of the corpus, one module per report."""
from . import (
    barrancabermeja_prensa_2017,
    girardot_salud_2018,
    sogamoso_educacion_2019,
    pasto_infraestructura_2020,
    zipaquira_desarrollo_social_2021,
    villavicencio_hacienda_2022,
    rionegro_desarrollo_economico_2023,
    boyaca_infraestructura_2024,
    chiquinquira_agropecuario_2019,
    duitama_planeacion_2022,
    tulua_personeria_2021,
    yopal_integracion_social_2023,
)

INFORMES = [
    barrancabermeja_prensa_2017.INFORME,
    girardot_salud_2018.INFORME,
    sogamoso_educacion_2019.INFORME,
    pasto_infraestructura_2020.INFORME,
    zipaquira_desarrollo_social_2021.INFORME,
    villavicencio_hacienda_2022.INFORME,
    rionegro_desarrollo_economico_2023.INFORME,
    boyaca_infraestructura_2024.INFORME,
    chiquinquira_agropecuario_2019.INFORME,
    duitama_planeacion_2022.INFORME,
    tulua_personeria_2021.INFORME,
    yopal_integracion_social_2023.INFORME,
]
