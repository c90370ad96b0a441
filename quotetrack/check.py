"""``quotetrack check``: find misquotes, misattributions and unverifiable quotes.

The rules are in ``rules`` (a registry: ``quotetrack check --list-rules``);
matching a quote with the sources is in ``verify``. ``check_corpus`` is
pure: articles, their quotes and the source statements in, findings out.
``run`` reads the files a configuration names, articles through ``ingest``
as ``scan`` reads them (text, Markdown, saved web pages, JSON Lines,
standard input), and calls it.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Iterable, Mapping, Optional, Sequence

from .cache import Cache, cached_quotes
from .config import Config, UsageError
from .identity import Census, anonymous, canonicalize_speakers, personal_name
from .ingest import DEFAULT_MAX_BYTES, STDIN, InputError, load, read_file
from .kinds import Level
from .models import FULL, NOT_SPEECH, Article, Finding, Quote
from .quotes import LineIndex
from .rules import RULES, CorpusContext, QuoteContext, Scope, Settings, of_scope, rule_id
from .sources import SourceFile, SourceStatement, read_source, statements_of
from .textindex import MAX_POSTING, TrigramIndex
from .textnorm import comparison_tokens
from .verify import MIN_MATCH_TOKENS, Positions, SourceIndex, exact_matches, verify

ERROR, WARNING, NOTE, OFF = Level.ERROR, Level.WARNING, Level.NOTE, Level.OFF


# --------------------------------------------------------------------------- speakers


def _alias(name: Optional[str], aliases: Mapping[str, str]) -> Optional[str]:
    if not name:
        return None
    return aliases.get(name.casefold()) or aliases.get(personal_name(name).casefold())


def canonical_speakers(
    quotes: Sequence[Quote], statements: Sequence[SourceStatement], aliases: Mapping[str, str]
) -> tuple[list[Quote], list[SourceStatement]]:
    """Speakers of article quotes and source statements, merged as ``scan`` merges them.

    Aliases (keys case-folded) apply first, to the speaker or to the words
    that name them; then title and role words are dropped from source labels
    (``MAYOR FERRANT`` → ``Ferrant``, ``HARBOUR MASTER LENA ODUYA`` → ``Lena
    Oduya``: see ``identity.personal_name``) and names are canonicalised
    across everything, so a surname alone, or a spelling variant, becomes
    the full name.
    """
    qs: list[Quote] = []
    for q in quotes:
        target = _alias(q.speaker, aliases) or _alias(q.speaker_mention, aliases)
        qs.append(replace(q, speaker=target) if target else q)
    pseudo: list[Quote] = []
    for s in statements:
        speaker = _alias(s.speaker, aliases)
        if speaker is None and s.speaker and not anonymous(s.speaker):
            speaker = personal_name(s.speaker)
        pseudo.append(
            Quote(id=s.id, article_id="sources", text=s.text, start=s.start, end=s.end, line=s.line,
                  column=s.column, kind=FULL, speaker=speaker)
        )
    merged = canonicalize_speakers([*qs, *pseudo])
    out_q = merged[: len(qs)]
    out_s = [replace(s, speaker=p.speaker) for s, p in zip(statements, merged[len(qs) :])]
    return out_q, out_s


# --------------------------------------------------------------------------- the checks


def check_article(
    article: Article,
    quotes: Sequence[Quote],
    index: Optional[SourceIndex],
    pos: Positions,
    census: Optional[Census] = None,
) -> tuple[list[Finding], set[str]]:
    """Findings of the quote rules (QT001–QT005, QT007) for one article's quotes (``index``
    None: no sources to verify against), and the ids of the quotes whose words a source has
    word for word. ``census``: every speaker of the run, for ``identity``."""
    lines = LineIndex(article.text)
    quote_rules = of_scope(Scope.QUOTE)
    out: list[Finding] = []
    verified: set[str] = set()
    for q in quotes:
        if not q.direct:
            continue
        verdict = _verdict(q, index, census)
        if verdict is not None and verdict.exact:
            verified.add(q.id)
        context = QuoteContext(article, lines, q, verdict, pos, census)
        for r in quote_rules:
            out.extend(r.check(context))
    return out, verified


def _verdict(q: Quote, index: Optional[SourceIndex], census: Optional[Census]):
    """What the sources say about a closed quote of speech, or None (not compared)."""
    if index is None or not q.closed or q.kind in NOT_SPEECH:
        return None
    tokens = comparison_tokens(q.words)
    if len(tokens) < MIN_MATCH_TOKENS:
        return None
    return verify(tokens, q.words, index, q.speaker, census)


def unreadable(path: str, reason: str) -> Finding:
    """A QT000 finding."""
    return next(iter(RULES["QT000"].check(path, reason)))


def check_corpus(
    targets: Sequence[Article],
    context: Sequence[Article],
    quotes: Mapping[str, Sequence[Quote]],
    sources: Sequence[SourceFile],
    aliases: Optional[Mapping[str, str]] = None,
) -> list[Finding]:
    """Every finding for the ``targets`` articles.

    ``context``: other articles of the repository, compared for QT006 but
    not reported on. ``quotes``: each article's quotes (as ``api.quotes_of``
    gives them) by article id. With no source statements, quotes are not
    verified (no QT001, QT002, QT003).
    """
    # In path order whatever was named, so that a run over some files picks the same
    # reference wordings (QT006) as a run over all of them.
    articles = sorted([*targets, *context], key=lambda a: a.path)
    flat = [q for a in articles for q in quotes.get(a.id, ())]
    statements = statements_of(sources)
    flat, statements = canonical_speakers(flat, statements, {k.casefold(): v for k, v in (aliases or {}).items()})
    census = Census([*(q.speaker for q in flat), *(s.speaker for s in statements)])
    by_article: dict[str, list[Quote]] = defaultdict(list)
    for q in flat:
        by_article[q.article_id].append(q)
    index = SourceIndex(statements) if statements else None
    pos = Positions(sources)
    out: list[Finding] = []
    verified: set[str] = set()
    for a in targets:
        found, ok = check_article(a, by_article.get(a.id, []), index, pos, census)
        out.extend(found)
        verified |= ok
    report = {a.id for a in targets}
    pool = wording_pool(flat, report, verified)
    if index is not None:
        # Quotes of the other articles that QT006 compares with: which ones the sources verify.
        for q in pool:
            if q.article_id not in report:
                tokens = comparison_tokens(q.words)
                if len(tokens) >= MIN_MATCH_TOKENS and exact_matches(tokens, q.words, index, q.speaker, census)[0]:
                    verified.add(q.id)
    corpus = CorpusContext(articles, pool, frozenset(report), frozenset(verified))
    for r in of_scope(Scope.CORPUS):
        out.extend(r.check(corpus))
    return out


def needs_comparison(targets: Sequence[Article], quotes: Mapping[str, Sequence[Quote]], sources: Sequence[SourceFile]) -> bool:
    """Whether QT006 needs the other articles: some quote of ``targets`` that the sources do not
    have word for word (whoever the speaker: see ``wording_pool``)."""
    statements = statements_of(sources)
    if not statements:
        return any(_comparable(q) for a in targets for q in quotes.get(a.id, ()))
    index = SourceIndex(statements)
    for a in targets:
        for q in quotes.get(a.id, ()):
            if not _comparable(q):
                continue
            tokens = comparison_tokens(q.words)
            if len(tokens) < MIN_MATCH_TOKENS or not exact_matches(tokens, q.words, index)[0]:
                return True
    return False


def _comparable(q: Quote) -> bool:
    return q.direct and q.closed and q.kind not in NOT_SPEECH


def wording_pool(quotes: Sequence[Quote], report: set[str], verified: set[str]) -> list[Quote]:
    """The quotes QT006 needs: the unverified quotes of the reported articles, and every quote
    that shares a word trigram (or its whole wording, when shorter) with one of them. Quotes
    the sources verify cannot be inconsistent, so a repository whose quotes check out, or a
    pre-commit run over a few files, groups only a handful of quotes."""
    eligible = [q for q in quotes if _comparable(q)]
    tokens = {q.id: comparison_tokens(q.words) for q in eligible}
    seeds = [q for q in eligible if q.article_id in report and q.id not in verified]
    if not seeds:
        return []
    index: TrigramIndex[str] = TrigramIndex()
    for q in eligible:
        index.add(q.id, tokens[q.id])
    keep: set[str] = set()
    for q in seeds:
        keep.add(q.id)
        keep.update(index.sharing(tokens[q.id], MAX_POSTING))
    return [q for q in eligible if q.id in keep]


# --------------------------------------------------------------------------- settings and suppression

_SUPPRESS = re.compile(r"<!--\s*quotetrack:\s*ignore\b(?P<rules>[^>]*?)-->", re.I)
ALL = "*"


def suppressions(text: str) -> dict[int, set[str]]:
    """Line → rule ids silenced there by ``<!-- quotetrack: ignore RULE[, RULE] -->``
    (``ALL`` when no rule is named). A comment covers its own line and the next."""
    out: dict[int, set[str]] = defaultdict(set)
    if "quotetrack" not in text:
        return out
    lines = LineIndex(text)
    for m in _SUPPRESS.finditer(text):
        keys = [k for k in re.split(r"[\s,]+", m.group("rules").strip()) if k]
        ids = {rule_id(k) or k.upper() for k in keys} or {ALL}
        first, _ = lines.position(m.start())
        last, _ = lines.position(m.end())
        for line in range(first, last + 2):
            out[line] |= ids
    return out


def apply_settings(
    findings: Iterable[Finding], settings: Settings, texts: Mapping[str, str]
) -> tuple[list[Finding], list[Finding]]:
    """(reported, suppressed): findings of enabled rules at their configured severity,
    those silenced by inline comments apart, each sorted by file and position.
    An inconsistent-wording finding on a quote that already has a misquote finding is dropped."""
    kept: list[Finding] = []
    silenced: list[Finding] = []
    cache: dict[str, dict[int, set[str]]] = {}
    for f in findings:
        if not settings.runs(f.rule):
            continue
        f = replace(f, severity=settings.level(f.rule))
        sup = cache.get(f.path)
        if sup is None:
            sup = cache[f.path] = suppressions(texts.get(f.path, ""))
        ids = sup.get(f.line, set())
        if ALL in ids or f.rule in ids:
            silenced.append(replace(f, suppressed=True))
        else:
            kept.append(f)
    misquoted = {(f.path, f.line, f.column) for f in kept if f.rule == "QT001"}
    kept = [f for f in kept if not (f.rule == "QT006" and (f.path, f.line, f.column) in misquoted)]
    key = lambda f: (f.path, f.line, f.column, f.rule)  # noqa: E731
    return sorted(kept, key=key), sorted(silenced, key=key)


# --------------------------------------------------------------------------- running over files


@dataclass(frozen=True)
class CheckResult:
    findings: tuple[Finding, ...]  # reported, sorted by file and position
    suppressed: tuple[Finding, ...]  # silenced by inline comments
    articles: tuple[str, ...]  # the articles checked, as shown
    sources: tuple[str, ...]  # the source files read
    source_statements: int
    notes: tuple[str, ...] = ()  # things a person should know (a glob that matched nothing)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


def exit_code(result: CheckResult, strict: bool = False) -> int:
    """1 when an error-level finding was reported (with ``strict``, a warning too), else 0."""
    failing = {ERROR, WARNING} if strict else {ERROR}
    return 1 if any(f.severity in failing for f in result.findings) else 0


@dataclass(frozen=True)
class _Plan:
    """The files of one run: articles to report on, other articles to compare with, sources."""

    targets: list[str]
    context: list[str]
    sources: list[str]


def _plan(config: Config, paths: Sequence[str], extra_sources: Sequence[str], notes: list[str]) -> _Plan:
    source_paths = config.source_files(notes) + config.files_from_args(extra_sources, articles=False)
    source_keys = {os.path.realpath(p) for p in source_paths}
    if paths:
        targets = [p for p in config.files_from_args(paths) if p == STDIN or os.path.realpath(p) not in source_keys]
        context = config.article_files(notes) if config.articles else []
    else:
        targets = [p for p in config.article_files(notes) if os.path.realpath(p) not in source_keys]
        context = []
    taken = source_keys | {os.path.realpath(p) for p in targets if p != STDIN}
    return _Plan(targets, [p for p in context if os.path.realpath(p) not in taken], source_paths)


class _Reading:
    """The files of a run as read: findings for those that could not be, and each file's text
    (for suppression comments)."""

    def __init__(self, cache: Optional[Cache] = None) -> None:
        self.cache = cache
        self.findings: list[Finding] = []
        self.texts: dict[str, str] = {}
        self.quotes: dict[str, list[Quote]] = {}

    def unreadable(self, path: str, reason: str) -> None:
        self.findings.append(unreadable(path, reason))
        self.texts[path] = ""

    def sources(self, paths: Sequence[str]) -> list[SourceFile]:
        out: list[SourceFile] = []
        seen: set[str] = set()
        for p in paths:
            key = os.path.realpath(p)
            if key in seen:
                continue
            seen.add(key)
            text, reason = read_file(p, DEFAULT_MAX_BYTES)
            if text is None and reason == "empty file":
                text = ""
            if text is None:
                self.unreadable(p, reason or "cannot read")
                continue
            self.texts[p] = text
            try:
                out.append(read_source(p, text, len(out) + 1))
            except Exception as err:  # one bad source must not hide the other files' findings
                self.findings.append(unreadable(p, f"could not be read as a source ({type(err).__name__}: {err})"))
        return out

    def articles(self, paths: Sequence[str], report: bool) -> list[Article]:
        """The articles of ``paths``, read as ``scan`` reads them, with their quotes; with ``report``,
        a QT000 finding for each file or record that could not be read or analysed."""
        try:
            loaded, skipped = load(paths, DEFAULT_MAX_BYTES)
        except InputError as err:  # a file that vanished since it was listed
            raise UsageError(str(err)) from None
        out: list[Article] = []
        for s in skipped:
            if report and s.reason != "empty file":  # an empty article has nothing to check
                self.unreadable(s.path, s.reason)
        for article in loaded:
            article = replace(article, id=f"a{len(self.quotes) + 1}")
            try:
                self.quotes[article.id] = cached_quotes(self.cache, article) if article.text.strip() else []
            except Exception as err:  # likewise for one bad article
                if report:
                    self.unreadable(article.path, f"could not be analysed ({type(err).__name__}: {err})")
                continue
            self.texts[article.path] = article.text
            out.append(article)
        return out


def run(
    config: Config, paths: Sequence[str] = (), extra_sources: Sequence[str] = (), cache: Optional[Cache] = None
) -> CheckResult:
    """Check the articles ``paths`` name (or, with none, the configured articles)
    against the configured sources and ``extra_sources``. ``cache``: an open
    ``cache.Cache`` that keeps each article's quotes between runs.

    Raises config.UsageError for a path that does not exist or nothing to check.
    A file that cannot be read becomes a QT000 finding; the others are still checked.
    """
    notes: list[str] = []
    plan = _plan(config, paths, extra_sources, notes)
    if paths and not plan.targets:  # e.g. pre-commit passed only sources or other text files
        return CheckResult((), (), (), (), 0, tuple(notes))
    reading = _Reading(cache)
    sources = reading.sources(plan.sources)
    targets = reading.articles(plan.targets, report=True)
    context: list[Article] = []
    if plan.context and needs_comparison(targets, reading.quotes, sources):
        context = reading.articles(plan.context, report=False)
    # else every quote of the named articles checks out against the sources: QT006 has nothing to do
    if not sources:
        notes.append("no sources given: quotes were not verified (QT001, QT002 and QT003 need sources)")
    raw = reading.findings + check_corpus(targets, context, reading.quotes, sources, config.aliases_map())
    findings, suppressed = apply_settings(raw, config.settings(), reading.texts)
    return CheckResult(
        tuple(findings),
        tuple(suppressed),
        tuple(plan.targets),
        tuple(f.path for f in sources),
        sum(len(f.statements) for f in sources),
        tuple(notes),
    )
