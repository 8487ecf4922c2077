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
    barrancabermeja_prensa_2018,
    barrancabermeja_prensa_2019,
    barrancabermeja_prensa_2020,
    barrancabermeja_prensa_2021,
    bucaramanga_prensa_2018,
    cajica_seguimiento_pdm_2023,
    garzon_mujer_trimestres_2024,
    tocancipa_obras_unidades_2024,
    facatativa_plan_desarrollo_2024,
    lebrija_desarrollo_social_2025,
    monteria_desarrollo_rural_2024,
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
    barrancabermeja_prensa_2018.INFORME,
    barrancabermeja_prensa_2019.INFORME,
    barrancabermeja_prensa_2020.INFORME,
    barrancabermeja_prensa_2021.INFORME,
    bucaramanga_prensa_2018.INFORME,
    cajica_seguimiento_pdm_2023.INFORME,
    garzon_mujer_trimestres_2024.INFORME,
    tocancipa_obras_unidades_2024.INFORME,
    facatativa_plan_desarrollo_2024.INFORME,
    lebrija_desarrollo_social_2025.INFORME,
    monteria_desarrollo_rural_2024.INFORME,
]

# Built with their gold, but read wrongly today: kept out of corpus/ (the
# corpus test has no expected-failure mark); `generar.py --pendientes DIR`
# writes them to DIR. See corpus/README.md.
PENDIENTES = {
    cajica_seguimiento_pdm_2023.INFORME.id,
    facatativa_plan_desarrollo_2024.INFORME.id,
}
