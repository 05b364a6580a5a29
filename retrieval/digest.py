"""The digest: the day's stories, each once, however many outlets reported it.

Articles published in the window are grouped into stories: articles linked as near-duplicates at
ingest share a story, and stories whose articles' vectors are close merge. Stories are ordered by
how widely they were reported, then by how recent they are. Each gets a headline (the newest
article's title) and a one- or two-sentence summary quoted from its lead, cited, each line
checked by the one verifier (:mod:`retrieval.verifier`) against the passage it cites.

An article with no publication date is not the news of the day it was stored (a 2004 story
ingested today is not today's news): it is left out and counted, unless the digest is asked for
``first_seen``, which lists such stories after the dated ones, labelled with the day they were
first seen. A digest cut at ``max_stories`` says how many more stories there were.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from datetime import date, timedelta
from typing import Any

import numpy as np

from retrieval.keyfacts import without_opening_heading
from retrieval.models import Citation, Digest, Story
from retrieval.store import NO_DATE, ArticleStore, chunk_at, day_number
from retrieval.summarize import lead_lines
from retrieval.text import split_sentences
from retrieval.verifier import verify

log = logging.getLogger(__name__)

SAME_STORY_COSINE = 0.80
MAX_STORIES = 10


class DigestBuilder:
    def __init__(self, store: ArticleStore) -> None:
        self.store = store

    def digest(
        self,
        *,
        since: date | None = None,
        as_of: date | None = None,
        max_stories: int = MAX_STORIES,
        first_seen: bool = False,
        exclude: Collection[str] = (),
    ) -> Digest:
        """The stories of the window; articles in ``exclude`` (already posted) are left out;
        undated articles only with ``first_seen``."""
        until = as_of or date.today()
        since = since or (until - timedelta(days=1))
        # Dated articles by the day they were published; undated ones by the day first seen.
        in_window = [
            (aid, meta)
            for aid, meta in self.store.articles_between(day_number(since), day_number(until))
            if aid not in exclude
        ]
        undated = [(aid, m) for aid, m in in_window if _undated(m)]
        articles = [(aid, m) for aid, m in in_window if not _undated(m)]
        if first_seen:
            articles += undated
        empty = Digest(
            since=since.isoformat(),
            until=until.isoformat(),
            stories=[],
            undated_left_out=0 if first_seen else len(undated),
        )
        if not articles:
            return empty
        ids = [aid for aid, _ in articles]
        meta = dict(articles)
        vectors = self.store.article_vectors(ids)
        dated_groups = self._group([a for a in ids if not _undated(meta[a])], meta, vectors)
        undated_groups = self._group([a for a in ids if _undated(meta[a])], meta, vectors)

        def weight(group: list[str]) -> tuple[int, int, int]:
            outlets = {meta[a].get("source") or meta[a].get("url") or a for a in group}
            return (len(outlets), len(group), max(int(meta[a].get("event_day", 0)) for a in group))

        # Dated stories first: a story of unknown date never ranks above one of known date.
        groups = sorted(dated_groups, key=weight, reverse=True)
        groups += sorted(undated_groups, key=weight, reverse=True)
        stories = [self._story(group, meta) for group in groups[:max_stories]]
        return empty.model_copy(
            update={
                "stories": [s for s in stories if s is not None],
                "more_stories": max(0, len(groups) - max_stories),
            }
        )

    def _group(
        self, ids: list[str], meta: dict[str, dict[str, Any]], vectors: dict[str, np.ndarray]
    ) -> list[list[str]]:
        by_story: dict[str, list[str]] = {}
        for aid in ids:
            by_story.setdefault(str(meta[aid].get("story_id", aid)), []).append(aid)
        groups = list(by_story.values())
        centroids = []
        for group in groups:
            vs = [vectors[a] for a in group if a in vectors]
            c = np.mean(vs, axis=0) if vs else np.zeros(1)
            centroids.append(c / max(float(np.linalg.norm(c)), 1e-12))
        merged: list[list[str]] = []
        merged_centroids: list[np.ndarray] = []
        for group, centroid in zip(groups, centroids, strict=True):
            for i, other in enumerate(merged_centroids):
                if other.shape == centroid.shape and float(other @ centroid) >= SAME_STORY_COSINE:
                    merged[i].extend(group)
                    break
            else:
                merged.append(list(group))
                merged_centroids.append(centroid)
        return merged

    def _story(self, group: list[str], meta: dict[str, dict[str, Any]]) -> Story | None:
        group = sorted(group, key=lambda a: -int(meta[a].get("event_day", 0)))
        lead_id = group[0]
        article = self.store.get_article(lead_id)
        # Its first sentence that means something alone, never a sub-heading (retrieval.summarize).
        lead = lead_lines(split_sentences(article.text))
        # Every line goes through the one verifier against the passage it cites, as answers
        # and summaries do: a quoted lead passes by construction, a reworded one must earn it.
        # A sub-heading glued to a sentence's start is not shown (the citation quotes it whole).
        shown = {s.start: without_opening_heading(s.text) for s in lead}
        checked = verified_lines([(shown[s.start], s.text) for s in lead])
        lead = [s for s, ok in zip(lead, checked, strict=True) if ok]
        if not lead:
            return None
        citations = []
        for n, sentence in enumerate(lead[:2], 1):
            citations.append(
                Citation(
                    n=n,
                    article_id=article.article_id,
                    title=article.title,
                    source=article.source,
                    url=article.url,
                    published=article.published,
                    quote=sentence.text,
                    chunk_id=chunk_at(article, sentence.start),
                )
            )
        summary = " ".join(f"{shown[s.start]} [{n}]" for n, s in enumerate(lead[:2], 1))
        # Other outlets' reports of the same story, cited by their titles.
        for other in group[1:4]:
            if meta[other].get("source") and meta[other].get("source") != article.source:
                other_article = self.store.get_article(other)
                first = next(
                    (s for s in split_sentences(other_article.text) if len(s.text) >= 40), None
                )
                if first is None:
                    continue
                citations.append(
                    Citation(
                        n=len(citations) + 1,
                        article_id=other,
                        title=other_article.title,
                        source=other_article.source,
                        url=other_article.url,
                        published=other_article.published,
                        quote=first.text,
                        chunk_id=chunk_at(other_article, first.start),
                    )
                )
        if len(citations) > len(lead):
            outlets = ", ".join(c.source or c.title for c in citations[len(lead) :])
            marks = "".join(f"[{c.n}]" for c in citations[len(lead) :])
            summary += f" Also reported by {outlets} {marks}."
        seen = None
        if article.published is None:
            seen = _first_seen_day(meta[lead_id])
        return Story(headline=article.title, summary=summary, citations=citations, first_seen=seen)


def verified_lines(lines: Sequence[tuple[str, str]]) -> list[bool]:
    """For each (line the digest shows, passage it cites): whether the verifier finds the line
    supported. A line that is not is left out of the digest (and logged)."""
    out = []
    for line, passage in lines:
        check = verify(line, passage)
        if not check.supported:
            log.info("digest line left out (%s): %s", check.reason or check.verdict, line)
        out.append(check.supported)
    return out


def _undated(meta: dict[str, Any]) -> bool:
    return int(meta.get("published_day", NO_DATE)) == NO_DATE


def _first_seen_day(meta: dict[str, Any]) -> date | None:
    value = str(meta.get("first_seen") or "")[:10]
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
