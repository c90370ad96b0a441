"""Attributing quotes to speakers.

For each quote, the sentence around it is read with the quoted words masked
out, so that verbs inside quotes never count. A speech cue is looked for in
this order: right after the closing mark (``,” Varga said`` or ``,” said
Varga``), right before the opening mark (``Varga stressed, adding:``,
``according to Okafor,``), then anywhere else in the sentence. The speaker
mention (a name, a title and name, a role such as "the ambassador", a
pronoun, or an organisation) is then resolved against the people the article
names, with their titles and appositions ("Helena Varga, the US ambassador to
Japan,"). A quote with no cue of its own continues the previous speaker.

Finally ``canonicalize_speakers`` merges names across articles ("Varga",
"Ambassador Varga", "Helena Varga"), with jellyfish for spelling variants.

The package holds one job a module: ``tokens`` (masked tokens, paragraphs and
sentences), ``people`` (who the article names), ``mentions`` (noun phrases that
name a speaker), ``cues`` (speech verbs and phrases), ``reported`` (reported
speech), ``choice`` (the stage itself). Identity across articles lives in
``quotetrack.identity``.
"""

from ..identity import canonicalize_speakers
from .choice import ArticleAttributor, attribute

__all__ = ["ArticleAttributor", "attribute", "canonicalize_speakers"]
