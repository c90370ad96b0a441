"""Attributing quotes to speakers.

For each quote, the sentence around it is read with the quoted words masked
out, so that verbs inside quotes never count. The rules propose speakers: the
subject of a speech cue right after the closing mark (``,” Varga said``,
``,” said Varga``), right before the opening mark (``Varga stressed, adding:``,
``according to Okafor,``), at the end of the paragraph before (``She said:``)
or elsewhere in the sentence; the named subject of the quote's sentence or of
the one before; the previous speaker. Each mention (a name, a title and name,
a role such as "the ambassador", a pronoun, an organisation) is resolved
against the people the article names, with their titles and appositions.

Where a cue right after or before the quote names someone (not by a pronoun),
that answer stands. Otherwise every proposal, and every person named near the
quote, is a candidate (``candidates``), and a linear ranker learned from
annotated news picks one (``ranker``; weights in ``quotetrack/data``).

The package holds one job a module: ``tokens`` (masked tokens, paragraphs and
sentences), ``people`` (who the article names), ``gender`` (first names),
``mentions`` (noun phrases that name a speaker), ``cues`` (speech verbs and
phrases), ``reported`` (reported speech), ``speakers`` (what can be a
speaker), ``candidates``, ``ranker`` and ``choice`` (the stage itself).
Identity across articles lives in ``quotetrack.identity``: its
``canonicalize_speakers`` merges "Varga", "Ambassador Varga" and "Helena
Varga", with jellyfish for spelling variants.
"""

from ..identity import canonicalize_speakers
from .choice import ArticleAttributor, attribute

__all__ = ["ArticleAttributor", "attribute", "canonicalize_speakers"]
