"""`python -m pipelines.identidad`: rebuild the lemma table
(esquemas/lemas_identidad.txt.gz) from the installed spacy-lookups-data."""

from pipelines.identidad.lemas import escribir_lemas

print("%s: %d formas" % escribir_lemas())
