"""The name of what a bullet without a label reports (extractor/castellano/sintagmas.py)."""

from __future__ import annotations

import pytest

from extractor.castellano.sintagmas import nombre_de_frase


@pytest.mark.parametrize(
    "frase, cifra, nombre",
    [
        # what the figure counts, with the verb's participle agreeing with it
        ("Se entregaron 1.240 kits escolares de una meta de 1.500 (82,7 %).", "1.240", "Kits escolares entregados"),
        ("Se adecuaron 9 de las 12 sedes educativas rurales (75 %).", "9", "Sedes educativas rurales adecuadas"),
        ("Se dotaron 36 bibliotecas de las 40 previstas (90,0 %).", "36", "Bibliotecas dotadas"),
        ("Se atendieron 340 adultos mayores frente a una meta de 400.", "340", "Adultos mayores atendidos"),
        ("La secretaría construyó 3 puentes peatonales de 4 programados.", "3", "Puentes peatonales construidos"),
        # a list of nouns is masculine unless all are feminine
        (
            "Se vacunaron 800 niñas, niños y adolescentes de los 1.000 previstos.",
            "800",
            "Niñas, niños y adolescentes vacunados",
        ),
        # given to the counted people
        (
            "Se garantizó el transporte escolar a 412 estudiantes de la zona rural (meta: 450).",
            "412",
            "Estudiantes de la zona rural con transporte escolar",
        ),
        # the programme an opening phrase names
        (
            "Con el programa de huertas se apoyaron 95 familias, frente a 120 programadas.",
            "95",
            "Familias apoyadas con el programa de huertas",
        ),
        # a participle after an auxiliary, a first person plural, an action noun
        (
            "Fueron capacitadas 120 mujeres cabeza de hogar, de 150 programadas (80 %).",
            "120",
            "Mujeres cabeza de hogar capacitadas",
        ),
        (
            "Beneficiamos a 300 familias campesinas, superando la meta de 250.",
            "300",
            "Familias campesinas beneficiadas",
        ),
        ("Se logró la vinculación de 45 jóvenes al primer empleo frente a una meta de 50.", "45", "Jóvenes vinculados"),
        # the action noun of a verb in -ar ("entrega", "suministro"); a noun of no action gives none
        ("La entrega de 300 sillas escolares superó la meta prevista de 250.", "300", "Sillas escolares entregadas"),
        ("El suministro de 40 computadores cumplió la meta de 40.", "40", "Computadores suministrados"),
        ("Un promedio de 40 niños asistió a las ludotecas, de 50 previstos.", "40", "Niños"),
        # an infinitive after a first person plural is what was done, not what they got
        (
            "Logramos dotar 14 sedes rurales con kits, de las 16 programadas (87,5 %).",
            "14",
            "Sedes rurales dotadas con kits",
        ),
        # the participle further on, past a list of place names, with what they got it with
        (
            "612 estudiantes de las veredas Meusa, Hatogrande y La Diana fueron beneficiados con rutas "
            "de transporte escolar, frente a una meta de 580.",
            "612",
            "Estudiantes beneficiados con rutas de transporte escolar",
        ),
        # the letters of the verb kept; a stem whose i is an e in the participle
        ("Se señalizaron 9 de los 12 atractivos turísticos (75 %).", "9", "Atractivos turísticos señalizados"),
        ("Solo en 2022 se intervinieron 7 fachadas; la meta era de 8.", "7", "Fachadas intervenidas"),
        # what the counted got, when the verb follows them: an action done to them is its participle
        (
            "18 funcionarios recibieron capacitación en género; la meta era de 20.",
            "18",
            "Funcionarios capacitados en género",
        ),
        (
            "14 prestadores de servicios turísticos obtuvieron la certificación en normas técnicas, de 20.",
            "14",
            "Prestadores de servicios turísticos certificados en normas técnicas",
        ),
        (
            "230 jóvenes de la zona rural recibieron kits escolares, de 250 previstos.",
            "230",
            "Jóvenes de la zona rural con kits escolares",
        ),
        # a share of something, done by the subject
        (
            "La línea púrpura respondió el 96,5 % de las llamadas recibidas, cumpliendo la meta del 95 %.",
            "96,5 %",
            "Llamadas recibidas respondidas por la línea púrpura",
        ),
        # a time is no programme
        (
            "En el cuatrienio 2020-2023 se formaron 1.020 mujeres, frente a las 1.000 previstas.",
            "1.020",
            "Mujeres formadas",
        ),
        # an infinitive after the verb; a unit before "del"; a list of heads only before "de"
        (
            "Logramos afiliar al régimen subsidiado a 2.087 personas; la meta es de 3.500.",
            "2.087",
            "Personas afiliadas",
        ),
        (
            "Quedaron adecuados 1.240 m² del área de urgencias y consulta externa.",
            "1.240",
            "Metros cuadrados del área de urgencias y consulta externa adecuada",
        ),
        # what for, after the participle; who, when it is not the office itself
        (
            "Se otorgaron 212 estímulos para el acceso a la educación superior.",
            "212",
            "Estímulos otorgados para el acceso a la educación superior",
        ),
        (
            "El servicio de transporte escolar benefició a 1.340 estudiantes.",
            "1.340",
            "Estudiantes beneficiados por el servicio de transporte escolar",
        ),
        # a written participle agrees with what is counted (not after "han"); an irregular past
        (
            "Fueron dotadas con mobiliario 27 sedes educativas, de 35 programadas.",
            "27",
            "Sedes educativas dotadas con mobiliario",
        ),
        # what with, after what is counted (not how it was paid) or between the verb and the figure
        (
            "Se beneficiaron 85 familias con el subsidio de transporte universitario, de 100 programadas.",
            "85",
            "Familias beneficiadas con el subsidio de transporte universitario",
        ),
        ("Se entregaron 300 kits escolares con recursos del SGP; la meta era 350.", "300", "Kits escolares entregados"),
        (
            "Fueron conectadas a internet de alta velocidad 9 sedes educativas, de 9 programadas.",
            "9",
            "Sedes educativas conectadas a internet de alta velocidad",
        ),
        # where, by name, is no part of the name; an action noun of a verb in -ir; nouns in -des are feminine
        (
            "La construcción de 3,2 km de redes de acueducto en los barrios Kennedy y 20 de Julio superó la meta.",
            "3,2",
            "Kilómetros de redes de acueducto construidas",
        ),
        ("En infraestructura educativa se adecuaron 9 sedes, superando la meta de 6 sedes.", "9", "Sedes adecuadas"),
        ("En la vigencia se entregaron 45 kits de 50 programados.", "45", "Kits entregados"),
        # a plural head without a final s in its first word
        ("Con la construcción de 14 box culverts superamos la meta de 12.", "14", "Box culverts construidos"),
        ("12 gestantes tuvo su primera consulta; la meta era de 15.", "12", "Gestantes con primera consulta"),
        # a verb of several words
        (
            "Se llevaron a cabo los 2 festivales programados, con un cumplimiento del 100 %.",
            "2",
            "Festivales realizados",
        ),
        # the verb that set the target is no part of the name, nor is the plan it was set in
        (
            "En el Plan de Acción se programaron 18 debates de control político y se adelantaron 15.",
            "18",
            "Debates de control político",
        ),
        # "veces" counts how often the verb was done: its noun, and whose (without a relative clause)
        (
            "La Mesa de Víctimas, de la que el personero ejerce la secretaría, sesionó 6 veces de las 8 previstas.",
            "6",
            "Sesiones de la Mesa de Víctimas",
        ),
        ("El comité se reunió 10 veces de las 12 programadas.", "10", "Reuniones del comité"),
        # what the subject names, before "fueron"; a target's word alone names nothing
        (
            "Las sesiones transmitidas por la emisora comunitaria fueron 54, por encima de la meta de 50.",
            "54",
            "Sesiones transmitidas por la emisora comunitaria",
        ),
        ("Los beneficiarios del programa fueron 120 de 150 previstos.", "120", "Beneficiarios del programa"),
        # a rate counts nothing: the subject
        (
            "La tasa de deserción escolar bajó de 4,8 % a 3,9 %; la meta era 4,0 %.",
            "3,9 %",
            "Tasa de deserción escolar",
        ),
    ],
)
def test_nombre_de_frase(frase, cifra, nombre):
    i = frase.index(cifra)
    assert nombre_de_frase(frase, i, i + len(cifra)) == nombre


@pytest.mark.parametrize(
    "frase, cifra",
    [
        ("De las 18 metas a cargo de la secretaría se cumplieron 15, con una meta global de 90 %.", "15"),
        ("En 2023 hubo 120 de 150.", "120"),
    ],
)
def test_frase_sin_nombre(frase, cifra):
    i = frase.index(cifra)
    assert nombre_de_frase(frase, i, i + len(cifra)) is None


def test_esas_remite_a_la_frase_anterior():
    frase = "Solo en 2022 se intervinieron 7 de esas fachadas, cuando la meta anual era de 8."
    i = frase.index("7")
    assert nombre_de_frase(frase, i, i + 1, "Fachadas del centro histórico restauradas") == (
        "Fachadas del centro histórico restauradas"
    )
    assert nombre_de_frase(frase, i, i + 1, "Kits entregados") == "Fachadas intervenidas"
