"""The answer engine: retrieve, select evidence, write, then attribute and verify.

The chat model only proposes wording. The system decides whether the stored articles answer the
question, numbers the evidence, checks every sentence the model wrote against the passage it
cites, replaces what does not hold with the evidence itself, and renumbers the citations. With
no model (``extractive``), or when the model fails, the answer is the best evidence, cited.

A question is first planned (``retrieval.questions``): a factoid is answered from its best
evidence; a briefing ("what happened in X") from the key facts of the story's newest articles; a
comparison or multi-part question part by part, each part from its own evidence, saying which
part the stored articles do not answer. The engine returns the answer as data (``points``); the
words around it ("As of ...", "However, X reports ...") come from ``retrieval.wording``.
"""

from __future__ import annotations

import itertools
import logging
import re
import time
from collections.abc import Callable, Iterable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

import numpy as np
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

from prompts import load_prompt
from retrieval import lexicon as lx
from retrieval.changes import states_told
from retrieval.entities import (
    NAMED_TYPES,
    asked_class,
    asked_phrase,
    asked_types,
    class_entities,
    class_noun,
    holds_noun,
    names_a_person,
    names_beside_phrase,
    names_one_asked,
    new_entities,
    verb_nouns,
)
from retrieval.figures import (
    Figure,
    Relation,
    comparative_asked,
    compare,
    differs,
    figures_in,
    relation_asked,
    side_distance,
    side_spots,
)
from retrieval.grounding import (
    Evidence,
    candidate_sentences,
    check_claim,
    coverage,
    has_date,
    named_terms,
    predicate_found,
    predicate_term,
    quantities_in,
    question_terms,
    says_not_found,
    score_evidence,
    split_claims,
    terms_match,
)
from retrieval.keyfacts import fact_weights, sentence_facts
from retrieval.lexical import LexicalRanker, idf_weights
from retrieval.lists import asked_count, list_head, listed, says_count
from retrieval.llm import LocalGGUFChat
from retrieval.models import (
    Answer,
    AnswerPoint,
    ChunkSpan,
    Citation,
    ComparedFigure,
    Comparison,
    ConversationTurn,
    Hit,
    QuestionPlan,
    StoredArticle,
    Timings,
)
from retrieval.questions import (
    asks_direction,
    asks_the_same_of_each,
    compared_thing,
    comparison_alternatives,
    names_in,
    plan_question,
    refers_back,
    resolve_pronoun,
    strip_time_words,
    time_window,
    without_comparatives,
)
from retrieval.reading import read_question, reading_score, sentence_features
from retrieval.search import HybridRetriever
from retrieval.shortening import (
    Shortening,
    carries_every_fact,
    kept_words,
    prunes_whole_phrases,
)
from retrieval.slots import (
    GIVEN_FIGURES_FILL,
    Slot,
    answer_name,
    asked_predicate,
    asked_slot,
    holds_kind,
    holds_plainly,
    holds_predicate,
    holds_slot,
    leaves_uncounted,
    names_the_doer,
    plainest,
    rules_out_names,
    slot_strength,
    things_held,
)
from retrieval.store import chunk_at
from retrieval.summarize import can_open_bullet
from retrieval.text import STOPWORDS, Sentence, content_terms, split_sentences, stem, words
from retrieval.verifier import parse, preparse
from retrieval.wording import answer_text, defuse_markers, not_found_text

log = logging.getLogger(__name__)


@dataclass
class Said:
    """One sentence an answer will say, and the evidence it rests on."""

    text: str
    ev: Evidence
    wording: Literal["model", "quote"] = "quote"
    part: int | None = None


@dataclass
class Draft:
    """What a way of answering produced, before it is worded."""

    said: list[Said]
    model: str
    notes: list[str] = field(default_factory=list)
    unanswered: list[str] = field(default_factory=list)
    closest: list[Evidence] = field(default_factory=list)
    # A comparison worked out from the figures: the side asked for first, each side's
    # alternative, the evidence holding its figure and the figure as written.
    compared: tuple[Relation, list[tuple[str, Evidence, str]]] | None = None


@dataclass(frozen=True)
class Answerability:
    score: float  # the best evidence sentence's score
    coverage: float  # share (IDF-weighted) of the question's terms it holds
    semantic: float  # its cosine similarity to the question
    names: float  # share of the question's names its article mentions
    predicate: bool  # its article has the word the question turns on ('decide', 'retake')
    n_terms: int  # content terms in the question
    figures: bool = True  # its article holds every figure the question names ('2005', '20')
    typed: bool = True  # it holds what the question asks for: a quantity, a date
    # It speaks of the time the question asks about: not of another year only ("posted a
    # profit ... up 27% from its 2003 performance" for "the full year 2005"), and not only
    # of a forecast when the question asks what happened ("has forecast that growth will
    # slow to 1.6%" for "how much did the economy actually grow").
    timely: bool = True
    # It names only who or what the answer is not: "the Half-Blood Prince is neither Harry
    # nor Voldemort" for "who is the Half-Blood Prince" (however close it is to the question).
    denies: bool = False
    # It holds what is asked as plainly as the question asks it: a figure beside the thing
    # counted ("400,000 tonnes" for "how many tonnes", not "$1.2bn-worth of the beans"), a
    # name beside the noun asked for; any figure, date or name when the question names none.
    plain: bool = False
    # The question asks for a figure or a date, which a sentence holds or not by its form, and
    # the sentence holds none: it does not answer however close it is to the question
    # ("Aguilera is to marry Bratman" for "on what date did she marry him").
    formless: bool = False


@dataclass
class Thresholds:
    """Calibrated on bench/data/qa_dev.jsonl (see bench/RESULTS.md)."""

    # Best evidence score needed to answer, unless the sentence holds what is asked as plainly
    # as the question asks it (``Answerability.plain``): then the semantic and coverage floors
    # and the checks of what is asked (names, figures, time, kind, verb) decide. Alone, this
    # floor (fitted on qa_dev) refused mostly answerable questions on unseen sets (ablation,
    # bench/RESULTS.md, fourteenth session).
    answerable_score: float = 0.55
    answerable_coverage: float = 0.4  # share of the question's terms the best evidence holds
    names_coverage: float = 0.75  # share of the question's names its article must mention
    min_semantic: float = 0.4  # least similarity of the best evidence to the question
    single_term_semantic: float = 0.6  # the same, for a question of one content word
    score_without_predicate: float = 0.7  # the score needed when the predicate is missing
    candidates: int = 3  # top evidence sentences that may show answerability
    extra_sentence_ratio: float = 0.8  # further evidence sentences kept in an extractive answer
    max_sentences: int = 3
    model_trust_score: float = 0.62  # above this, a model's "not found" is overruled
    model_evidence: int = 3  # evidence sentences shown to the model: a short prompt is fast
    model_max_tokens: int = 96  # room for three short sentences, no more
    # What the model is asked to do. "compress": the engine chooses the answer's sentences as
    # without a model, and the model shortens the leading one to answer the question (a job a
    # 135M model can do; measured in bench/RESULTS.md, fifth session). "answer": the model
    # writes the answer from the numbered evidence. None: "compress" for a local GGUF model,
    # "answer" for any other.
    model_job: Literal["answer", "compress"] | None = None
    compress_max_tokens: int = 64  # one sentence
    # Hold a local model's shortening to the sentence's words, in order (retrieval.shortening).
    # Measured and off: SmolLM2-135M then mostly copies the sentence, kept its words no more
    # often, and was slower (bench/RESULTS.md, sixth session).
    compress_words_only: bool = False
    # Say a shortening only when it is its sentence's own words, in their order, whole phrases
    # left out (retrieval.shortening). A reworded sentence has only the verifier to check it,
    # and on the report half the verifier passed SmolLM2-135M rewordings that were false or said
    # what their sentence does not (a clause put under another's speaker, "chief executive"
    # for "president"; bench/RESULTS.md, seventh session). None: on for a local GGUF model,
    # off for any other (a larger model's rewording is left to the verifier).
    compress_own_words: bool | None = None
    require_figures: bool = True  # every figure the question names must be in the article
    require_type: bool = True  # the answering sentence holds the kind of thing asked for
    score_without_type: float = 0.75  # ... unless it matches the question this well
    typed_candidates: int = 5  # top sentences searched for one that holds what is asked
    plain_candidates: int = 8  # ... for one that holds it in the question's own terms
    list_sentences: int = 5  # a list or a change over time may need more sentences
    briefing_articles: int = 4  # articles a briefing reads: the story's, newest first
    briefing_points: int = 5  # key points at most
    briefing_relevance: float = 0.3  # least similarity of a key point to the question
    class_semantic: float = 0.3  # least similarity of a sentence that names a thing of the class
    # asked ("singer Bobby Darin" for "which crooner") to lead a factoid (``_with_class_holder``);
    # why 0.3: not swept (bench/RESULTS.md, tenth session, gives none); below min_semantic's 0.4
    # because the lead, which passed that, stays as context, as briefing_relevance's on-topic floor
    # How well the best sentence of the top article must read as the answer (the log-odds of
    # ``retrieval.reading``) to answer a factoid no other step answers (``_with_reading``): 22
    # of 86 development near misses' best sentences read as well, 154 of 184 gold ones (before
    # the other checks; bench/RESULTS.md, sixteenth session).
    reading_answers: float = 6.0


class AnswerEngine:
    def __init__(
        self,
        retriever: HybridRetriever,
        embedder: Any,
        lexical: LexicalRanker,
        chat_model: BaseChatModel | None,
        model_name: str,
        thresholds: Thresholds | None = None,
    ) -> None:
        self.retriever = retriever
        self.embedder = embedder
        self.lexical = lexical
        self.chat_model = chat_model
        self.model_name = model_name
        self.t = thresholds or Thresholds()
        self._texts: dict[str, str] = {}  # article text by "<id>#<content hash>" (a version)
        self._stored: dict[str, StoredArticle] = {}  # the articles read, by version

    # ------------------------------------------------------------------ public

    def ask(
        self,
        question: str,
        *,
        history: Sequence[ConversationTurn] = (),
        since: date | None = None,
        as_of: date | None = None,
        k: int | None = None,
        on_partial: Callable[[str], None] | None = None,
        max_chars: int | None = None,
        question_id: str | None = None,
    ) -> Answer:
        started = time.perf_counter()
        question = " ".join(question.split())
        standalone, retrieval_query = self.standalone_question(question, history)
        plan = plan_question(standalone)
        window = time_window(standalone, as_of)
        if window is not None and (since is None or window > since):
            since = window  # "this week", "recently": relative to the day asked (or --as-of)
        if plan.kind == "briefing":
            draft = self._briefing(standalone, plan, since=since, as_of=as_of, k=k)
        elif plan.sub_questions:
            # A side of a comparison holds "what is asked" plainly with any figure ("$300bn in
            # its oil fund" for the bank's interest rate): there the score floor still decides.
            token = _PLAIN_SUFFICES.set(plan.kind != "comparison")
            # A side of a comparison may be named by its figure ("the 71,000 jobs ... or the
            # reduction the Tories planned"): there the figure the question gives is the side's.
            given = GIVEN_FIGURES_FILL.set(plan.kind == "comparison")
            try:
                draft = self._parts(standalone, plan, since=since, as_of=as_of, k=k)
            finally:
                GIVEN_FIGURES_FILL.reset(given)
                _PLAIN_SUFFICES.reset(token)
        else:
            draft = self._single(
                standalone,
                retrieval_query,
                plan,
                since=since,
                as_of=as_of,
                k=k,
                on_partial=on_partial,
                follow_up=standalone != retrieval_query,
            )
        retrieved = time.perf_counter()
        answer = self._finish(question, plan, draft, max_chars)
        done = time.perf_counter()
        answer.id = question_id
        answer.standalone_question = standalone if standalone != question else None
        answer.timings_ms = Timings(
            retrieve=round((retrieved - started) * 1000),
            generate=round((done - retrieved) * 1000),
            total=round((done - started) * 1000),
        )
        return answer

    # ------------------------------------------------------------ ways to answer

    def _single(
        self,
        question: str,
        retrieval_query: str,
        plan: QuestionPlan,
        *,
        since: date | None,
        as_of: date | None,
        k: int | None,
        on_partial: Callable[[str], None] | None,
        follow_up: bool,
    ) -> Draft:
        """A factoid, list or change question: the best evidence, perhaps worded by the model."""
        hits = self.retriever.search(
            strip_time_words(retrieval_query), k=k or 6, since=since, as_of=as_of
        )
        evidence = self.select_evidence(question, hits)
        answering = self.answering_evidence(question, evidence, follow_up=follow_up)
        if plan.kind == "list":
            answering = self._with_list(question, evidence, answering)
        elif plan.kind == "change":
            answering = self._with_change(question, evidence, answering)
        elif plan.kind == "factoid":
            answering = self._with_phrase_holder(question, evidence, answering)
            if answering is not None:
                answering = self._with_typed_holder(question, answering)
                answering = self._with_class_holder(question, answering)
            answering = self._with_reading(question, evidence, answering, follow_up=follow_up)
        if answering is None:
            return Draft([], self._model_label(), closest=evidence)
        evidence = answering
        many = plan.kind in ("list", "change")
        chosen, model_used, notes = self._compose(question, evidence, as_of, on_partial, many=many)
        said = [
            Said(item[0], item[1], "quote" if item[0] == item[1].text else "model")
            if isinstance(item, tuple)
            else Said(item.text, item)
            for item in chosen
        ]
        if plan.kind == "change":  # a change over time reads oldest to newest
            said.sort(key=lambda x: (x.ev.published or date.min).toordinal())
        return Draft(said, model_used, notes, closest=evidence)

    def _parts(
        self,
        question: str,
        plan: QuestionPlan,
        *,
        since: date | None,
        as_of: date | None,
        k: int | None,
    ) -> Draft:
        """A comparison or multi-part question: each part answered from its own evidence."""
        said: list[Said] = []
        unanswered: list[str] = []
        closest: list[Evidence] = []
        used: set[tuple[str, int]] = set()
        # "Who is older, A or B" compares ages; "new films ... compare with older films" does
        # not: there the word is part of a side, not what the question asks of the sides.
        ages = plan.kind == "comparison" and bool(_AGES.search(_ages_outside_sides(question)))
        anchors: list[str] = []  # articles earlier parts were answered from
        answers: dict[int, Evidence] = {}  # the sentence answering each part
        numeric = plan.kind == "comparison" and bool(
            re.search(r"\b(how much|how many|by how)\b", question, re.IGNORECASE)
            or re.search(
                r"\b(more|less|fewer|larger|bigger|higher|lower|greater|smaller|percentage)\b",
                question,
                re.IGNORECASE,
            )
        )
        # "Is A higher or lower than B": the second side is most often about what the first
        # names ("the peak it reached around 1970").
        direction = plan.kind == "comparison" and asks_direction(question)
        thing = compared_thing(question) if numeric else None
        # A later part that names nothing ("... and how much was the deal worth?") is about
        # what the first part names: its evidence must be too. (Not one with a pronoun: "...
        # and where is he based?" after "who did X hand his stake to" is about the answer.)
        if direction:
            first_names = names_in(question)
        else:
            first_names = names_in(plan.sub_questions[0]) if plan.kind == "multi_part" else []
        alternatives = comparison_alternatives(question)
        # Any comparison but of ages or order is settled by each side's figure: "how does the
        # compensation compare with what she claimed" by the two sums.
        figures_wanted = (
            plan.kind == "comparison"
            and not ages
            and (numeric or not _ASKS_ORDER.search(question))
            # ("How did A fare compared with B": each side's own answer, not a figure.)
            and (numeric or not asks_the_same_of_each(question))
        )
        sides = _side_terms(alternatives) if figures_wanted else []
        if len(sides) != len(plan.sub_questions):
            sides = []
        if thing is not None and any(thing in {stem(w) for w in side} for side in sides):
            thing = None  # "more laptops or more PDAs": the sides are the things counted
        given = _given_figures(question)
        # Each part answered as its own form asks: the parts of a multi-part question, and the
        # sides of a comparison that asks its own question of each ("what did OutKast win
        # compared with Usher", "which of the seeds needed three sets, A or B"), not a figure
        # nor an age.
        shaped = plan.kind == "multi_part" or (
            plan.kind == "comparison" and not figures_wanted and not ages
        )

        def others_of(index: int) -> list[str]:
            return [p for i, p in enumerate(plan.sub_questions) if i != index]

        asked_of: dict[int, str] = {}
        found_of: dict[int, list[Evidence]] = {}  # each part's evidence
        first = plan.sub_questions[0]
        for index, part in enumerate(plan.sub_questions):
            asked = without_comparatives(part) if plan.kind == "comparison" else part
            if ages:
                asked = f"How old {asked}"  # "Who is older, A or B": each one's age
            elif numeric:
                asked = f"How much {asked}"  # names keep their capitals
            query = part
            # A later part that points back ("... and what did he say?", "which energy sources
            # does it expect Scotland to rely on?") is about the first part's story too: it
            # carries the names the first part gives and it does not. (Not after a first part
            # that asks for a name: "who did X hand his stake to, and where is he based?" is
            # about the answer, put in its place below.)
            carried = [n for n in first_names if n.lower() not in part.lower()]
            if (
                index
                and carried
                and plan.kind == "multi_part"
                and refers_back(part)
                and not _asks_name(first)
            ):
                about = ", ".join(carried)
                asked, query = f"{asked} ({about})", f"{part} ({about})"
            elif (
                index
                and first_names
                and not names_in(part)
                and (direction or not refers_back(part))
            ):
                about = ", ".join(first_names)
                asked, query = f"{asked} ({about})", f"{part} ({about})"
            asked_of[index] = asked
            answerings, evidence = self._part_ways(
                asked, query, anchors, since=since, as_of=as_of, k=k, shaped=shaped
            )
            if not answerings and index and 0 in answers and refers_back(part):
                # "Who did X appoint ... and whom does he take over from?": "he" may be the
                # name the first part's answer gave, when the part does not answer as asked.
                name = answer_name(answers[0].text, first) if _asks_name(first) else None
                if name:
                    resolved = resolve_pronoun(part, name)
                    answerings, evidence = self._part_ways(
                        resolved, resolved, anchors, since=since, as_of=as_of, k=k, shaped=shaped
                    )
                    if answerings:
                        asked = asked_of[index] = resolved
            found = [ev for way in answerings for ev in way] + evidence
            found_of[index] = found
            if not answerings and sides:
                # A side no sentence answers as asked may still have its figure in its own
                # article ("the money the IAEA has received so far": "$11m").
                named = [w.lower() for w in re.findall(r"\b[A-Z]\w*", alternatives[index])]
                units = {f.unit for ev in answers.values() for f in figures_in(ev.text)}
                scanned = self._side_figure_in_articles(
                    part, named, found, used, given, units, thing
                )
                if scanned is not None:
                    answerings = [[scanned]]
            if not answerings and shaped and anchors:
                # A part its own gates refused may still be told in the story an earlier part
                # was answered from ("... and which week of his hunger strike is he entering?").
                told = self._in_story(
                    asked, anchors, used, others_of(index), since=since, as_of=as_of
                )
                if told is not None:
                    answerings = [[told]]
            if not answerings:
                unanswered.append(part)
                closest.extend(evidence[:2])
                continue
            best = next((ev for way in answerings if (ev := self._unsaid(way, used))), None)
            if shaped and best is not None and not _says_part_words(asked, best, others_of(index)):
                # The sentence that leads for the whole story ("The Nintendo DS ... went on sale
                # in Japan on 2 December" for "when will the DS media adapter be available") is
                # not this part's when it says nothing the part asks and the others do not;
                # the part's own sentence does ("the media adapter will be available from
                # February").
                best = self._bearing(asked, answerings, used, others_of(index), best) or best
            if shaped and best is not None and _asks_name(asked):
                # A part that asks "who" or "which <one>" is answered by a sentence that names
                # one where a sentence names who it is about (its subject, an apposition), not
                # by a lead that restates the part with a title ("The Trade and Industry
                # Secretary has said she wants ..."): the name is further down its article.
                best = self._naming(asked, answerings, used, best) or best
            if sides:
                # A side of "which fell more, A or B" is answered by a sentence that gives a
                # figure where it names that side, not the other side's sentence nor one that
                # names it without a figure ("Joss Stone ... was a new entry").
                # In the unit an earlier side's figure has, if one does (£67m beside £5m,
                # not "the 17-year-old").
                units = {
                    f.unit
                    for ev in answers.values()
                    for f in figures_in(ev.text)
                    if f.value not in given
                }
                named = [w.lower() for w in re.findall(r"\b[A-Z]\w*", alternatives[index])]
                # (The other sides by their names: "BP's annual profit" beside "Shell's" leaves
                # "annual profit" on one side, but "Shell reported an annual profit" is Shell's.)
                others_sides = [
                    [w for w in _capitalised(alternatives[i]) if w not in named]
                    for i in range(len(sides))
                    if i != index
                ]

                # The part's own answer stands when it gives a sum, a share or a figure in an
                # earlier side's unit ("reduce wage costs by $500m"), though it names the side
                # otherwise; else its figure may be in another sentence of the side's article.
                keep_best = best is not None and any(
                    f.value not in given and (f.unit in units or f.unit in _SUMS)
                    for f in figures_in(best.text)
                )
                best = (
                    # (Beside the thing compared first: "5,000 jobs", not "$10.3bn takeover".)
                    (
                        thing
                        and (
                            _side_figure(
                                answerings,
                                sides[index],
                                used,
                                given,
                                thing=thing,
                                others=others_sides,
                            )
                            or self._side_figure_in_articles(
                                part, named, found, used, given, units, thing
                            )
                        )
                    )
                    or _side_figure(
                        answerings, sides[index], used, given, units, others=others_sides
                    )
                    or _side_figure(answerings, sides[index], used, given, others=others_sides)
                    or (
                        None
                        if keep_best
                        else self._side_figure_in_articles(
                            part, named, found, used, given, units, None
                        )
                    )
                    or best
                )
            if best is None:
                said_for = answerings[0][0]
                if self._answers_one_of_two(asked, said_for, answers, asked_of):
                    # Two parts asking the same kind of thing ("when will ... and when did
                    # ..."), one sentence holding one such thing: it answers one part, not
                    # both. Another of the part's sentences may answer the other.
                    best = self._first_unsaid(asked, answerings, used)
                    if best is None:
                        # It goes to the part it says more about; the other is unanswered.
                        earlier = self._closer_part(said_for, answers, asked_of, asked)
                        if earlier is not None:
                            unanswered.append(plan.sub_questions[earlier])
                            del answers[earlier]
                            for item in said:
                                if item.part == earlier:
                                    item.part = index
                            answers[index] = said_for
                        else:
                            unanswered.append(part)
                        continue
                elif shaped and not self._bears_on(asked, said_for, others_of(index)):
                    # A sentence said for another part answers this one too only by saying
                    # something this part asks and the others do not ("what fee did the
                    # website charge her" is not answered by "X is selling her piano on a
                    # website"); else another of the part's sentences may, or none does.
                    best = self._first_unsaid(asked, answerings, used)
                    if best is None:
                        unanswered.append(part)
                        continue
                else:
                    answers[index] = said_for
                    continue  # a sentence already said answers this part too
            answers[index] = best
            used.add((best.article_id, best.start))
            said.append(Said(best.text, best, part=index))
            if best.article_id not in anchors:
                anchors.append(best.article_id)
        # An earlier part its own evidence did not answer may be answered in the article a
        # later part was answered from: the parts of one question are most often one story
        # ("who won the 60m hurdles ... and where did Allan Scott finish?").
        for index, part in enumerate(plan.sub_questions):
            if part not in unanswered or not anchors:
                continue
            asked = asked_of[index]
            own = self.select_evidence(asked, self._passages(anchors, since=since, as_of=as_of))
            way = self.answering_evidence(asked, own, follow_up=True)
            best = self._unsaid(way, used) if way else None
            if best is None and shaped:
                best = self._in_story(
                    asked, anchors, used, others_of(index), since=since, as_of=as_of
                )
            if best is None and ages:
                # "Which is younger, Rafael Nadal or the Bryan twins": the other side's report
                # may give this one's age beside the name it uses ("18-year-old Nadal").
                best = self._age_beside_name(alternatives[index], anchors, used)
            if best is None:
                continue
            unanswered.remove(part)
            answers[index] = best
            used.add((best.article_id, best.start))
            said.append(Said(best.text, best, part=index))
        said.sort(key=lambda item: item.part or 0)
        compared = None
        if plan.kind == "comparison" and not unanswered:
            compared = self._compared(question, plan, answers)
        if sides and compared is None and not unanswered:
            # Each side answered from its own report, whose sentence says "the bank" where the
            # report's title or lead names the side ("Mr Park's statement came as the bank
            # decided to keep interest rates at an all-time low of 3.25%" under "South Korea
            # holds rates"): the figures of those sentences compare the sides.
            compared = self._compared_by_reports(question, alternatives, sides, answers, given)
        if (
            sides
            and compared is None
            and not self._sides_stand(question, alternatives, sides, answers, given)
        ):
            # The sides read apart gave no two figures of one measure, or gave them from
            # articles that do not speak of all the question names: one article may give both
            # ("The target is 12 months for Welsh patients, but just three months in England";
            # the FCC's 18.6 million cable lines and 11.4 million phone lines, not the UK's
            # 1.7 million cable customers).
            one = self._sides_in_one_article(
                question,
                sides,
                [_YEAR.findall(a) for a in alternatives],
                [*answers.values(), *closest],
                given,
                thing,
                since,
                as_of,
            )
            if one is not None:
                said, answers, read = one
                unanswered = []
                compared = self._compared(question, plan, answers) or _compared_as_read(
                    question, alternatives, answers, read
                )
            elif not unanswered and self._side_in_others_unit(
                plan, alternatives, sides, answers, said, found_of, used, given, thing
            ):
                compared = self._compared(question, plan, answers)
        return Draft(said, "extractive", unanswered=unanswered, closest=closest, compared=compared)

    def _in_story(
        self,
        asked: str,
        anchors: list[str],
        used: set[tuple[str, int]],
        others: Sequence[str],
        *,
        since: date | None,
        as_of: date | None,
    ) -> Evidence | None:
        """A part of a multi-part question that its gates refused, told in the article an
        earlier part was answered from (the parts of one question are one story): that
        article's best sentence for the part not yet said, if it says a word the part asks and
        the other parts do not (``_says_part_words``), holds the kind of thing the part asks
        for (when it asks one), is close to the part in meaning, and its article names what the
        part names. The story already stands on the earlier part's sentence, so the part need
        not restate it ("entering the seventh week of a hunger strike" for "which week of his
        hunger strike is he entering"). Only the best: one further down is as often another
        thing of the kind asked ("Grady received a pass ... with his back to goal" for "who
        scored Aberdeen's goal")."""
        own = self.select_evidence(asked, self._passages(anchors, since=since, as_of=as_of))
        i = next((i for i, ev in enumerate(own) if (ev.article_id, ev.start) not in used), None)
        if i is None:
            return None
        ev, slot = own[i], asked_slot(asked)
        if ev.semantic < self.t.min_semantic or not _says_part_words(asked, ev, others):
            return None
        if slot is not None and not holds_slot(ev.text, asked, slot):
            return None
        a = self.answerability(asked, own, i)
        if a.denies or not a.timely or not a.figures or a.names < self.t.names_coverage:
            return None
        return ev

    def _bearing(
        self,
        asked: str,
        answerings: list[list[Evidence]],
        used: set[tuple[str, int]],
        others: Sequence[str],
        lead: Evidence,
    ) -> Evidence | None:
        """Of the part's top sentences in the lead's article, the first not yet said that
        says a word of this part's own (``_says_part_words``), holds the kind of thing it asks
        for and answers it on its own."""
        slot = asked_slot(asked)
        if slot is None:
            return None
        for way in answerings:
            for ev in way[:_BEARING_CANDIDATES]:
                if (
                    ev is lead
                    or ev.article_id != lead.article_id
                    or (ev.article_id, ev.start) in used
                    or not holds_slot(ev.text, asked, slot)
                    or not _says_part_words(asked, ev, others)
                ):
                    continue
                if self.answering(asked, [ev], follow_up=True) is not None:
                    return ev
        return None

    def _naming(
        self,
        asked: str,
        answerings: list[list[Evidence]],
        used: set[tuple[str, int]],
        lead: Evidence,
    ) -> Evidence | None:
        """For a part that asks for a name ("which minister wants ...", "who is directing
        ..."), when ``lead`` names no one of the kind asked that the part does not give (a lead
        that restates the part with a title: "the Trade and Industry Secretary has said"): the
        first of the part's top sentences in the lead's article, not yet said, that holds the
        kind of thing asked and names one as its subject or in apposition (``names_one_asked``:
        "Ms Hewitt told the seminar"), or the sentence before it that gives that person's name
        in full (``_named_in_full``). Such a sentence seldom restates the part closely enough
        to answer it alone, and a lead that names no one cannot answer it at all. For "which
        minister", "which actress": a person."""
        own = _own_words(asked)
        slot = asked_slot(asked)
        types = asked_types(own, slot)
        if slot is None or types is None:
            return None
        noun = asked_class(own)
        if noun is not None and names_a_person(noun):
            types = frozenset({"PERSON"})  # "which minister": not "The BBC said"
        if names_one_asked(lead.text, own, types):
            return None
        if new_entities(lead.text, own, types):
            return None  # (it names one elsewhere: "a new deal with Adidas" may answer)
        for way in answerings:
            for ev in way[:_BEARING_CANDIDATES]:
                if (
                    ev is lead
                    or ev.article_id != lead.article_id
                    or (ev.article_id, ev.start) in used
                    or not holds_slot(ev.text, asked, slot)
                    or not names_one_asked(ev.text, own, types)
                ):
                    continue
                return self._named_in_full(ev, used) or ev
        return None

    def _named_in_full(self, ev: Evidence, used: set[tuple[str, int]]) -> Evidence | None:
        """The first sentence of ``ev``'s article that gives in full the person ``ev`` names
        only by a title and surname ("Ms Hewitt told the seminar"): a report names a person
        in full where it first speaks of them ("Patricia Hewitt said ...")."""
        titled = _TITLED.search(ev.text)
        if titled is None:
            return None
        surname = titled.group("surname")
        full = re.compile(rf"\b(?P<first>[A-Z][\w'’.-]+)\s+{re.escape(surname)}\b")
        if any(m.group("first") not in _COURTESY for m in full.finditer(ev.text)):
            return None  # named in full already
        article = self._article(ev.article_id)
        if article is None:
            return None
        for sentence in split_sentences(article.text):
            if sentence.start >= ev.start:
                break
            if (ev.article_id, sentence.start) in used:
                continue
            if any(m.group("first") not in _COURTESY for m in full.finditer(sentence.text)):
                return _sentence_evidence(article, sentence, ev.hit.score)
        return None

    @staticmethod
    def _bears_on(asked: str, ev: Evidence, others: Sequence[str]) -> bool:
        """Whether ``ev`` says a word the part asks and the other parts do not ("spend",
        "money"; the name of the side it asks about): every sentence of a story is about
        what the whole question is about, so one bears on a part only by saying more."""
        story = {t for other in others for t in content_terms(other)}
        held = set(content_terms(ev.text))
        return any(terms_match(t, held) for t in content_terms(asked) if t not in story)

    def _side_in_others_unit(
        self,
        plan: QuestionPlan,
        alternatives: list[str],
        sides: list[list[str]],
        answers: dict[int, Evidence],
        said: list[Said],
        found_of: dict[int, list[Evidence]],
        used: set[tuple[str, int]],
        given: set[float],
        thing: str | None,
    ) -> bool:
        """Whether a side whose sentence gives no figure in the unit of the other sides' figures
        was given one from its own article ("The US firm is thought to be offering about $2bn"
        beside Air Jamaica's "$560m", for "the amount GM is thought to be offering Fiat", read
        first as "cut GM's stake in half to 10%"). Only when the sides then read as figures of
        one measure; ``answers`` and ``said`` change in place."""
        if set(answers) != set(range(len(sides))):
            return False
        for index in range(len(sides)):
            units = {
                f.unit
                for other, ev in answers.items()
                if other != index
                for f in figures_in(ev.text)
                if f.value not in given
            }
            own = [f for f in figures_in(answers[index].text) if f.value not in given]
            if not units or any(f.unit in units for f in own):
                continue
            named = [w.lower() for w in re.findall(r"\b[A-Z]\w*", alternatives[index])]
            found = self._side_figure_in_articles(
                plan.sub_questions[index], named, found_of.get(index, []), used, given, units, thing
            )
            if found is None:
                continue
            trial = {**answers, index: found}
            cited = list({(ev.article_id, ev.start): ev for ev in trial.values()}.values())
            if compare([ev.text for ev in cited], sides, "more", given) is None:
                continue
            answers[index] = found
            used.add((found.article_id, found.start))
            said[:] = [item for item in said if item.part != index]
            said.append(Said(found.text, found, part=index))
            said.sort(key=lambda item: item.part or 0)
            return True
        return False

    def _age_beside_name(
        self, side: str, article_ids: list[str], used: set[tuple[str, int]]
    ) -> Evidence | None:
        """A sentence of these articles that gives a person's age beside the last word of the
        side's name, as reports write it: "18-year-old Nadal", "Nadal, 18, ..."."""
        names = names_in(" " + side)
        if len(names) != 1:
            return None
        last = re.escape(names[0].split()[-1])
        pattern = re.compile(
            rf"\b\d{{1,3}}-year-old\s+(?:[A-Z][\w'’.-]*\s+){{0,3}}{last}\b|\b{last},\s+\d{{1,3}},"
        )
        for article_id in article_ids[:2]:
            article = self._article(article_id)
            if article is None:
                continue
            for sentence in split_sentences(article.text):
                if (article_id, sentence.start) in used or not pattern.search(sentence.text):
                    continue
                ev = _sentence_evidence(article, sentence, 0.0)
                if ev is not None:
                    return ev
        return None

    def _compared_by_reports(
        self,
        question: str,
        alternatives: list[str],
        sides: list[list[str]],
        answers: dict[int, Evidence],
        given: set[float],
    ) -> tuple[Relation, list[tuple[str, Evidence, str]]] | None:
        """The comparison line from the parts' own sentences, each side answered from a report
        of its own: a sentence that does not name its side stands for it when its article's
        title or lead names that side and no other. Each side's figure is, in a unit every side
        has, the one nearest the side's words where its sentence names it, else the sentence's
        first; None when the sides share an article or some side has no such figure."""
        if set(answers) != set(range(len(sides))):
            return None
        if len({ev.article_id for ev in answers.values()}) < len(sides):
            return None
        articles = self._articles(list(answers.values()))
        shared = _names_outside(question, alternatives)
        # Only where some side's sentence does not name it (else ``compare`` has read them):
        # and no sentence names another side.
        spotted = [side_spots(sides[i], answers[i].text.lower()) for i in range(len(sides))]
        if all(spotted):
            return None
        for index, ev in answers.items():
            others = [t for i, terms in enumerate(sides) if i != index for t in terms]
            if side_spots(others, ev.text.lower()):
                return None
        readings: list[tuple[str, list[int], list[Figure]]] = []
        for index, ev in answers.items():
            article = articles.get(ev.article_id)
            if article is None:
                return None
            if not _article_names(article, shared):
                return None  # ("In the FCC's figures": a report of the UK's cable customers)
            spots = side_spots(sides[index], ev.text.lower())
            if not spots:
                # The side's names (not its common words: "auction") in the title or lead.
                named = [
                    t
                    for t in sides[index]
                    if re.search(rf"\b{re.escape(t)}", alternatives[index], re.IGNORECASE)
                    and any(
                        w[:1].isupper()
                        for w in re.findall(
                            rf"\b{re.escape(t)}\w*", alternatives[index], re.IGNORECASE
                        )
                    )
                ]
                lead = split_sentences(article.text)[:1]
                heading = (article.title + " " + " ".join(x.text for x in lead)).lower()
                others = [t for i, terms in enumerate(sides) if i != index for t in terms]
                if not named or not side_spots(named, heading) or side_spots(others, heading):
                    return None
            figures = [
                f for f in figures_in(ev.text) if f.value not in given and not differs(ev.text, f)
            ]
            # "lifted interest rates 0.25% to 5.5%": the first is the step, the second the level.
            figures = [
                f
                for f in figures
                if not any(
                    g.unit == f.unit and re.fullmatch(r"\s+to\s+", ev.text[f.end : g.start])
                    for g in figures
                )
            ]
            readings.append((ev.text, spots, figures))
        units = set.intersection(*({f.unit for f in figures} for _, _, figures in readings))
        for unit in sorted(units, key=lambda u: u == ""):  # a unit before a bare count
            chosen = []
            for text, spots, figures in readings:
                of_unit = [f for f in figures if f.unit == unit]
                if spots:
                    # (as ``compare`` reads it: a figure of the side's own clause first)
                    of_unit.sort(key=lambda f: min(side_distance(text, f, s) for s in spots))
                chosen.append(of_unit[0])
            return _compared_as_read(question, alternatives, answers, chosen)
        return None

    def _sides_stand(
        self,
        question: str,
        alternatives: list[str],
        sides: list[list[str]],
        answers: dict[int, Evidence],
        given: set[float],
    ) -> bool:
        """Whether the parts' own sentences give every side a figure of one measure (as
        ``compare`` reads them), each from an article naming the names of its side and those
        the question gives outside every side ("In the FCC's figures, does cable or ...")."""
        if set(answers) != set(range(len(sides))):
            return False
        cited = list({(ev.article_id, ev.start): ev for ev in answers.values()}.values())
        if compare([ev.text for ev in cited], sides, "more", given) is None:
            return False
        shared = _names_outside(question, alternatives)
        articles = self._articles(cited)
        for index, ev in answers.items():
            article = articles.get(ev.article_id)
            if article is None:
                return False
            if not _article_names(article, [*shared, *_name_words(alternatives[index])]):
                return False
        return True

    def _sides_in_one_article(
        self,
        question: str,
        sides: list[list[str]],
        years_of: list[list[str]],
        found: list[Evidence],
        given: set[float],
        thing: str | None,
        since: date | None,
        as_of: date | None,
    ) -> tuple[list[Said], dict[int, Evidence], list[Figure]] | None:
        """Every side's figure from one article: of the articles the parts were answered from
        (then those the whole question finds), the first that names everything the question
        names and gives, near each side's own words, a figure of one measure for every side
        (as ``compare`` reads figures: one unit for all, not a figure the question gives, not
        one figure for two sides). Its sentences answer the parts; None when no article does.
        """
        hits = self.retriever.search(strip_time_words(question), k=6, since=since, as_of=as_of)
        ids = list(dict.fromkeys([*(ev.article_id for ev in found), *(h.article_id for h in hits)]))
        articles = self._articles_read(ids[:_ONE_ARTICLE_READS]) or {}
        names = _name_words(question)
        for article_id in ids[:_ONE_ARTICLE_READS]:
            article = articles.get(article_id)
            if article is None or (
                article.published
                and ((since and article.published < since) or (as_of and article.published > as_of))
            ):
                continue
            if not _article_names(article, names):
                continue
            sentences = [s for s in split_sentences(article.text) if _chunk_holding(article, s)]
            texts = [s.text for s in sentences]
            # The side the title names, if only one side is named there.
            titled = [
                i for i, terms in enumerate(sides) if side_spots(terms, article.title.lower())
            ]
            subject = titled[0] if len(titled) == 1 else None
            figures = _one_measure(texts, sides, given, thing, years_of, subject)
            if figures is None and thing is not None:
                figures = _one_measure(texts, sides, given, None, years_of, subject)
            if figures is None:
                continue
            answers: dict[int, Evidence] = {}
            said: list[Said] = []
            by_start: dict[int, Evidence] = {}
            for index, (at, _figure) in enumerate(figures):
                sentence = sentences[at]
                ev = by_start.get(sentence.start)
                if ev is None:
                    ev = _sentence_evidence(article, sentence, 0.0)
                    if ev is None:
                        break
                    by_start[sentence.start] = ev
                    said.append(Said(ev.text, ev, part=index))
                answers[index] = ev
            else:
                self._score(question, list(by_start.values()))
                return said, answers, [figure for _, figure in figures]
        return None

    def _side_figure_in_articles(
        self,
        part: str,
        named: list[str],
        found: list[Evidence],
        used: set[tuple[str, int]],
        given: set[float],
        units: set[str],
        thing: str | None,
    ) -> Evidence | None:
        """A sentence of a side's own article that gives its figure, where no sentence found for
        the side names it beside a figure: a report names its subject in the title and lead,
        then gives the figure ("General Motors ..." / "It is in the midst of cutting 12,000
        jobs"; "Nigeria ..." / "the scheme aimed to boost cocoa production to 600,000 tonnes by
        2008"). The side's article names everything the side names; the sentence gives a figure
        the question does not (of the thing compared, in an earlier side's unit, if any) and
        says the most of the side's other words."""
        names = {stem(w) for w in named if w not in STOPWORDS}
        wanted = set(content_terms(without_comparatives(part)))  # its names say it too
        if thing is not None:
            wanted.add(thing)
        if not wanted:
            return None
        best: tuple[int, int, int] | None = None
        chosen: Evidence | None = None
        article_ids = list(dict.fromkeys(ev.article_id for ev in found))[:3]
        for rank, article_id in enumerate(article_ids):
            article = self._article(article_id)
            if article is None:
                continue
            if not _article_names(article, names):
                continue
            for at, sentence in enumerate(split_sentences(article.text)):
                if (article_id, sentence.start) in used:
                    continue
                figures = [
                    f
                    for f in figures_in(sentence.text)
                    if f.value not in given
                    and (not units or f.unit in units)
                    and (thing is None or _counts(f.text, thing))
                ]
                if not figures:
                    continue
                own = set(content_terms(sentence.text))
                # (A figure or year the side names, "2008", says more than a common word.)
                says = sum((1 + t[:1].isdigit()) * terms_match(t, own) for t in wanted)
                if says == 0:
                    continue
                key = (says, -rank, -at)
                if best is None or key > best:
                    ev = _sentence_evidence(article, sentence, 0.0)
                    if ev is not None:
                        best, chosen = key, ev
        if chosen is not None:
            self._score(part, [chosen])
        return chosen

    @staticmethod
    def _compared(
        question: str, plan: QuestionPlan, answers: dict[int, Evidence]
    ) -> tuple[Relation, list[tuple[str, Evidence, str]]] | None:
        """Which side a "which rose more, A or B" question asks for, from the cited figures.

        Each side's figure is the one its sentence gives nearest to the words naming that side
        (and not the other sides), in a unit all sides share; nothing is said when a side has
        no such figure, so the answer never claims more than the passages show.
        """
        # "Is A higher or lower than B" asks which is larger: the answer names it either way.
        relation: Relation | None = (
            "more" if asks_direction(question) else relation_asked(_ages_outside_sides(question))
        )
        alternatives = comparison_alternatives(question)
        if relation is None or len(alternatives) != len(plan.sub_questions):
            return None
        if set(answers) != set(range(len(alternatives))):
            return None
        sides = _side_terms(alternatives)
        cited = list({(ev.article_id, ev.start): ev for ev in answers.values()}.values())
        given = _given_figures(question)
        found = compare([ev.text for ev in cited], sides, relation, given, compared_thing(question))
        if found is None:
            return None
        pick, figures = found
        order = [pick, *(i for i in range(len(alternatives)) if i != pick)]
        return relation, [
            (alternatives[i], cited[figures[i][0]], figures[i][1].text) for i in order
        ]

    def _passages(
        self,
        article_ids: list[str],
        *,
        since: date | None,
        as_of: date | None,
    ) -> list[Hit]:
        """Every stored chunk of these articles (within the dates asked), as hits."""
        out: list[Hit] = []
        for article_id in article_ids[:2]:
            article = self._article(article_id)
            if article is None:
                continue
            if article.published and (
                (since and article.published < since) or (as_of and article.published > as_of)
            ):
                continue
            for chunk in article.chunks:
                out.append(
                    Hit.from_article(
                        article, chunk_id=chunk.chunk_id, start=chunk.start, end=chunk.end
                    )
                )
        return out

    def _part_ways(
        self,
        asked: str,
        query: str,
        anchors: list[str],
        *,
        since: date | None,
        as_of: date | None,
        k: int | None,
        shaped: bool = False,
    ) -> tuple[list[list[Evidence]], list[Evidence]]:
        """``(the ways a part is answered, its own evidence)``; ``shaped``: each part as its own
        form asks (the parts of a multi-part question).

        A later part is most often about the article an earlier part was answered from ("...
        and where is he based?", "... and who leads the union?"; the other side of a comparison
        is often in the same report): when a passage of it answers, that answers the part, as a
        follow-up is answered in the story of the question before it; else the part's own hits
        do."""
        hits = self.retriever.search(strip_time_words(query), k=k or 6, since=since, as_of=as_of)
        ways: list[list[Evidence] | None] = []
        if anchors:
            own = self.select_evidence(asked, self._passages(anchors, since=since, as_of=as_of))
            ways.append(
                self._shaped(
                    asked, own, self.answering_evidence(asked, own, follow_up=True), shaped
                )
            )
        evidence = self.select_evidence(asked, hits)
        ways.append(self._shaped(asked, evidence, self.answering_evidence(asked, evidence), shaped))
        return [way for way in ways if way], evidence

    def _shaped(
        self,
        asked: str,
        evidence: list[Evidence],
        answering: list[Evidence] | None,
        shaped: bool,
    ) -> list[Evidence] | None:
        """A part answered as its own form asks: a part that asks how something changed is led
        by the sentence giving both states, a part that asks for a list by the sentence that
        lists ("How have X's sales changed over the past year, and what set that off?")."""
        kind = plan_question(asked).kind if shaped else None
        if kind == "change":
            return self._with_change(asked, evidence, answering)
        if kind == "list":
            return self._with_list(asked, evidence, answering)
        return answering

    def _answering_unsaid(
        self, asked: str, way: list[Evidence], used: set[tuple[str, int]]
    ) -> list[Evidence] | None:
        """The part's evidence without the sentences already said, if what is left answers."""
        rest = [ev for ev in way if (ev.article_id, ev.start) not in used]
        return self.answering_evidence(asked, rest, follow_up=True) if rest else None

    def _first_unsaid(
        self, asked: str, answerings: list[list[Evidence]], used: set[tuple[str, int]]
    ) -> Evidence | None:
        """The first sentence not yet said that leads what is left of one of the part's
        evidence when that rest answers ``asked``."""
        return next(
            (
                other[0]
                for way in answerings
                if (other := self._answering_unsaid(asked, way, used))
                and (other[0].article_id, other[0].start) not in used
            ),
            None,
        )

    def _closer_part(
        self, ev: Evidence, answers: dict[int, Evidence], asked_of: dict[int, str], asked: str
    ) -> int | None:
        """The earlier part ``ev`` was said for, if ``ev`` is closer in meaning to ``asked``."""
        earlier = next(
            (
                i
                for i, other in answers.items()
                if (other.article_id, other.start) == (ev.article_id, ev.start)
            ),
            None,
        )
        if earlier is None:
            return None
        vectors = self.embedder.encode([asked_of[earlier], asked, ev.text])
        return earlier if float(vectors[1] @ vectors[2]) > float(vectors[0] @ vectors[2]) else None

    @staticmethod
    def _answers_one_of_two(
        asked: str, ev: Evidence, answers: dict[int, Evidence], asked_of: dict[int, str]
    ) -> bool:
        """Whether ``ev``, already said for an earlier part asking the same kind of thing as
        ``asked``, holds only one thing of that kind (so it cannot answer both)."""
        slot = asked_slot(asked)
        if slot is None:
            return False
        for index, other in answers.items():
            if (other.article_id, other.start) != (ev.article_id, ev.start):
                continue
            earlier = asked_slot(asked_of.get(index, ""))
            if earlier is not None and earlier.kind == slot.kind:
                return things_held(ev.text, asked, slot) < 2
        return False

    @staticmethod
    def _unsaid(answering: list[Evidence], used: set[tuple[str, int]]) -> Evidence | None:
        """The sentence that answers this part, unless an earlier part's sentence already does."""
        best = answering[0]
        return None if (best.article_id, best.start) in used else best

    def _briefing(
        self,
        question: str,
        plan: QuestionPlan,
        *,
        since: date | None,
        as_of: date | None,
        k: int | None,
    ) -> Draft:
        """What happened: 2-5 key points from the story's newest articles, each cited."""
        query = strip_time_words(question)
        hits = self.retriever.search(query, k=max(k or 0, 10), since=since, as_of=as_of)
        if not hits:
            return Draft([], self._model_label())
        subject_terms = content_terms(plan.subject or "")
        articles: list[StoredArticle] = []
        fetched: set[str] = set()
        for hit in hits:
            if hit.article_id in fetched:
                continue
            if len(fetched) >= 2 * self.t.briefing_articles:
                break  # reading further articles costs time and rarely adds a key fact
            fetched.add(hit.article_id)
            article = self._article(hit.article_id)
            if article is None:
                continue
            if (
                subject_terms
                and _subject_coverage(
                    subject_terms, set(content_terms(article.title + " " + article.text))
                )
                < self.t.names_coverage
            ):
                continue
            articles.append(article)
        if not articles:
            return Draft([], self._model_label(), closest=self.select_evidence(question, hits))
        # The story the best article belongs to, newest reports first.
        story = articles[0].story_id
        same = [a for a in articles if a.story_id == story]
        others = [a for a in articles if a.story_id != story]
        chosen_articles = (same + others)[: self.t.briefing_articles]
        chosen_articles.sort(key=lambda a: -(a.published or date.min).toordinal())
        said = self._key_points(query, plan, chosen_articles)
        if not said:
            return Draft([], self._model_label(), closest=self.select_evidence(question, hits))
        return Draft(said, "extractive")

    def _key_points(
        self, query: str, plan: QuestionPlan, articles: list[StoredArticle]
    ) -> list[Said]:
        """Sentences that together carry the most figures, names and places about the subject."""
        candidates: list[tuple[StoredArticle, int, int, str]] = []
        for rank, article in enumerate(articles):
            for sentence in split_sentences(article.text):
                # A key point means something alone, by the summaries' own rule: never a
                # heading, a sentence leaning on the one before, or a quotation whose speaker
                # is named only before it.
                if len(sentence.text) < 40 or not can_open_bullet(sentence.text):
                    continue
                if _chunk_holding(article, sentence) is None:
                    continue  # a quote must lie inside one chunk
                candidates.append((article, rank, sentence.start, sentence.text))
        if not candidates:
            return []
        vectors = self.embedder.encode([query] + [c[3] for c in candidates])
        relevance = vectors[1:] @ vectors[0]
        facts = [sentence_facts(c[3]) for c in candidates]
        value = fact_weights(c[3] for c in candidates)
        subject_terms = set(content_terms(plan.subject or ""))
        covered: set[str] = set()
        picked: list[int] = []
        while len(picked) < self.t.briefing_points:
            best, best_score = -1, 0.0
            for i, (_article, rank, _start, text) in enumerate(candidates):
                if i in picked or any(
                    float(vectors[i + 1] @ vectors[j + 1]) >= 0.8 for j in picked
                ):
                    continue
                about = bool(subject_terms & set(content_terms(text)))
                if relevance[i] < self.t.briefing_relevance and not about:
                    continue
                gain = sum(value[f] for f in facts[i] - covered)
                if gain <= 0:
                    continue
                length = max(len(words(text)), 1)
                score = (
                    float(relevance[i])
                    + 0.35 * gain / (length / 12.0) ** 0.5
                    + (0.15 if about else 0.0)
                    - 0.1 * rank
                )
                if score > best_score:
                    best, best_score = i, score
            if best < 0:
                break
            picked.append(best)
            covered |= facts[best]
        picked.sort(key=lambda i: (candidates[i][1], candidates[i][2]))
        said = []
        for i in picked:
            article, _rank, start, text = candidates[i]
            hit = Hit.from_article(
                article,
                chunk_id=chunk_at(article, start),
                start=start,
                end=start + len(text),
                score=float(relevance[i]),
            )
            ev = Evidence(
                hit=hit,
                text=text,
                start=start,
                end=start + len(text),
                score=float(relevance[i]),
                semantic=float(relevance[i]),
                vector=vectors[i + 1],
            )
            said.append(Said(text, ev))
        return said

    def _article(self, article_id: str) -> StoredArticle | None:
        try:
            return self.retriever.store.get_article(article_id)
        except Exception:
            log.warning("could not read article %s", article_id, exc_info=True)
            return None

    def _articles(self, evidence: Sequence[Evidence]) -> dict[str, StoredArticle]:
        """The stored articles behind ``evidence`` by id, those not read yet in one store read
        (an article that cannot be read is left out)."""
        found: dict[str, StoredArticle] = {}
        missing: list[str] = []
        for ev in evidence:
            known = self._stored.get(_version(ev))
            if known is not None:
                found[ev.article_id] = known
            elif ev.article_id not in missing:
                missing.append(ev.article_id)
        return {**(self._articles_read(missing) or {}), **found} if missing else found

    def _articles_read(self, article_ids: Sequence[str]) -> dict[str, StoredArticle] | None:
        """The stored articles of ``article_ids``, read in one store read and kept by version
        (a version never changes; the memory starts afresh past 512); None when the read
        failed."""
        if not article_ids:
            return {}
        try:
            got = self.retriever.store.get_articles(article_ids)
        except Exception:
            log.warning("could not read articles %s", list(article_ids), exc_info=True)
            return None
        if len(self._stored) > 512:
            self._stored.clear()
        for article in got.values():
            self._stored[f"{article.article_id}#{article.content_hash[:12]}"] = article
        return got

    def _model_label(self) -> str:
        return self.model_name if self.chat_model is not None else "extractive"

    # ------------------------------------------------------------ the question

    def standalone_question(
        self, question: str, history: Sequence[ConversationTurn]
    ) -> tuple[str, str]:
        """``(question to answer, query to retrieve with)`` for a possible follow-up."""
        previous = [t.content for t in history if t.role == "user" and t.content.strip()]
        if not previous:
            return question, question
        last = previous[-1]
        own_terms = question_terms(question)
        follow_up = (
            len(words(question)) <= 9
            or bool(
                re.match(
                    r"^\s*(and|but|also|what about|how about|so|then|why|who|what|where|when)\b",
                    question,
                    re.IGNORECASE,
                )
            )
            or bool(
                re.search(
                    r"\b(it|its|they|them|their|he|she|his|her|this|that|those|these)\b",
                    question,
                    re.IGNORECASE,
                )
            )
        )
        if not follow_up and len(own_terms) >= 3:
            return question, question
        if self.chat_model is not None and not self.model_name.startswith(("local", "gguf")):
            rewritten = self._condense_with_model(question, history)
            if rewritten:
                return rewritten, rewritten
        # Deterministic: the follow-up's own words decide the evidence; the last question's
        # words steer retrieval to the same story.
        return question, f"{last} {question}"

    def _condense_with_model(
        self, question: str, history: Sequence[ConversationTurn]
    ) -> str | None:
        assert self.chat_model is not None
        lines = [f"{t.role}: {' '.join(t.content.split())[:500]}" for t in history[-6:]]
        system, user = load_prompt("condense").render(history="\n".join(lines), question=question)
        try:
            out = str(self.chat_model.invoke([SystemMessage(system), HumanMessage(user)]).content)
        except Exception:
            log.warning("the chat model could not rewrite a follow-up", exc_info=True)
            return None
        out = " ".join(out.split()).strip('"')
        if 3 <= len(words(out)) <= 40 and set(question_terms(question)) & set(content_terms(out)):
            return out
        return None

    # ---------------------------------------------------------------- evidence

    def select_evidence(self, question: str, hits: list[Hit]) -> list[Evidence]:
        evidence = candidate_sentences(hits)
        if evidence:
            self._score(question, evidence)
        return evidence

    def _score(self, question: str, evidence: list[Evidence]) -> None:
        """Score ``evidence`` against ``question`` in place (meaning, weighted words, slot)."""
        vectors = self.embedder.encode([question] + [e.text for e in evidence])
        try:
            weights = idf_weights(self.lexical.index(), question_terms(question))
        except Exception:
            log.warning(
                "lexical index unavailable; weighting question terms equally", exc_info=True
            )
            weights = {}
        score_evidence(question, evidence, vectors[0], vectors[1:], weights)

    def answerability(
        self, question: str, evidence: list[Evidence], index: int = 0
    ) -> Answerability:
        """What one evidence sentence (the best by default) and its article say, as numbers."""
        if len(evidence) <= index:
            return Answerability(0.0, 0.0, 0.0, 0.0, False, 0)
        ev = evidence[index]
        article_text = self._article_text(ev)
        asked_figures = quantities_in(question)  # years are context more often than asked
        slot = asked_slot(question)
        typed = self._holds_asked(question, ev, slot)
        article_terms = set(content_terms(ev.hit.title)) | set(content_terms(article_text))
        names = named_terms(question)
        predicate = predicate_term(question)
        return Answerability(
            score=ev.score,
            coverage=ev.coverage,
            semantic=ev.semantic,
            names=coverage(names, {}, article_terms) if names else 1.0,
            predicate=predicate is None or predicate_found(predicate, article_terms),
            n_terms=len(question_terms(question)),
            figures=asked_figures <= quantities_in(f"{ev.hit.title} {article_text}"),
            typed=typed,
            # (Only a sentence that holds what is asked is held to the time asked: a lead
            # that names the body "set up in 1999" may still lead to the answer beside it.)
            # And a question about an event's outcome ("what did the court rule", "did the
            # shareholders approve") is answered only by a sentence that says it happened.
            timely=(not typed or speaks_of_what_is_asked(ev.text, question))
            and says_outcome(ev.text, question),
            denies=slot is not None and slot.kind == "name" and rules_out_names(ev.text, question),
            plain=typed and holds_plainly(ev.text, question, slot),
            formless=not holds_kind(ev.text, question, slot),
        )

    def _holds_asked(self, question: str, ev: Evidence, slot: Slot | None) -> bool:
        """Whether ``ev`` holds a thing of the kind asked for; a figure of another thing, in an
        article that names the thing counted but never counts it, does not say how many."""
        if not holds_slot(ev.text, question, slot):
            return False
        if slot_strength(ev.text, question, slot) >= plainest(slot):
            return True
        return not leaves_uncounted(self._article_text(ev), slot)

    def answerable(
        self, question: str, evidence: list[Evidence], *, follow_up: bool = False
    ) -> bool:
        """Whether one of the top evidence sentences answers the question on its own."""
        return self.answering(question, evidence, follow_up=follow_up) is not None

    def answering(
        self, question: str, evidence: list[Evidence], *, follow_up: bool = False
    ) -> int | None:
        """The index of the top evidence sentence that answers the question, if any.

        First a sentence that holds what is asked in the question's own terms (``plainly_answers``),
        then one that holds the kind of thing asked for (a figure for "how much", a date for
        "when", a name the question does not give for "who"/"which"), among the top
        ``typed_candidates``; else one that matches the question closely enough without it.
        """
        n = min(
            max(self.t.candidates, self.t.typed_candidates, self.t.plain_candidates), len(evidence)
        )
        self._read_texts(evidence[:n])  # one store read for all their articles
        checks = [self.answerability(question, evidence, i) for i in range(n)]
        # One that holds what is asked in the question's own terms comes first.
        for i, a in enumerate(checks[: self.t.plain_candidates]):
            if self.plainly_answers(question, evidence[i], a):
                return i
        for i, a in enumerate(checks[: self.t.typed_candidates]):
            if a.typed and self.passes(a, follow_up=follow_up):
                return i
        for i, a in enumerate(checks[: self.t.candidates]):
            if self.passes(a, follow_up=follow_up):
                return i
        for i, a in enumerate(checks[: self.t.typed_candidates]):
            if self.covers(question, evidence[i], a):
                return i
        if log.isEnabledFor(logging.DEBUG):
            log.debug(
                "no answering sentence for %r: %s",
                question,
                "; ".join(
                    f"{evidence[i].text[:60]!r} {self.refusal(a, follow_up=follow_up)}"
                    f" typed={a.typed} timely={a.timely} score={a.score:.2f}"
                    for i, a in enumerate(checks[: self.t.candidates])
                ),
            )
        return None

    def plainly_answers(self, question: str, ev: Evidence, a: Answerability) -> bool:
        """Whether a sentence holds what is asked in the question's own terms, whatever its
        score: a figure beside the thing counted ("some 45,000 people" for "how many people"),
        a name beside the noun asked for ("record label Sony BMG"), or a figure in the year the
        question names ("600,000 tonnes by 2008" for "how much ... by 2008"); its article
        names everything the question names and has the question's verb."""
        slot = asked_slot(question)
        if slot is None or not a.typed or a.denies or not a.timely or not a.figures:
            return False
        if a.names < 1.0 or not a.predicate or a.semantic < self.t.min_semantic:
            return False
        if plainest(slot) == 2:
            # The question names the thing: only a figure or a name beside it will do.
            return slot_strength(ev.text, question, slot) == 2
        years = set(_YEAR.findall(question))
        return slot.kind == "number" and bool(years) and years <= set(_YEAR.findall(ev.text))

    def covers(self, question: str, ev: Evidence, a: Answerability) -> bool:
        """Whether a sentence holds everything the question asks, whatever its score: the thing
        asked for (beside the question's noun, if it names one), the verb the question turns
        on, and, in its article, every name and figure the question gives. A sentence can say
        all that in few of the question's words ("he guided his side to the 1988 European
        Championship title" for "which title did Rinus Michels win in 1988")."""
        slot = asked_slot(question)
        if slot is None or asked_predicate(question) is None:
            return False
        if a.semantic < self.t.min_semantic or a.names < 1.0 or not a.figures or not a.timely:
            return False
        if slot_strength(ev.text, question, slot) < plainest(slot):
            return False
        # Here a year the question gives is asked about too ("the 2006 World Cup final" is not
        # answered by the 1988 final): it must be in the sentence or its article.
        years = {y for y in re.findall(r"\b(?:19|20)\d\d\b", question)}
        if years - set(re.findall(r"\b(?:19|20)\d\d\b", f"{ev.text} {self._article_text(ev)}")):
            return False
        return holds_predicate(ev.text, question)

    def holds_the_answer(self, question: str, ev: Evidence, a: Answerability) -> bool:
        """Whether a sentence holds what the question asks for in a form that only such a
        thing takes, about what the question asks of, however few of its words it repeats:
        a score for "by what score" ("thrashed Italy 38-8" for "beat"), a share, an age, a
        length of time, a sum of money, a figure beside the thing counted ("eight top three
        hits" for "how many top three hits had Busted scored"), a place in an order, a name
        beside the noun asked for ("BBC series Ballykissangel"). Its article names what the
        question names, it is close to the question in meaning and it passes the checks of
        time, figures and names ruled out. (Any figure, date or name is no such form: a
        sentence holding one is judged by its words, as before.)"""
        slot = asked_slot(question)
        if slot is None or not _told_in_its_own_form(slot):
            return False
        if not a.typed or a.denies or not a.timely or not a.figures:
            return False
        if a.names < self.t.names_coverage or a.semantic < self.t.min_semantic:
            return False
        if (
            _ASKS_WHAT_HAPPENED.search(question)
            and not _ASKS_FORECAST.search(question)
            and only_ahead(ev.text)
        ):
            return False  # "can win it 27 new seats" for how many seats it gained
        return slot_strength(ev.text, question, slot) >= plainest(slot)

    def answering_evidence(
        self, question: str, evidence: list[Evidence], *, follow_up: bool = False
    ) -> list[Evidence] | None:
        """The evidence reordered so that what answers leads, or None if nothing answers.

        The sentence that answers leads; when it is a lead that restates the question without
        what it asks for (a name, a figure, a date), the sentence of its article that holds it
        comes first and the lead follows as its context. An article that is about the question
        but holds nothing of the kind asked for does not answer it.
        """
        index = self.answering(question, evidence, follow_up=follow_up)
        slot = asked_slot(question)
        if index is None:
            # The article may be about the question and hold what it asks for in a sentence
            # retrieval did not bring.
            index = self._on_topic(question, evidence, follow_up=follow_up)
            if index is None and slot is not None and slot.kind == "name":
                # Or a top sentence names one beside the noun the question's verb governs.
                # (It names the doer in the event's own noun: a sentence of its article that
                # says the verb may name another, "level the scores" for "scored a try".)
                beside = self._beside_verb_noun(question, slot, evidence)
                if beside is not None:
                    return [beside, *(e for e in evidence if e is not beside)]
            if index is None:
                # Last, a top sentence that holds what is asked in a form that says of what
                # it is, though it repeats few of the question's words.
                index = next(
                    (
                        i
                        for i in range(min(self.t.plain_candidates, len(evidence)))
                        if self.holds_the_answer(
                            question, evidence[i], self.answerability(question, evidence, i)
                        )
                    ),
                    None,
                )
            if index is None or slot is None:
                log.debug("refused %r: no sentence answers (on topic: %s)", question, index)
                return None
        evidence = [evidence[index], *evidence[:index], *evidence[index + 1 :]]
        rare = self._rarest_name_holder(question, evidence)
        if rare is not None:
            evidence = [rare, *(ev for ev in evidence if ev is not rare)]
        filler = self._holder_in_article(question, slot, evidence[0])
        if filler is not None:
            evidence = [filler, *evidence]
        if slot is not None and self._names_no_doer(question, slot, evidence[0]):
            # "Who scored the winner": a name in a sentence that does not say the verb (the
            # manager who praised the side), with no sentence of its article saying who did,
            # is a name, not the answer.
            # (Unless a top sentence names one beside the noun the verb governs: "Goals from
            # Gregory Vignal and Nacho Novo" for "who scored Rangers' second goal".)
            beside = self._beside_verb_noun(question, slot, evidence)
            if beside is None:
                log.debug("refused %r: %r does not say who did it", question, evidence[0].text)
                return None
            return [beside, *(e for e in evidence if e is not beside)]
        if filler is not None:
            return evidence
        if not self._holds_asked(question, evidence[0], slot) and (
            not holds_kind(evidence[0].text, question, slot)
            or evidence[0].score < self.t.score_without_type
        ):
            log.debug("refused %r: %r holds nothing of the kind asked", question, evidence[0].text)
            return None
        log.debug("answering %r with %r", question, evidence[0].text)
        return evidence

    def _names_no_doer(self, question: str, slot: Slot, ev: Evidence) -> bool:
        """Whether ``ev`` gives a name for a question asking who did something ("who wrote
        the worm", "which team has he joined") without saying who did it: it does not say
        the question's verb, names no one beside the noun the question asks for ("which
        team": "the Scarlets and USA Eagles forward" is no team he joined), and no sentence
        of its article names the doer its lead speaks of. Any name of such a sentence is a
        name, not the answer (the security firm that warned of the worm, the paper that
        reported the move)."""
        if slot.kind != "name" or asked_predicate(question) is None:
            return False
        if slot.head is not None and (
            not _ASKS_DOER_OR_DONE_TO.search(question)
            or slot_strength(ev.text, question, slot) >= 2
        ):
            # "which record label": a name beside "label" answers; "at which ground did A
            # beat B" asks where, not who did it ("a win over B at Netherdale").
            return False
        if holds_predicate(ev.text, question):
            return False
        return not names_the_doer(ev.text, self._article_text(ev), question)

    def _beside_verb_noun(
        self, question: str, slot: Slot, evidence: list[Evidence]
    ) -> Evidence | None:
        """The top evidence sentence that names a thing of the kind asked for, which the
        question does not give, beside the noun its verb governs ("A late Andrea Masi try" for
        "who scored Italy's late try"; "Lycos Europe's Make Love, Not Spam campaign" for "what
        was the campaign called"): it says the verb's event in other words. Its article must
        name everything the question names, and it must be close to the question in meaning."""
        nouns = verb_nouns(question)
        types = asked_types(question, slot)
        if not nouns or types is None:
            return None
        for i in range(min(self.t.typed_candidates, len(evidence))):
            ev = evidence[i]
            if not holds_noun(ev.text, nouns) or not new_entities(ev.text, question, types):
                continue
            a = self.answerability(question, evidence, i)
            if a.names >= 1.0 and a.semantic >= self.t.min_semantic and a.timely and a.figures:
                return ev
        return None

    def _rarest_name_holder(self, question: str, evidence: list[Evidence]) -> Evidence | None:
        """The sentence holding the question's rarest name, when the answer leaves it out.

        Of the names a question gives, the rarest in the store says most about which passage
        it asks for ("the RAC" beside "Gordon Brown" and "fuel duty"). A lead without it that
        has it in its own article gives way to that article's sentence (inside a stored chunk)
        which holds it and scores best against the question ("The RAC welcomed the news,
        calling it an 'early Christmas present'").
        """
        # Names as the question writes them ("Gordon Brown", "the RAC"): a name of two words
        # is as rare as its rarer word, and is held where all its words are.
        runs = [
            [stem(w) for w in re.findall(r"[\w'’.-]+", run)]
            for run in names_in(_own_words(question))
        ]
        runs = [run for run in runs if run]
        lead = evidence[0]
        if len(runs) < 2:
            return None
        try:
            df = self.lexical.index().document_frequencies([w for run in runs for w in run])
        except Exception:
            log.warning("lexical index unavailable; no rarest name", exc_info=True)
            return None
        rarity = {i: min(df.get(w, 0) for w in run) for i, run in enumerate(runs)}
        present = {i: v for i, v in rarity.items() if v > 0}
        if len(present) < 2:
            return None
        rarest_at = min(present, key=lambda i: present[i])
        if present[rarest_at] * 2 > min(v for i, v in present.items() if i != rarest_at):
            return None  # no name stands out as rarer than the others

        def holds(text: str) -> bool:
            terms = set(content_terms(text))
            return all(terms_match(w, terms) for w in runs[rarest_at])

        if holds(lead.text):
            return None
        article = self._article(lead.article_id)
        if article is None or not holds(article.text):
            return None
        candidates: list[Evidence] = []
        for sentence in split_sentences(article.text):
            if sentence.start == lead.start or not holds(sentence.text):
                continue
            ev = _sentence_evidence(article, sentence, lead.score)
            if ev is not None:
                candidates.append(ev)
        if not candidates:
            return None
        self._score(question, candidates)
        # It must bear on the question: close in meaning, or saying the question's own verb
        # ("calling it" for "what did the RAC call").
        said = [
            ev
            for ev in candidates
            if asked_predicate(question) and holds_predicate(ev.text, question)
        ]
        usable = said or [ev for ev in candidates if ev.semantic >= self.t.min_semantic]
        if not usable:
            return None
        best = usable[0]
        best.score = max(best.score, lead.score)
        return best

    def _on_topic(
        self, question: str, evidence: list[Evidence], *, follow_up: bool = False
    ) -> int | None:
        """The top evidence sentence that would answer but for holding what is asked."""
        for i in range(min(self.t.candidates, len(evidence))):
            a = self.answerability(question, evidence, i)
            if not a.typed and self.passes(replace(a, typed=True), follow_up=follow_up):
                return i
        return None

    def _holder_in_article(
        self, question: str, slot: Slot | None, lead: Evidence
    ) -> Evidence | None:
        """The sentence of the lead's article that holds what the lead leaves out.

        What the question asks for (a name, a figure, a date) must be in the answer. When the
        lead lacks it, or holds a name only where the question's noun is not ("Which record
        label": "Westlife" but no label), the article's sentences (inside a stored chunk, so
        they can be cited) that hold it more plainly are scored against the question like any
        evidence, and the best is the answer, the lead its context.
        """
        if slot is None:
            return None
        have = slot_strength(lead.text, question, slot)
        # A lead that holds a thing of the kind asked for but not the question's verb ("Judy
        # Craymer is the highest new entry" for "who topped the list") may name another one:
        # a sentence of its article that holds both is the answer.
        # (Names only: a figure is tied to its noun, "wage costs", more than to a verb that
        # articles word in many ways, "cut" or "reduce".)
        verb_missing = slot.kind == "name" and not holds_predicate(lead.text, question)
        if have >= plainest(slot) and not verb_missing:
            return None
        article = self._article(lead.article_id)
        if article is None:
            return None
        found: list[tuple[int, Evidence]] = []
        # (In an article that names the thing counted but never counts it, only a figure
        # beside it would say how many: a figure of another thing does not.)
        least = plainest(slot) if leaves_uncounted(article.text, slot) else 1
        for sentence in split_sentences(article.text):
            if sentence.start == lead.start or len(sentence.text) < 25:
                continue
            strength = slot_strength(sentence.text, question, slot)
            if strength < least or not speaks_of_what_is_asked(sentence.text, question):
                continue  # (and not another year's figure, as for any answering sentence)
            if verb_missing and have > 0:
                if strength < have or not holds_predicate(sentence.text, question):
                    continue
            elif strength <= have:
                continue
            ev = _sentence_evidence(article, sentence, lead.hit.score)
            if ev is not None:
                found.append((strength, ev))
        if not found:
            return None
        candidates = [ev for _, ev in found]
        self._score(question, candidates)
        strength_of = {id(ev): strength for strength, ev in found}
        # It must bear on the question: close in meaning, or saying the question's own verb
        # ("The 22-year-old Scot finished fourth" for "where did Allan Scott finish").
        verb = asked_predicate(question) is not None
        usable = [
            ev
            for ev in candidates
            if ev.semantic >= self.t.min_semantic
            or (verb and holds_predicate(ev.text, question))
            or (slot.kind == "name" and verb and names_the_doer(ev.text, article.text, question))
        ]
        if not usable:
            return None
        # One that says the question's verb ("chaired": "said chairman Adair Turner") holds the
        # thing asked for; another name nearby ("the TUC welcomed it") may not.
        # (Or one that names the doer its lead speaks of: "The Californian man, Nicholas Lee
        # Jacobsen" after "A man is facing charges".)
        usable = [
            ev
            for ev in usable
            if holds_predicate(ev.text, question)
            or (slot.kind == "name" and names_the_doer(ev.text, article.text, question))
        ] or usable
        # A name beside the question's noun counts for more, but not for everything.
        best = max(usable, key=lambda ev: ev.score + 0.1 * strength_of[id(ev)])
        best.score = max(best.score, lead.score)  # it answers more directly than the lead
        return best

    def _with_phrase_holder(
        self, question: str, evidence: list[Evidence], answering: list[Evidence] | None
    ) -> list[Evidence] | None:
        """``answering`` led by a sentence of a top article that writes the question's words
        for the thing asked ("which Green MSP", "which household products group") with a name
        the question does not give just after them ("Green MSP Mark Ballard fears ..."), when
        the lead does not: the question's own phrase beside a new name says what it asks for
        plainly. The sentence's article must name everything the question names and the
        sentence must be close to the question in meaning; it may answer a question that
        nothing else answered."""
        phrase = asked_phrase(question)
        pool = answering or evidence
        if len(phrase) < 2 or not pool or names_beside_phrase(pool[0].text, question, phrase):
            return answering
        names = named_terms(question)
        top = evidence[: self.t.plain_candidates]
        read = self._articles(top)  # (read already, as a rule, when answerability was judged)
        candidates: list[Evidence] = []
        for article_id in list(dict.fromkeys(ev.article_id for ev in top))[:3]:
            article = read.get(article_id)
            if article is None:
                continue
            terms = set(content_terms(article.title)) | set(content_terms(article.text))
            if names and coverage(names, {}, terms) < 1.0:
                continue
            score = max(ev.hit.score for ev in evidence if ev.article_id == article_id)
            for sentence in split_sentences(article.text):
                if names_beside_phrase(
                    sentence.text, question, phrase
                ) and speaks_of_the_time_asked(sentence.text, question):
                    ev = _sentence_evidence(article, sentence, score)
                    if ev is not None:
                        candidates.append(ev)
        if not candidates:
            return answering
        self._score(question, candidates)
        usable = [ev for ev in candidates if ev.semantic >= self.t.min_semantic]
        if not usable:
            return answering
        best = max(usable, key=lambda ev: ev.score)
        best.score = max(best.score, pool[0].score)
        return [
            best,
            *(ev for ev in pool if ev.start != best.start or ev.article_id != best.article_id),
        ]

    def _with_reading(
        self,
        question: str,
        evidence: list[Evidence],
        answering: list[Evidence] | None,
        *,
        follow_up: bool = False,
    ) -> list[Evidence] | None:
        """A factoid nothing else answers, answered by the sentence of the article retrieval
        ranked first that reads best as its answer (``retrieval.reading``): the sentence most
        like a question is often the lead that restates it and holds nothing of what it asks,
        too unlike the question to pass the score floor, while the answer is deeper in, in
        other words, outside the chunks retrieval brought ("was shown in 140 countries at its
        height" for "in how many countries was Baywatch shown, according to the report on the
        show being voted worst TV import").

        A figure, a date, a day or a position only. The sentence answers when it reads well
        enough (``reading_answers``) and passes every check of an answering sentence but the
        score and coverage floors, which measure likeness to the question, not what it asks:
        its article names what the question names and holds its figures and verb (or the
        sentence holds what is asked beside the question's own noun for it); the sentence
        holds the kind of thing asked, speaks of the time asked, and is close to the question
        in meaning. ``answering`` is returned as it is when it answers."""
        slot = asked_slot(question)
        # Only what a sentence holds by its form (a figure, a date, a day, a position): a name
        # is read by its capitals, which every sentence of a story has ("Amit Yoran was
        # director of the National Cyber Security Division" for "who replaced Amit Yoran").
        if answering or slot is None or slot.kind not in _READ_BY_FORM or not evidence:
            return answering
        # The article retrieval ranked first (by its best chunk): a likeness of sentences
        # across articles is no measure of which article the question is about.
        top = max(evidence, key=lambda ev: ev.hit.score)
        read = self._read_article(question, slot, top, evidence)
        if not read:
            return None
        z, chosen = max(read.values(), key=lambda x: x[0])
        a = self.answerability(question, [chosen])
        # A figure or name beside the question's own noun for it ("eight top three hits" for
        # "how many top three hits had Busted scored") says what is asked, whatever verb the
        # article says it with.
        beside = plainest(slot) == 2 and slot_strength(chosen.text, question, slot) == 2
        refusal = self.refusal(
            replace(
                a,
                coverage=1.0,
                score=max(a.score, self.t.answerable_score),
                names=1.0 if a.names >= 1.0 else 0.0,
                predicate=a.predicate or beside,
            ),
            follow_up=follow_up,
        )
        log.debug("reading %r (refused): best %.2f %s %r", question, z, refusal, chosen.text[:80])
        if z < self.t.reading_answers or refusal is not None or not a.typed:
            return None
        return [chosen, *(ev for ev in evidence if ev.article_id == chosen.article_id)]

    def _read_article(
        self, question: str, slot: Slot, top: Evidence, evidence: list[Evidence]
    ) -> dict[int, tuple[float, Evidence]]:
        """Every sentence of ``top``'s article (within a stored chunk, so it can be cited) by
        its start, with how well it reads as the answer to ``question``
        (``retrieval.reading``); the sentences of ``evidence`` are those retrieval brought."""
        article = self._articles([top]).get(top.article_id)
        if article is None:
            return {}
        candidates: list[tuple[int, Evidence]] = []
        for i, sentence in enumerate(split_sentences(article.text)):
            if len(sentence.text) < 25 and sentence.start != top.start:
                continue
            ev = _sentence_evidence(article, sentence, top.hit.score)
            if ev is not None:
                candidates.append((i, ev))
        if len(candidates) < 2:
            return {}
        self._score(question, [ev for _, ev in candidates])
        try:
            weights = idf_weights(self.lexical.index(), question_terms(question))
        except Exception:
            weights = {}
        reading = read_question(question, weights, slot)
        spans = [(ev.hit.start, ev.hit.end) for ev in evidence if ev.article_id == top.article_id]
        read: dict[int, tuple[float, Evidence]] = {}
        for i, ev in candidates:
            features = sentence_features(
                reading,
                ev.text,
                semantic=ev.semantic,
                lead=i == 0,
                retrieved=any(a <= ev.start and ev.end <= b for a, b in spans),
            )
            read[ev.start] = (reading_score(features), ev)
        return read

    def _lead_article_sentences(
        self, question: str, lead: Evidence, holds: Callable[[str], bool]
    ) -> list[Evidence]:
        """The other sentences of ``lead``'s article (of 25 characters or more) that can speak
        of what ``question`` asks about (``speaks_of_what_is_asked``, as the typed candidates
        are filtered) and hold what is asked by ``holds``, as evidence scored as the lead's hit:
        the candidates of the holder steps (``_with_typed_holder``, ``_with_class_holder``)."""
        article = self._articles([lead]).get(lead.article_id)
        if article is None:
            return []
        sentences = [
            s
            for s in split_sentences(article.text)
            if s.start != lead.start
            and len(s.text) >= 25
            and speaks_of_what_is_asked(s.text, question)
        ]
        preparse([s.text for s in sentences])  # one batch; ``holds`` reuses the parses
        return [
            ev
            for s in sentences
            if holds(s.text) and (ev := _sentence_evidence(article, s, lead.hit.score)) is not None
        ]

    def _with_typed_holder(self, question: str, answering: list[Evidence]) -> list[Evidence]:
        """``answering`` led by the sentence of its lead's article that holds a thing of the
        kind asked for (a person for "who is the new chief executive", a place for "where",
        a date for "when", by the parser's entity types) when the lead holds none that the
        question does not already give. A lead that restates the question ("a Home Office
        minister has said") or names other things ("mines across Nottinghamshire") does not
        answer; the article's sentence that names one and is closest to the question does.
        """
        slot = asked_slot(question)
        types = asked_types(question, slot)
        lead = answering[0]
        # "What illness", "what composition": a thing of a class the question names by its
        # noun; the sentence that answers names the class and a thing of it ("a long illness
        # diagnosed as Alzheimer's").
        noun = class_noun(question) if slot is None else None
        if noun is not None:
            types = NAMED_TYPES
        if types is None or (
            new_entities(lead.text, question, types)
            and (noun is None or holds_noun(lead.text, frozenset({noun})))
        ):
            return answering
        candidates = self._lead_article_sentences(
            question,
            lead,
            lambda text: (
                (noun is None or holds_noun(text, frozenset({noun})))
                and bool(new_entities(text, question, types))
            ),
        )
        if not candidates:
            return answering
        self._score(question, candidates)
        best = max(candidates, key=lambda ev: ev.score)
        best.score = max(best.score, lead.score)  # it answers more directly than the lead
        return [best, *answering]

    def _with_class_holder(self, question: str, answering: list[Evidence]) -> list[Evidence]:
        """``answering`` led by the sentence of its lead's article that names a thing as one of the
        class the question asks for ("the story of singer Bobby Darin" for "which 1950s
        crooner", "led by new chief executive Gerry Spindler", "the Xiluodu Dam" for "which
        dam"), when the lead names none so: a lead that restates the question may hold a name
        of the type asked that is of another class ("Hollywood stars Kevin Spacey and Kate
        Bosworth attended the premiere"). The sentence must be close to the question in meaning
        (``class_semantic``); the lead follows as its context. Name questions only: a figure, a
        date or a place is read by its own steps."""
        slot = asked_slot(question)
        types = asked_types(question, slot)
        if types is None and slot is None and asked_phrase(question):
            types = NAMED_TYPES  # "which auction house is selling ...": a named thing
        if types is None or (slot is not None and slot.kind != "name"):
            return answering  # a figure, a date, a place: their own steps read them
        noun = asked_class(question)
        if noun is None:
            return answering
        if names_a_person(noun):
            types = frozenset({"PERSON"})  # "which fourth official": not "Chelsea officials"
        lead = answering[0]
        if class_entities(lead.text, question, types, noun):
            return answering
        candidates = self._lead_article_sentences(
            question, lead, lambda text: bool(class_entities(text, question, types, noun))
        )
        if not candidates:
            return answering
        self._score(question, candidates)
        usable = [ev for ev in candidates if ev.semantic >= self.t.class_semantic]
        if not usable:
            return answering
        best = max(usable, key=lambda ev: ev.score)
        best.score = max(best.score, lead.score)  # it answers more directly than the lead
        return [
            best,
            *(ev for ev in answering if ev.start != best.start or ev.article_id != best.article_id),
        ]

    def _with_list(
        self, question: str, evidence: list[Evidence], answering: list[Evidence] | None
    ) -> list[Evidence] | None:
        """A list question's evidence with the sentences that list what it asks for.

        A list is answered by a sentence that enumerates things ("Defenders Danny Gabbidon and
        Gareth Roberts, plus Ryan Giggs have hamstring concerns"), in an article that names
        everything the question names, close to the question in meaning or giving as many
        things as it counts ("which four Abba members": "the four, Bjorn Ulvaeus, ..."). It
        bears on the question plainly when it says the question's verb, names its noun, says
        its count or lists three or more. The sentence that ranked first often only restates
        the question ("Wales have a clutch of injury worries"), so the top evidence's articles
        are read for such sentences: one that bears plainly leads (and answers, whatever its
        score: it holds what is asked); others follow the lead.
        """
        count = asked_count(question)
        least = count or 2
        found_in = self._sentences_like(
            question, evidence, answering, lambda text: listed(text, question) >= least
        )
        head = list_head(question)
        verb = asked_predicate(question) is not None

        def plainly(ev: Evidence) -> int:
            own = {stem(w) for w in words(ev.text)}
            n = listed(ev.text, question)
            return (
                (head is not None and head in own)
                + (verb and holds_predicate(ev.text, question))
                + (count is not None and (says_count(ev.text, count) or n == count))
                + (n >= 3)
            )

        lead_article = (answering or evidence)[0].article_id if (answering or evidence) else None

        def usable(ev: Evidence) -> bool:
            a = self.answerability(question, [ev])
            if a.names < 1.0 or not a.figures or not a.timely or a.denies:
                return False
            exact = count is not None and listed(ev.text, question) == count
            # A sentence of the lead's own article that lists three or more things beside the
            # question's noun (or verb) needs no closeness of its own: its article is about
            # the question ("Third generation mobiles, the digital home and broadband are key
            # themes at the show").
            own = ev.article_id == lead_article and plainly(ev) >= 2
            return a.semantic >= self.t.min_semantic or exact or own

        found = sorted(
            (ev for ev in found_in if usable(ev)), key=lambda ev: (-plainly(ev), -ev.score)
        )
        if not found:
            return answering
        best = found[0]
        if answering is None:
            if not plainly(best):
                return None
            return [best, *(ev for ev in evidence if ev is not best)]
        lead = answering[0]
        added = [ev for ev in found[:2] if ev is not lead]
        for ev in added:
            ev.score = max(ev.score, lead.score)  # kept beside the lead in the answer
        first = [best, lead] if plainly(best) and best is not lead else [lead]
        return [*first, *(ev for ev in added if ev not in first)] + [
            ev for ev in answering[1:] if ev not in added
        ]

    def _sentences_like(
        self,
        question: str,
        evidence: list[Evidence],
        answering: list[Evidence] | None,
        keep: Callable[[str], bool],
    ) -> list[Evidence]:
        """The evidence sentences that ``keep`` accepts, and those of the top evidence's
        articles (inside a stored chunk, so they can be cited), scored against the question."""
        pool = answering or evidence
        # The first evidence of each of the top articles (its version is the one to read).
        first: dict[str, Evidence] = {}
        for ev in pool[: self.t.typed_candidates]:
            first.setdefault(ev.article_id, ev)
        article_ids = list(first)[: self.t.candidates]
        candidates = [ev for ev in evidence if keep(ev.text)]
        held = {(ev.article_id, ev.start) for ev in candidates}
        fresh: list[Evidence] = []
        read = self._articles([first[a] for a in article_ids])
        for article_id in article_ids:
            article = read.get(article_id)
            if article is None:
                continue
            for sentence in split_sentences(article.text):
                if (article_id, sentence.start) in held or not keep(sentence.text):
                    continue
                said = _sentence_evidence(article, sentence, 0.0)
                if said is not None:
                    fresh.append(said)
        if fresh:
            self._score(question, fresh)
        return [*candidates, *fresh]

    def _with_change(
        self, question: str, evidence: list[Evidence], answering: list[Evidence] | None
    ) -> list[Evidence] | None:
        """A change-over-time question's evidence led by the sentence that tells both states.

        "How did X do in 2004 compared with the year before" is answered by the sentence that
        gives the thing at both times ("rose by 2% in 2004, after a 31% decline in 2003"),
        not by the lead that says only that it changed ("started to grow in 2004"). Such a
        sentence of the top evidence's articles, in an article naming everything the question
        names and close to it in meaning, leads; the lead follows it. With no answering
        evidence the question stays unanswered: this orders what answers, it does not decide.
        """
        if answering is None:
            told = self._change_told(question, evidence)
            return None if told is None else [told]
        lead = answering[0]
        have = states_told(lead.text)
        if have == 2:
            return answering

        def usable(ev: Evidence) -> bool:
            a = self.answerability(question, [ev])
            if a.names < 1.0 or not a.figures or not a.timely or a.denies:
                return False
            # A sentence of the lead's own article that gives both states needs no closeness
            # of its own ("The 35-year-old was beaten into fourth at last year's event, having
            # won it a year earlier"): its article is about the question.
            own = ev.article_id == lead.article_id and states_told(ev.text) == 2
            return a.semantic >= self.t.min_semantic or own

        found = sorted(
            (
                ev
                for ev in self._sentences_like(
                    question, evidence, answering, lambda text: states_told(text) > have
                )
                if ev is not lead and usable(ev)
            ),
            key=lambda ev: (-states_told(ev.text), -ev.score),
        )
        if not found:
            return answering
        best = found[0]
        best.score = max(best.score, lead.score)  # kept beside the lead in the answer
        return [best, lead, *(ev for ev in answering[1:] if ev is not best)]

    def _change_told(self, question: str, evidence: list[Evidence]) -> Evidence | None:
        """Where no evidence answers a change-over-time question as asked, the sentence of a
        top article that gives both states of the thing asked: two figures of one unit with a
        move or an earlier time between them ("cut its debt back to £160m from £610m a year
        earlier" for "how did Reuters' debt change over 2004"). Its article names every name
        the question gives and holds every figure it gives; the sentence holds a word of the
        question that is no name, no time and no word of change (the thing that changed). Of
        such sentences, the one scored highest against the question."""
        names = set(named_terms(question))
        thing = {
            t
            for t in question_terms(_TIME_OR_CHANGE.sub(" ", question))
            if t not in names and not t[:1].isdigit()
        }
        if not thing:
            return None

        def both_states(text: str) -> bool:
            if states_told(text) < 2:
                return False
            units = [f.unit for f in figures_in(text)]
            return any(units.count(u) >= 2 for u in set(units))

        best: Evidence | None = None
        for ev in self._sentences_like(question, evidence, None, both_states):
            if not thing & set(content_terms(ev.text)):
                continue
            a = self.answerability(question, [ev])
            if a.names < 1.0 or not a.figures or a.denies:
                continue
            if best is None or ev.score > best.score:
                best = ev
        return best

    def passes(self, a: Answerability, *, follow_up: bool = False) -> bool:
        return self.refusal(a, follow_up=follow_up) is None

    def refusal(self, a: Answerability, *, follow_up: bool = False) -> str | None:
        """The first check a sentence fails to answer by (its name, as the debug log gives
        it), or None when it passes them all."""
        t = self.t
        if a.n_terms == 0:
            return "no_terms"
        if a.semantic < (t.min_semantic if a.n_terms > 1 or follow_up else t.single_term_semantic):
            # "Tell me a joke": one matched word proves nothing, unless the conversation
            # already says what the question is about ("and how many prisoners?").
            return "semantic"
        if a.coverage < t.answerable_coverage:
            return "coverage"
        if a.score < t.answerable_score and not (a.plain and _PLAIN_SUFFICES.get()):
            return "score"
        if a.names < t.names_coverage:
            return "names"
        if not a.timely:
            return "timely"  # another year's figure, or a forecast for a result
        if a.denies:
            return "denies"  # "neither Harry nor Voldemort" does not say who
        if t.require_figures and not a.figures:
            return "figures"  # "revenue in 2005" is not answered by the revenue in 2004
        if t.require_type and not a.typed and (a.formless or a.score < t.score_without_type):
            return "type"  # "how much" wants a figure, "when" a date
        if not (a.predicate or a.score >= t.score_without_predicate):
            return "predicate"
        return None

    def _article_text(self, ev: Evidence) -> str:
        text = self._texts.get(_version(ev))
        if text is None:
            self._read_texts([ev])
            text = self._texts.get(_version(ev))
        return text or ev.hit.text

    def _read_texts(self, evidence: Sequence[Evidence]) -> None:
        """Read the texts of the articles behind ``evidence`` that are not known yet, in one
        store read. A version's text never changes, so each is read once (the memory is
        bounded: it starts afresh past 512 versions)."""
        wanted = {_version(ev): ev.article_id for ev in evidence if _version(ev) not in self._texts}
        if not wanted:
            return
        # Whole articles (their chunks' spans too), so that a list or a change read from the
        # same articles' sentences (_sentences_like) does not read them again.
        got = self._articles_read(list(dict.fromkeys(wanted.values())))
        if got is None:
            log.warning("could not read articles %s; judging from chunks", wanted)
            return
        if len(self._texts) > 512:
            self._texts.clear()
        for version, article_id in wanted.items():
            if article_id in got and got[article_id].text:
                self._texts[version] = got[article_id].text

    # ------------------------------------------------------------------ writing

    def _compose(
        self,
        question: str,
        evidence: list[Evidence],
        as_of: date | None,
        on_partial: Callable[[str], None] | None,
        *,
        many: bool = False,
    ) -> tuple[list[Evidence | tuple[str, Evidence]], str, list[str]]:
        """Sentences of the answer, each with the evidence it rests on."""
        pool = evidence[: self.t.model_evidence]
        if self.chat_model is None:
            chosen = self._extractive(evidence, many=many)
            self._emit(on_partial, chosen)
            return list(chosen), "extractive", []
        if self._job() == "compress":
            return self._compressed(question, evidence, on_partial, many=many)
        try:
            claims = self._generate(question, pool, as_of, on_partial)
        except Exception as exc:
            log.warning("the chat model failed (%s); answering extractively", type(exc).__name__)
            chosen = self._extractive(evidence)
            self._emit(on_partial, chosen)
            return (
                list(chosen),
                f"extractive (fallback from {self.model_name})",
                ["The language model was unavailable, so this answer quotes the sources directly."],
            )
        if claims is None:  # the model said the sources do not answer
            if evidence[0].score >= self.t.model_trust_score:
                chosen = self._extractive(evidence)
                return (
                    list(chosen),
                    f"extractive (fallback from {self.model_name})",
                    # The engine judged the evidence to answer: the note must not deny it.
                    ["The language model did not word this answer, so it quotes the sources."],
                )
            return [], self.model_name, []
        verified = self._verify(question, claims, pool)
        if not any(isinstance(item, tuple) for item in verified):  # no model sentence held
            chosen = self._extractive(evidence)
            return (
                list(chosen),
                f"extractive (fallback from {self.model_name})",
                ["The model's answer did not match its sources, so this answer quotes them."],
            )
        return verified, self.model_name, []

    def _job(self) -> Literal["answer", "compress"]:
        if self.t.model_job is not None:
            return self.t.model_job
        return "compress" if isinstance(self.chat_model, LocalGGUFChat) else "answer"

    def _compressed(
        self,
        question: str,
        evidence: list[Evidence],
        on_partial: Callable[[str], None] | None,
        *,
        many: bool,
    ) -> tuple[list[Evidence | tuple[str, Evidence]], str, list[str]]:
        """The sentences the engine chooses, the leading one in the model's shorter words when
        the verifier finds them supported by it and they still hold what was asked."""
        chosen = self._extractive(evidence, many=many)
        lead = chosen[0]
        try:
            claim = self._compress(question, lead)
        except Exception as exc:
            log.warning("the chat model failed (%s); answering extractively", type(exc).__name__)
            self._emit(on_partial, chosen)
            return (
                list(chosen),
                f"extractive (fallback from {self.model_name})",
                ["The language model was unavailable, so this answer quotes the sources directly."],
            )
        kept = self._verify(question, [(claim, [1])], [lead]) if claim else []
        slot = asked_slot(question)
        worded = next((item for item in kept if isinstance(item, tuple)), None)
        if worded is not None and slot_strength(worded[0], question, slot) < slot_strength(
            lead.text, question, slot
        ):
            worded = None  # shorter, but no longer says plainly what was asked
        if worded is None:
            self._emit(on_partial, chosen)
            return (
                list(chosen),
                f"extractive (fallback from {self.model_name})",
                ["The model's answer did not match its sources, so this answer quotes them."],
            )
        said: list[Evidence | tuple[str, Evidence]] = [worded, *chosen[1:]]
        self._emit(on_partial, said)
        return said, self.model_name, []

    def _compress(self, question: str, ev: Evidence) -> str | None:
        """The model's one-sentence answer made from the evidence sentence ``ev`` alone, its
        meta-text cut off; None when it wrote nothing about the news."""
        assert self.chat_model is not None
        sentence = _fence(ev.text)
        messages = _compress_messages(sentence, question)
        limit: dict[str, Any] = {"max_tokens": self.t.compress_max_tokens}
        if isinstance(self.chat_model, LocalGGUFChat) and self.t.compress_words_only:
            # Held to the sentence's words, room for all of them (a copy is allowed).
            limit = {"max_tokens": 16 + 2 * len(sentence.split()), "shorten": sentence}
        text = str(self.chat_model.invoke(messages, **limit).content)
        if says_not_found(text) or not text.rstrip().endswith((".", "!", "?", '"', "”")):
            return None  # a refusal, or a sentence cut off by the token limit
        claims = model_claims(text, [ev.hit.source or ""])
        if not claims:
            return None
        claim = claims[0][0]
        if claim.rstrip("\"'”’ ").endswith("?"):
            return None  # the question asked back ("By how much did ...?"): no answer
        # The sentence with words left out: they must be whole phrases. The verifier finds every
        # word still in the sentence and passes "According to Gerasimov, Ukraine seized about
        # 1,100 square kilometers ..." cut from "... Russian forces have reclaimed about 1,100
        # square kilometers ... - most of the land Ukraine seized ...".
        doc = parse(sentence)
        # Commas aside: a phrase left out may leave its comma on the word before it ("430
        # Ukrainian soldiers in the region, while" -> "430 Ukrainian soldiers, while").
        kept = kept_words(Shortening(_commas_off(sentence)), _commas_off(claim))
        if kept is None and self._own_words_only():
            return None  # reworded, by a model whose rewordings the checks cannot be trusted on
        if kept is not None and not prunes_whole_phrases(doc, sentence, kept):
            return None
        # Every figure and name of the sentence kept, none added (retrieval.shortening).
        if not carries_every_fact(doc, claim):
            return None
        return claim

    def _own_words_only(self) -> bool:
        """Whether a shortening must be its sentence's own words (``t.compress_own_words``)."""
        if self.t.compress_own_words is not None:
            return self.t.compress_own_words
        return isinstance(self.chat_model, LocalGGUFChat)

    def warm_up(self) -> None:
        """Have a local model read the compress prompt's fixed part (instructions and worked
        examples, ~375 tokens) now: llama.cpp keeps it evaluated from one call to the next, so
        the first answer then reads only its own sentence and question (~80 tokens)."""
        if not isinstance(self.chat_model, LocalGGUFChat) or self._job() != "compress":
            return
        try:
            self.chat_model.invoke(_compress_messages("", ""), max_tokens=1)
        except Exception as exc:
            log.warning("the local model could not be warmed up (%s)", type(exc).__name__)

    def _extractive(self, evidence: list[Evidence], *, many: bool = False) -> list[Evidence]:
        best = evidence[0]
        chosen = [best]
        limit = self.t.list_sentences if many else self.t.max_sentences
        for ev in evidence[1 : limit * 2]:
            if ev.score < self.t.extra_sentence_ratio * best.score:
                break
            if any(_redundant(ev, c) for c in chosen):
                continue
            chosen.append(ev)
            if len(chosen) == limit:
                break
        # Newer reports first where two sources speak to the same point.
        chosen.sort(key=lambda e: -(e.published or date.min).toordinal()) if len(
            {e.article_id for e in chosen}
        ) > 1 else None
        return chosen

    def _generate(
        self,
        question: str,
        pool: list[Evidence],
        as_of: date | None,
        on_partial: Callable[[str], None] | None,
    ) -> list[tuple[str, list[int]]] | None:
        assert self.chat_model is not None
        blocks = []
        for i, ev in enumerate(pool, 1):
            about = ", ".join(
                x for x in (ev.hit.source, ev.published and ev.published.isoformat()) if x
            )
            blocks.append(f"[{i}] {'(' + about + ') ' if about else ''}{_fence(ev.text)}")
        today = (as_of or date.today()).isoformat()
        system, user = load_prompt("answer").render(
            max_sentences="3", today=today, evidence="\n".join(blocks), question=question
        )
        messages = [SystemMessage(system), HumanMessage(user)]
        sources = [ev.hit.source or "" for ev in pool]
        if on_partial is None:
            text = str(self.chat_model.invoke(messages, max_tokens=self.t.model_max_tokens).content)
        else:
            # Show progress as the model writes, but only sentences that already passed the
            # checks: nothing unverified reaches a person, even in passing.
            parts: list[str] = []
            shown = 0
            for chunk in self.chat_model.stream(messages, max_tokens=self.t.model_max_tokens):
                parts.append(str(chunk.content))
                if not re.search(r"[.!?]", parts[-1]):
                    continue
                done = model_claims("".join(parts), sources)[:-1]  # the last may still grow
                if len(done) > shown:
                    shown = len(done)
                    checked = self._verify(question, done, pool)
                    if checked:
                        on_partial(
                            " ".join(
                                f"{item[0] if isinstance(item, tuple) else item.text}"
                                for item in checked
                            )
                        )
            text = "".join(parts)
        if not text.strip():
            raise ValueError("empty output from the chat model")
        if says_not_found(text):
            return None
        return model_claims(text, sources)

    def _verify(
        self, question: str, claims: list[tuple[str, list[int]]], pool: list[Evidence]
    ) -> list[Evidence | tuple[str, Evidence]]:
        """Keep claims their cited passage supports; swap garbled ones for the evidence."""
        if not claims:
            return []
        vectors = self.embedder.encode([c for c, _ in claims])
        slot = asked_slot(question)
        out: list[Evidence | tuple[str, Evidence]] = []
        used: set[int] = set()
        for (claim, cited), vec in zip(claims, vectors, strict=True):
            candidates = [pool[n - 1] for n in cited if 1 <= n <= len(pool)] or pool
            checks = [(check_claim(claim, vec, ev), ev) for ev in candidates]
            supported = [(s, ev) for s, ev in checks if s.supported]
            if supported:
                _, ev = max(supported, key=lambda p: p[0].lexical + p[0].semantic)
                if words(claim) == words(ev.text):
                    claim = ev.text  # the passage word for word: quoted as it is written
                if holds_slot(ev.text, question, slot) and not holds_slot(claim, question, slot):
                    # The model left out what was asked ("The original name of Yahoo was
                    # Yahoo"): its passage, which holds it, is said instead.
                    if id(ev) not in used:
                        out.append(ev)
                        used.add(id(ev))
                    continue
                out.append((claim, ev))
                used.add(id(ev))
                continue
            # Garbled: the evidence it most resembles stands in, if it bears on the question.
            s, ev = max(checks, key=lambda p: p[0].lexical + p[0].semantic)
            if s.semantic >= 0.5 and id(ev) not in used and ev.score >= 0.8 * pool[0].score:
                out.append(ev)
                used.add(id(ev))
        return out

    @staticmethod
    def _emit(
        on_partial: Callable[[str], None] | None,
        chosen: Sequence[Evidence | tuple[str, Evidence]],
    ) -> None:
        if on_partial is not None and chosen:
            texts = [item[0] if isinstance(item, tuple) else item.text for item in chosen]
            on_partial(" ".join(f"{defuse_markers(t)} [{i}]" for i, t in enumerate(texts, 1)))

    # ------------------------------------------------------------------ results

    def _finish(
        self, question: str, plan: QuestionPlan, draft: Draft, max_chars: int | None
    ) -> Answer:
        """Number the citations, mark where sources disagree, and word the answer."""
        if not draft.said:
            return self._not_found(question, plan, draft)
        citations: list[Citation] = []
        numbers: dict[tuple[str, int, int], int] = {}
        points: list[AnswerPoint] = []
        earlier: list[Evidence] = []
        for item in draft.said:
            ev = item.ev
            key = (ev.article_id, ev.start, ev.end)
            if key not in numbers:
                numbers[key] = len(numbers) + 1
                citations.append(ev.citation(numbers[key]))
            disagrees = any(_disagree(ev, other) for other in earlier)
            earlier.append(ev)
            points.append(
                AnswerPoint(
                    text=item.text,
                    citations=[numbers[key]],
                    wording=item.wording,
                    disagrees=disagrees,
                    source=ev.hit.source,
                    published=ev.published,
                    part=item.part,
                )
            )
        dates = [ev.published for ev in earlier if ev.published]
        as_of = max(dates) if dates else None
        comparison = None
        if draft.compared is not None:
            relation, sides = draft.compared
            comparison = Comparison(
                relation=relation,
                figures=[
                    ComparedFigure(
                        alternative=alternative,
                        figure=figure,
                        citation=numbers[(ev.article_id, ev.start, ev.end)],
                    )
                    for alternative, ev, figure in sides
                ],
                word=comparative_asked(_ages_outside_sides(question), relation),
            )
        text, fitted = answer_text(
            points,
            as_of=as_of,
            unanswered=draft.unanswered,
            max_chars=max_chars,
            comparison=comparison,
        )
        points = points[:fitted]
        used = {n for p in points for n in p.citations}
        if comparison is not None:
            used |= {f.citation for f in comparison.figures}
        return Answer(
            question=question,
            status="answered",
            answer=text,
            citations=[c for c in citations if c.n in used],
            model=draft.model,
            notes=draft.notes,
            plan=plan,
            points=points,
            as_of=as_of,
            unanswered=draft.unanswered,
            comparison=comparison,
        )

    def _not_found(self, question: str, plan: QuestionPlan, draft: Draft) -> Answer:
        closest: list[Citation] = []
        seen: set[str] = set()
        for ev in draft.closest:
            if ev.article_id in seen:
                continue
            seen.add(ev.article_id)
            closest.append(ev.citation(len(closest) + 1))
            if len(closest) == 3:
                break
        return Answer(
            question=question,
            status="not_found",
            answer=not_found_text(bool(closest)),
            citations=closest,
            model=draft.model,
            notes=draft.notes,
            plan=plan,
            unanswered=draft.unanswered,
        )


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Whether a sentence that holds what is asked plainly answers below ``answerable_score``: not
# for the sides of a comparison (``AnswerEngine.ask``).
# The kinds of thing asked that a sentence holds by its form, which the article read whole
# may answer (``AnswerEngine._with_reading``).
_READ_BY_FORM = frozenset({"number", "date", "day", "position"})
_PLAIN_SUFFICES: ContextVar[bool] = ContextVar("plain_suffices", default=True)
# How far down a part's evidence its own sentence is looked for (``AnswerEngine._bearing``).
_BEARING_CANDIDATES = 5
_COURTESY = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Mr.", "Mrs.", "Ms.", "Dr."})
_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+(?P<surname>[A-Z][\w'’-]+)")
_IN_PLACE = re.compile(r"\b[Ii]n (?:the )?([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*)")
# The parser's entity labels of a figure and of a date, the things a slot asks for.
_FILLER_LABELS = {
    "number": frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}),
    "date": frozenset({"DATE"}),
}
_AIM_STEMS = frozenset(stem(w) for w in lx.AIM_VERBS)
# Modals: a figure told under one is a possibility ("can win 27 seats"), not what happened.
_MODALS = frozenset("will would can could may might shall 'll wo".split())
# A modal negated in a contraction: spaCy splits "can't" into "ca" + "n't", "shouldn't" into
# "should" + "n't", "shan't" into "sha" + "n't"; words() keeps "can't", "won't" whole.
_MODALS_BEFORE_NT = frozenset("ca wo sha should".split())
_MODAL_WORDS = _MODALS | frozenset(
    "can't won't couldn't wouldn't shouldn't shan't mightn't mayn't".split()
)


# "Which party won", "which team has he joined": the noun asked for is the doer of a deed done
# or what it was done to; not a place or a time around it ("at which ground did A beat B",
# "which club might Wales train with, ..."), not a deed under a modal ("which firm could get
# back into the running"), not "what is the name of" / "what was X called", which ask what a
# thing is named.
_ASKS_DOER_OR_DONE_TO = re.compile(
    r"^\s*which\s(?!.*\b(?:might|could|would|will|may|should|can|shall)\b)"
    r"(?!.*\b(?:for|to|from|at|in|on|with|by|of|into|against)\s*[?,])",
    re.IGNORECASE,
)


def _told_in_its_own_form(slot: Slot) -> bool:
    """Whether what ``slot`` asks for is told in a form that says of what it is: a match's
    score, a person's age, a length of time or a time ("his first goal in 16 months"), a
    figure beside the thing counted, a place in an order, a name beside the noun asked for.
    Not any figure, date or name, and not a sum or a share: a story gives many of those, of
    many things ("about $200bn in foreign reserves" for the money a government set aside)."""
    if slot.kind == "number":
        return slot.score or slot.age or slot.span or slot.time or plainest(slot) == 2
    return slot.kind == "position" or (slot.kind == "name" and plainest(slot) == 2)


def _is_modal(token: Any) -> bool:
    """Whether a parsed token is a modal: "will", "can", or the first half of a negated one
    ("ca" of "can't", "should" of "shouldn't")."""
    if token.lower_ in _MODALS:
        return True
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return (
        token.lower_ in _MODALS_BEFORE_NT
        and after is not None
        and after.lower_.replace("\u2019", "'") == "n't"
    )


def _asks_modal(question: str) -> bool:
    """Whether the question's words hold a modal, a contracted one too ("how many can't ...")."""
    return any(w.replace("\u2019", "'") in _MODAL_WORDS for w in words(question))


# Nouns of an aim or an expectation: "the goal is to ship 5 million" is no count of sales.
_AIM_NOUNS = frozenset(
    "aim goal target plan ambition objective intention hope forecast estimate projection "
    "expectation prediction".split()
)
# Titles before a name: "Mr Campbell" is Alastair Campbell, not another Campbell.
_TITLES = frozenset("mr mrs ms miss dr sir lord lady dame prof professor".split())
_MONTH = re.compile(
    r"\b(January|February|March|April|June|July|August|September|October|November|December)\b"
)
_SINCE_MONTH = re.compile(r"\bsince\s+(?:\w+\s+)?[A-Z][a-z]+\b")
# A year after "since" is where a span starts ("the lowest since February 2003"): the sentence
# still speaks of its own time.
_SINCE_YEAR = re.compile(r"\bsince\b[^.;,]*?\b((?:19|20)\d\d)\b")
_FORECAST = re.compile(
    r"\b(?:forecasts?|forecast(?:ed|ing)?|predict(?:s|ed|ing|ion|ions)?|projected|"
    r"expect(?:s|ed|ing)? (?:to|that)|(?:is|are|was|were) (?:set|tipped|likely|due) to)\b",
    re.IGNORECASE,
)
_ASKS_FORECAST = re.compile(
    r"\b(?:expect\w*|forecast\w*|predict\w*|project\w*|tipped|likely|set to|will|going to|"
    r"plan\w*|due to)\b",
    re.IGNORECASE,
)
# The length of time a figure is counted over, where a question or a sentence names one: a
# company's "full-year" profit is not its "three months to December" profit. (Not "year on
# year", "a year earlier": those name what a figure is compared with.)
_PERIODS = {
    "year": re.compile(
        r"\b(?:full|whole|financial|fiscal|calendar)[ -]year\b|\bannual\b|"
        r"\b(?:for|over|during) the year\b|\blast year\b",
        re.IGNORECASE,
    ),
    "quarter": re.compile(
        r"\b(?:first|second|third|fourth|final|last|latest|next|previous|this|the) quarter\b|"
        r"\bquarterly\b|\bthree months\b",
        re.IGNORECASE,
    ),
    "half": re.compile(
        r"\b(?:first|second) half\b|\bhalf[- ]year(?:ly)?\b|\bsix months\b", re.IGNORECASE
    ),
}
# Words of what is yet to happen, and of what has been done (for ``only_ahead``).
_AHEAD = frozenset("will won't shall can cannot could may might 'll".split())
_BE_TO = frozenset("is are plans plan hopes hope aims aim wants want intends intend".split())
_SAYING = frozenset(
    """said told added announced reported claimed confirmed explained insisted warned stated
    revealed suggested argued believed expected scheduled""".split()
)
_BEFORE_PARTICIPLE = frozenset("will would be been being to can could may might get".split())
_PAST = frozenset(
    """was were had did won lost beat came went took made gave got rose fell grew sold bought
    paid led left began became ran saw found held kept met chose spent sent built broke drew
    struck shot wrote threw fought caught brought thought won""".split()
)
# "Did A beat B", "has the board decided", "what did the court rule": the event itself is asked
# (not "what did X say", whose event is the saying, nor "which injury had kept him out").
_ASKS_OUTCOME = re.compile(r"^\s*(?:what\s+)?(?:did|has|have|had)\b", re.IGNORECASE)
# "Was X found guilty?", "Were the plans approved?": a yes-or-no question about an outcome.
_ASKS_PASSIVE_OUTCOME = re.compile(r"^\s*(?:was|were)\b", re.IGNORECASE)
_OUTCOME_HELPERS = frozenset("did has have had".split())
# A verb under these has not happened (yet): a modal, a future, an infinitive, a progressive.
_NOT_DONE_HELPERS = frozenset(
    "will would shall should can could may might must to is are am be being 'll".split()
)
_PRESENT_BE = frozenset("is are am".split())
_LIGHT_OUTCOME = frozenset("do happen have get make take go come be".split())
_SAYING_ASKED = re.compile(
    r"\b(?:say|said|tell|told|claim|announce|describe|call|think|believe|argue|admit|warn)\b",
    re.IGNORECASE,
)
_ASKS_WHAT_HAPPENED = re.compile(
    r"\b(?:did|was|were|had)\b.*\b[a-z]+(?:ed|ew|ose|ell|on|ame|old|ought|ound|ent)\b|"
    r"\b(?:did|actually|in the end|finally)\b",
    re.IGNORECASE,
)


def _own_words(asked: str) -> str:
    """A part without the names carried into it from the first part ("How many people did it
    kill? (Mahmoud Abbas, Tel Aviv)"): those say which story, not what the part asks."""
    return re.sub(r"\?\s*\([^()]*\)\s*$", "?", asked.strip())


def _says_part_words(asked: str, ev: Evidence, others: Sequence[str]) -> bool:
    """Whether ``ev`` says a word that this part asks and the other parts do not, other than a
    name ("media adapter", "available" in "when will Nintendo's DS media adapter be available
    in Japan" beside "when did the DS go on sale there"): a name the other parts leave out is
    still the story's ("Japan"), while the words the part asks of it are its own."""
    own = _own_words(asked)
    story = {t for other in others for t in content_terms(other)}
    names = {stem(w.lower()) for run in names_in(own) for w in run.split()}
    words = [t for t in content_terms(own) if t not in story and t not in names]
    held = set(content_terms(ev.text))
    return any(terms_match(t, held) for t in words)


def _subject_coverage(terms: list[str], haystack: set[str]) -> float:
    """Share of a briefing's subject terms an article holds: each as written or with an ending
    ("Kursk" in "Kursk's"), not as a shorter word it begins with ("chat" does not hold
    "ChatGPT": the subject is a name, and a name is not the word it starts with)."""
    if not terms:
        return 0.0
    found = sum(
        t in haystack or (len(t) >= 4 and any(c.startswith(t) for c in haystack)) for t in terms
    )
    return found / len(terms)


def _asks_name(question: str) -> bool:
    slot = asked_slot(question)
    return slot is not None and slot.kind == "name"


def _side_terms(alternatives: list[str]) -> list[list[str]]:
    """The words naming each side of a comparison and not the others ("car", "sales" for
    "French car sales" beside "French consumer prices")."""
    named = [
        [w for w in re.findall(r"[a-z]+", a.lower()) if len(w) > 2 and w not in STOPWORDS]
        for a in alternatives
    ]
    sides = []
    for i, terms in enumerate(named):
        others = {w for j, ws in enumerate(named) if j != i for w in ws}
        sides.append([w for w in terms if w not in others] or terms)
    return sides


def _side_figure(
    answerings: list[list[Evidence]],
    terms: list[str],
    used: set[tuple[str, int]],
    given: set[float],
    units: set[str] | None = None,
    *,
    thing: str | None = None,
    others: Sequence[list[str]] = (),
) -> Evidence | None:
    """The first of a side's answering sentences (in the order its ways found them) that names
    the side and gives a figure the question does not (in one of ``units``, if given; of the
    ``thing`` compared, if given: "5,000 jobs"), and that no earlier part said. The figure is
    the side's own: nearer the side's words than the words of any ``others`` side the sentence
    names ("The Aviator ... leads with 11 nominations, while other nominees include Million
    Dollar Baby" gives no figure of Million Dollar Baby)."""
    for way in answerings:
        for ev in way[:5]:
            if (ev.article_id, ev.start) in used:
                continue
            held = set(content_terms(ev.text))
            if not all(terms_match(stem(w), held) for w in terms):
                continue
            if any(
                f.value not in given
                and (units is None or f.unit in units)
                and (thing is None or _counts(f.text, thing))
                and _figure_of_side(ev.text, f, terms, others)
                for f in figures_in(ev.text)
            ):
                return ev
    return None


def _capitalised(alternative: str) -> list[str]:
    """The lower-cased capitalised words of a side, no stopword ("the" of "The Aviator")."""
    return [w.lower() for w in re.findall(r"\b[A-Z]\w*", alternative) if w.lower() not in STOPWORDS]


def _figure_of_side(
    sentence: str, figure: Figure, terms: list[str], others: Sequence[list[str]]
) -> bool:
    """Whether ``figure`` stands nearer (as ``side_distance`` reads it: clause breaks count)
    the words naming its side than the names of any other side (``others``); True where the
    sentence names no other side."""
    lowered = sentence.lower()
    spots = side_spots(terms, lowered)
    if not spots:
        return True  # the side is named by a word ``side_spots`` does not see: not judged
    own = min(side_distance(sentence, figure, s) for s in spots)
    for other in others:
        their = side_spots([t for t in other if t not in terms], lowered)
        if their and min(side_distance(sentence, figure, s) for s in their) < own:
            return False
    return True


_SUMS = frozenset({"%", "$", "£", "€"})
# The words of a change-over-time question that say when or that something changed, not what
# changed ("since last year", "over the course of 2004", "between October and November").
_TIME_OR_CHANGE = re.compile(
    r"\b(?:chang\w*|compar\w*|since|between|over|during|course|last|past|previous|earlier|"
    r"later|ago|first|latest|years?|months?|weeks?|days?|quarters?|seasons?|half|"
    r"January|February|March|April|May|June|July|August|September|October|November|"
    r"December|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


# A comparison of order ("which came first, A or B", "earlier than"): the word of order ends
# its clause, not an adjective before a noun ("the first two films", "first-week takings").
_ASKS_ORDER = re.compile(
    r"\b(?:earlier|later|first|sooner)\b(?=\s*(?:[,?.;:]|$|\bor\b|\bthan\b))", re.IGNORECASE
)
# Articles read for a comparison whose sides may all be in one of them.
_ONE_ARTICLE_READS = 4
# How far (in characters) a side's figure may stand from the words naming the side, and how
# many of its nearest figures are tried.
_SIDE_REACH = 80
_SIDE_CHOICES = 6


_AGES = re.compile(r"\b(?:older|younger|oldest|youngest)\b", re.IGNORECASE)


def _ages_outside_sides(question: str) -> str:
    """The question with any word of age inside a side left out ("older films" is a side,
    "who is older" asks of the sides): what it asks of the sides, for its relation."""
    for alternative in comparison_alternatives(question):
        if _AGES.search(alternative):
            question = question.replace(alternative, _AGES.sub(" ", alternative))
    return question


def _compared_as_read(
    question: str, alternatives: list[str], answers: dict[int, Evidence], figures: list[Figure]
) -> tuple[Relation, list[tuple[str, Evidence, str]]] | None:
    """Which side a comparison asks for, from the figures read for its sides in one article
    (where its sentences do not name every side beside its figure: "the scheme aimed to boost
    production ... to 600,000 tonnes by 2008"); None for a tie or when no direction is asked."""
    relation: Relation | None = (
        "more" if asks_direction(question) else relation_asked(_ages_outside_sides(question))
    )
    values = [f.value for f in figures]
    if relation is None or len(values) != len(alternatives) or len(set(values)) < len(values):
        return None
    pick = (max if relation == "more" else min)(range(len(values)), key=lambda i: values[i])
    order = [pick, *(i for i in range(len(values)) if i != pick)]
    return relation, [(alternatives[i], answers[i], figures[i].text) for i in order]


def _names_outside(question: str, alternatives: list[str]) -> list[str]:
    """The names a comparison gives outside every side ("In the FCC's figures, does cable or
    ... have more customers": "FCC"), which each side's report must name too."""
    outside = question
    for alternative in alternatives:
        outside = outside.replace(alternative, " ")
    return _name_words(outside)


def _article_names(article: StoredArticle, words: Iterable[str]) -> bool:
    """Whether ``article`` (its title or text) names every one of ``words``."""
    held = set(content_terms(article.title + " " + article.text))
    return all(terms_match(w, held) for w in words)


def _name_words(question: str) -> list[str]:
    """The stems of the words of the names a question gives ("Palace", "Theatre")."""
    return [
        stem(w)
        for run in names_in(question)
        for w in re.findall(r"[\w'’.-]+", run)
        if w.lower() not in STOPWORDS
    ]


def _one_measure(
    texts: list[str],
    sides: list[list[str]],
    given: set[float],
    thing: str | None,
    years_of: list[list[str]] | None = None,
    subject: int | None = None,
) -> list[tuple[int, Figure]] | None:
    """Each side's figure among ``texts`` (one article's sentences): a figure the question does
    not give, within ``_SIDE_REACH`` characters of a word naming the side, all in one unit (of
    the ``thing`` compared, if given), no figure read for two sides; of the ways to choose
    them, the one whose figures stand nearest their sides' words (a unit before a bare count).
    None when some side has no such figure. The side ``subject`` (the one the article's title
    names) is also named where a sentence names no side at all: a report names its subject in
    the title, then gives its figures ("Priced at £229, the handheld device ...")."""
    readings = [
        [f for f in figures_in(text) if f.value not in given and not differs(text, f)]
        for text in texts
    ]
    if thing is not None:
        readings = [[f for f in figures if _counts(f.text, thing)] for figures in readings]
    unnamed = {
        at for at, text in enumerate(texts) if not any(side_spots(ts, text.lower()) for ts in sides)
    }
    near: list[list[tuple[int, int, Figure]]] = []
    for index, terms in enumerate(sides):
        # (A year the side names says which figure is its own: "the 2008 target".)
        years = years_of[index] if years_of else []
        found = []
        for at, (text, figures) in enumerate(zip(texts, readings, strict=True)):
            lowered = text.lower()
            spots = side_spots([*terms, *years], lowered)
            if index == subject and at in unnamed:
                spots.append(0)
            for f in figures:
                distance = min((abs(f.start - spot) for spot in spots), default=_SIDE_REACH + 1)
                if distance <= _SIDE_REACH:
                    found.append((distance, at, f))
        near.append(sorted(found, key=lambda x: (x[0], x[1]))[:_SIDE_CHOICES])
    best: tuple[tuple[bool, int], list[tuple[int, Figure]]] | None = None
    for unit in {f.unit for choices in near for _, _, f in choices}:
        options = [[c for c in choices if c[2].unit == unit] for choices in near]
        for pick in itertools.product(*options):
            if len({(at, f.start) for _, at, f in pick}) < len(pick):
                continue  # one figure read for two sides
            key = (unit == "", sum(d for d, _, _ in pick))
            if best is None or key < best[0]:
                best = (key, [(at, f) for _, at, f in pick])
    return best[1] if best is not None else None


def _given_figures(question: str) -> set[float]:
    """The values of the figures a question gives, which no side's figure can be; not a number
    that is part of a name ("Burnout 3", "Half-Life 2": "three awards" may answer)."""
    return {
        f.value
        for f in figures_in(question)
        if not re.search(r"\b[A-Z][\w'’-]*\s*$", question[: f.start])
    }


def _counts(figure: str, thing: str) -> bool:
    """Whether a figure as written counts ``thing`` (a stem): "5,000 jobs" counts "job"."""
    last = figure.split()[-1].lower() if figure.split() else ""
    return stem(last) == thing


def _chunk_holding(article: StoredArticle, sentence: Sentence) -> ChunkSpan | None:
    """The stored chunk that holds the whole of ``sentence`` (a quote must lie inside one)."""
    return next(
        (c for c in article.chunks if c.start <= sentence.start and sentence.end <= c.end), None
    )


def _sentence_evidence(article: StoredArticle, sentence: Sentence, score: float) -> Evidence | None:
    """``sentence`` of ``article`` as evidence citing its chunk; None across a chunk boundary."""
    span = _chunk_holding(article, sentence)
    if span is None:
        return None
    hit = Hit.from_article(
        article, chunk_id=span.chunk_id, start=span.start, end=span.end, score=score
    )
    return Evidence(hit=hit, text=sentence.text, start=sentence.start, end=sentence.end)


def speaks_of_what_is_asked(sentence: str, question: str) -> bool:
    """Whether ``sentence`` can speak of the time, the named thing and the place ``question``
    asks about (``speaks_of_the_time_asked``, ``names_a_rival``)."""
    return (
        speaks_of_the_time_asked(sentence, question)
        and not names_a_rival(sentence, question)
        and not gives_only_as_aim(sentence, question)
        and not gives_only_other_years(sentence, question)
        and not names_only_ahead(sentence, question)
    )


def gives_only_other_years(sentence: str, question: str) -> bool:
    """Whether every figure ``sentence`` gives of the kind a question naming a year asks for
    is told of another year, or only as an aim: the time said nearest the figure in the parse,
    in its own clause, is a year the question does not name ("sold nearly 95,000 cars in Asia
    in 2004 and expects growth of 10% in 2005": 2004's sales, and 2005's only as an
    expectation, for "how many cars did it sell in 2005"; "a profit of $5m in 2005, up from
    $3m in 2004" gives 2005's $5m). A figure with no time in its clause, or nearest a time of
    no year ("last year"), or the year asked, may answer; a year a figure is compared with
    ("up 2.6% on 2003", "since 2001") is not its own."""
    asked_years = set(_YEAR.findall(question))
    slot = asked_slot(question)
    if not asked_years or slot is None or slot.kind != "number":
        return False
    doc = parse(sentence)
    # Times said: a year (not a comparison's base), or a time of no year ("last year").
    times: list[tuple[Any, str | None]] = [
        (t, t.text[:4])
        for t in doc
        if _YEAR.fullmatch(t.text[:4]) and t.head.lower_ not in _BASE_PREPOSITIONS
    ]
    times += [(e.root, None) for e in doc.ents if e.label_ == "DATE" and not _YEAR.search(e.text)]
    if not any(year for _, year in times):
        return False
    asked = question.lower()
    fillers = [
        e
        for e in doc.ents
        if e.label_ in _FILLER_LABELS["number"]
        and not re.search(r"(?<!\w)" + re.escape(e.text.lower()) + r"(?!\w)", asked)
    ]
    aims = not _ASKS_FORECAST.search(question) and bool(_ASKS_WHAT_HAPPENED.search(question))
    figure = not _asks_modal(question)
    another = False
    for e in fillers:
        if aims and _aimed(e.root, figure=figure):
            continue
        clause = _clause_verb(e.root)
        own = [
            (t, year)
            for t, year in times
            if not (e.start <= t.i < e.end) and _clause_verb(t).i == clause.i
        ]
        if not own:
            return False
        distances = [_tree_distance(e.root, t) for t, _ in own]
        nearest = min(distances)
        if any(
            year is None or year in asked_years
            for (_, year), d in zip(own, distances, strict=True)
            if d == nearest
        ):
            return False
        another = True
    return another


# A year after these is what a figure is compared with, not its own ("up 2.6% on 2003").
_BASE_PREPOSITIONS = frozenset("since on from than over against with versus vs".split())


def _clause_verb(token: Any) -> Any:
    """The verb of the clause ``token`` is in: itself or its nearest verb above, else the root."""
    for t in [token, *token.ancestors]:
        if t.pos_ in ("VERB", "AUX"):
            return t
    return token.sent.root


def _tree_distance(a: Any, b: Any) -> int:
    """The number of arcs between two tokens of one parse."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    at_b = {t.i: n for n, t in enumerate(up_b)}
    for n, t in enumerate(up_a):
        if t.i in at_b:
            return n + at_b[t.i]
    return len(up_a) + len(up_b)


def gives_only_as_aim(sentence: str, question: str) -> bool:
    """Whether ``sentence`` gives the figure or date a question about what happened asks for
    only as someone's aim: every such figure (not one the question gives) is governed, in the
    parse, by a verb of intention or expectation ("intends to ship three million", "hopes to
    become a member by early 2006"), for "how many were sold", "when did it join"."""
    if _ASKS_FORECAST.search(question) or not _ASKS_WHAT_HAPPENED.search(question):
        return False
    slot = asked_slot(question)
    if slot is None or slot.kind not in _FILLER_LABELS:
        return False
    asked = question.lower()
    fillers = [
        e
        for e in parse(sentence).ents
        if e.label_ in _FILLER_LABELS[slot.kind]
        and not re.search(r"(?<!\w)" + re.escape(e.text.lower()) + r"(?!\w)", asked)
        and (slot.kind != "date" or has_date(e.text))  # "for a decade" says no when
    ]
    # (A question that asks a possibility itself, "how many jobs did it warn could be lost",
    # is answered by one.)
    figure = slot.kind == "number" and not _asks_modal(question)
    return bool(fillers) and all(_aimed(e.root, figure=figure) for e in fillers)


def _aimed(token: Any, *, figure: bool = False) -> bool:
    """Whether a verb of intention or expectation governs ``token`` in the parse before any
    verb of something done does ("wants to expand abroad and sold 400 cars": "sold" is done,
    whatever the parser hangs it on). For a ``figure``, also when the verb it is told by is
    under a modal ("can win it 27 new seats", "will take three seats": a possibility, not a
    count of what happened) or is what an aim is ("Nintendo's goal is to ship 5 million")."""
    nearest = True
    while token.head.i != token.i:
        token = token.head
        if token.pos_ not in ("VERB", "AUX"):
            continue
        if token.lemma_.lower() in lx.AIM_VERBS or stem(token.lower_) in _AIM_STEMS:
            return True
        if figure and nearest and _only_possible(token):
            return True
        if token.tag_ == "VBD":
            return False
        nearest = False
    return False


def _only_possible(verb: Any) -> bool:
    """Whether ``verb`` is said under a modal ("can win", "will take") or is what an aim is
    ("the goal is to ship", "its target is 5 million"): not something done."""
    children = list(verb.children)
    if any(c.dep_ == "aux" and _is_modal(c) for c in children):
        return True
    for be in (verb, verb.head):
        if be.lemma_.lower() == "be" and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in _AIM_NOUNS for c in be.children
        ):
            return True
    return False


def names_a_rival(sentence: str, question: str) -> bool:
    """Whether ``sentence`` speaks of another thing of the kind the question names, and not of
    the question's: a name of two words or more with the same last word as one the question
    gives, but other words before it, where the question's is not said ("the French Open" for
    "at the Australian Open", "Newcastle United" for "Manchester United"; not "Mr Campbell"
    for "Alastair Campbell": a title is no other name); or another place after "in" where the
    question asks about one it never names ("sold in Japan and the US" for "sold in Europe")."""
    lowered = sentence.lower()
    # (A day or a month before a name is no part of it: "On Tuesday Mr Kennedy will visit" is
    # Mr Kennedy, not another Kennedy than the question's Charles Kennedy.)
    own = [
        run
        for run in (_after_calendar_words(r) for r in _name_runs(sentence))
        if run and run[0].lower() not in _TITLES
    ]
    for run in _name_runs(question):
        if len(run) < 2 or " ".join(run).lower() in lowered:
            continue
        asked = {w.lower() for w in run}
        for other in own:
            theirs = {w.lower() for w in other}
            if (
                len(other) >= 2
                and other[-1].lower() == run[-1].lower()
                and not asked <= theirs
                and not theirs <= asked
            ):
                return True
    asked_places = _places_in(question)
    if asked_places and not any(
        re.search(rf"\b{re.escape(w.lower())}{_PLACE_ADJECTIVE}\b", lowered)
        for p in asked_places
        for w in p.split()
    ):
        return bool(_places_in(sentence) - asked_places)
    return False


# The endings that make a place's adjective of its name ("Europe"/"European", "Japan"/"Japanese",
# "Iraq"/"Iraqi"): a place is said by its name or these, not by a longer name it begins
# ("Niger" is not "Nigeria", "York" not "Yorkshire").
_PLACE_ADJECTIVE = r"(?:n|an|ian|ese|ish|i|ean)?"


def _after_calendar_words(run: list[str]) -> list[str]:
    """``run`` without the days and months that begin it ("Tuesday Mr Kennedy": "Mr Kennedy")."""
    at = 0
    while at < len(run) and run[at].lower() in lx.CALENDAR_NAMES:
        at += 1
    return run[at:]


def _name_runs(text: str) -> list[list[str]]:
    """Runs of capitalised words, each ending at a possessive ("Harry Redknapp's Southampton"
    is two names); the first word of the text counts too, unless it is a common word."""
    runs: list[list[str]] = []
    current: list[str] = []
    for token in re.findall(r"[\w'’.-]+", text):
        clean = token.strip(".'’")
        possessive = bool(re.search(r"['’]s$", clean))
        clean = re.sub(r"['’]s$", "", clean)
        if clean[:1].isupper() and clean.lower() not in STOPWORDS:
            current.append(clean)
            if possessive:
                runs.append(current)
                current = []
            continue
        if current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _places_in(text: str) -> set[str]:
    """The names after "in" that end their phrase ("in Japan and the US", "in Europe"; not "in
    the Broadway revival", where the name is a noun's modifier, nor a month or a day): where a
    thing is said to happen."""
    found = set()
    for m in _IN_PLACE.finditer(text):
        after = re.match(r"\s+([a-z][\w'’-]*)", text[m.end() :])
        if after and after.group(1) not in STOPWORDS:
            continue
        if m.group(1).lower() not in lx.CALENDAR_NAMES:
            found.add(m.group(1))
    return found


def speaks_of_the_time_asked(sentence: str, question: str) -> bool:
    """Whether ``sentence`` can speak of the time ``question`` asks about.

    Not when the question names the length of time a figure is counted over (a "full year", a
    "quarter") and the sentence names only another; not when the question names a year and the
    sentence names only other years (leaving aside a span's start, "since 2003"); not when the
    question asks what happened ("how much did it grow") and the sentence gives it only as a
    forecast ("is forecast to", "predicts").
    """
    asked_periods = _periods_in(question)
    if asked_periods:
        own_periods = _periods_in(sentence)
        if own_periods and not own_periods & asked_periods:
            return False  # the quarter's figure for the year's, or the other way round
    asked_years = set(_YEAR.findall(question))
    if asked_years:
        since = set(_SINCE_YEAR.findall(sentence))
        own = set(_YEAR.findall(sentence)) - since
        if own and not own & asked_years:
            return False
    asked_months = {m.lower() for m in _MONTH.findall(question)}
    if asked_months:
        # "The index in March" is not the February figure ("fell to 95.5 in February from
        # 97.5 in January"); a month after "since" is where a span starts.
        own_months = {m.lower() for m in _MONTH.findall(_SINCE_MONTH.sub(" ", sentence))}
        if own_months and not own_months & asked_months:
            return False
    if _ASKS_FORECAST.search(question):
        return True  # the question asks for the forecast itself
    if not _ASKS_WHAT_HAPPENED.search(question):
        return True
    # Where the question asks for the outcome itself ("did A beat B", "what did the court
    # rule"), not a figure or a name, a sentence that only looks ahead to the event does not
    # say it. (A figure or a name may stand whatever the tense: "is to ballot its 290,000
    # members" says how many members.)
    outcome = (
        asked_slot(question) is None
        and bool(_ASKS_OUTCOME.match(question))
        and not _SAYING_ASKED.search(question)
    )
    return not (_FORECAST.search(sentence) or (outcome and only_ahead(sentence)))


def only_ahead(sentence: str) -> bool:
    """Whether ``sentence`` speaks only of what is yet to happen: a future or a possibility
    ("will face", "can appeal", "is to decide") and no verb of something done ("beat",
    "appointed", "has ruled"; a saying verb, "said", tells of the report, not the event). A
    question that asks what happened is not answered by the preview of the event."""
    tokens = [t.lower() for t in re.findall(r"[A-Za-z'’]+", sentence)]
    if not tokens:
        return False  # ("2-1.", a score alone: no word says anything ahead)
    if not any(
        t in _AHEAD or (t in _BE_TO and nxt == "to")
        for t, nxt in zip(tokens, [*tokens[1:], ""], strict=True)
    ):
        return False
    for i, token in enumerate(tokens):
        if token in _SAYING or (i and tokens[i - 1] in _BEFORE_PARTICIPLE):
            continue
        if token in _PAST or (token.endswith("ed") and len(token) > 4):
            return False
    return True


def outcome_verb(question: str) -> str | None:
    """The verb of the event a question asks the outcome of, when it asks nothing else: "rule"
    in "What did the court rule in the case?", "approve" in "Did the shareholders approve the
    deal?", "find" in "Was X found guilty?". None for a question that asks for a thing (a
    figure, a date, a name), for what someone said, or with a light verb ("what did X do")."""
    if asked_slot(question) is not None or _SAYING_ASKED.search(question):
        return None
    passive = _ASKS_PASSIVE_OUTCOME.match(question)
    if not (_ASKS_OUTCOME.match(question) or passive):
        return None
    root = next((t for t in parse(question) if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    # (The helper makes it a verb whatever the tagger says: "what did the court rule".)
    helpers = {c.lower_ for c in root.children if c.dep_ in ("aux", "auxpass")}
    if not helpers & ({"was", "were"} if passive else _OUTCOME_HELPERS):
        return None
    lemma = root.lemma_.lower()
    if lemma in _LIGHT_OUTCOME:
        return None
    # "What did X promise / propose / announce" asks what was said or meant, not whether an
    # event happened. (Not in the passive: "was X found guilty" asks the verdict.)
    if not passive and (lemma in lx.REPORTING_VERBS or lemma in lx.HEDGE_VERBS):
        return None
    return lemma


def says_outcome(sentence: str, question: str) -> bool:
    """Whether ``sentence`` says the event ``question`` asks the outcome of as done: its verb in
    the past or the perfect ("ruled", "has approved", "was found"), not only ahead, in a
    condition or under way ("will rule", "if the judge rules", "is deciding whether"), and not
    only the event's circumstances ("has reached the European Court" for what it ruled)."""
    verb = outcome_verb(question)
    if verb is None:
        return True
    for token in parse(sentence):
        if token.pos_ != "VERB" or (
            token.lemma_.lower() != verb and stem(token.lower_) != stem(verb)
        ):
            continue
        children = list(token.children)
        helpers = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
        not_done = helpers & _NOT_DONE_HELPERS
        if token.tag_ == "VBN":
            # a present passive reports the outcome ("the deal is approved"); "is being
            # approved", "is to be approved" still hold their other helper
            not_done -= {c.lower_ for c in children if c.dep_ == "auxpass"} & _PRESENT_BE
        if not_done or any(
            c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in children
        ):
            continue
        if token.tag_ == "VBD" or token.tag_ == "VBN" or (token.tag_ == "VBG" and not helpers):
            return True
    return False


def names_only_ahead(sentence: str, question: str) -> bool:
    """Whether ``sentence`` says the deed a "who" or "which" question asks the doer of only as
    yet to happen: its verb under a modal, "to", "if" or "whether", or under way ("will
    replace him", "is to pick a new candidate", "is selecting", for "who replaced him", "whom
    did they pick"). A name beside a deed not done does not say who did it. (A sentence that
    words the deed otherwise is left to the other checks.)"""
    slot = asked_slot(question)
    if slot is None or slot.kind != "name" or _ASKS_FORECAST.search(question):
        return False
    predicate = asked_predicate(question)
    if predicate is None:
        return False
    verb = next(
        (t for t in parse(question) if t.lower_ == predicate.lower() and t.pos_ in ("VERB", "AUX")),
        None,
    )
    if verb is None:
        return False
    helpers = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if helpers & _NOT_DONE_HELPERS or not (
        (verb.tag_ == "VBD" and not helpers) or helpers & (_OUTCOME_HELPERS | {"was", "were"})
    ):
        return False  # "who will play", "where is it being held": not a deed done
    return _deed_only_ahead(sentence, verb.lemma_.lower())


def _deed_only_ahead(sentence: str, verb: str) -> bool:
    """Whether ``sentence`` says ``verb`` (a lemma), and only under a modal ("will pick"), in a
    condition ("if ... replaces", "whether"), or as an aim or a plan ("hopes to win", "is to
    pick", "is set to replace"). A deed under way ("is being brought by") or told in an
    infinitive of result ("beat him to win the award") is said as done enough to name the
    doer."""
    said = False
    for token in parse(sentence):
        if token.pos_ != "VERB" or (
            token.lemma_.lower() != verb and stem(token.lower_) != stem(verb)
        ):
            continue
        said = True
        children = list(token.children)
        if any(c.dep_ == "aux" and _is_modal(c) for c in children) or any(
            c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in children
        ):
            continue
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
            head = token.head
            if (
                head.lemma_.lower() in lx.HEDGE_VERBS
                or head.lemma_.lower() in (lx.HEDGE_ADJECTIVES | {"be"})
                or any(_is_modal(c) for c in head.children)
            ):
                continue
        return False
    return said


def _periods_in(text: str) -> set[str]:
    """The lengths of time ``text`` counts a figure over: "year", "quarter", "half"."""
    return {name for name, pattern in _PERIODS.items() if pattern.search(text)}


def _redundant(a: Evidence, b: Evidence) -> bool:
    """Saying the same thing: close in meaning and not differing in any figure."""
    if a.vector is None or b.vector is None:
        return False
    return float(np.dot(a.vector, b.vector)) > 0.9 and not _disagree(a, b)


def _disagree(a: Evidence, b: Evidence) -> bool:
    """Two reports of one point that give different figures."""
    if a.article_id == b.article_id or a.vector is None or b.vector is None:
        return False
    qa, qb = quantities_in(a.text), quantities_in(b.text)
    return bool(qa and qb and not (qa & qb)) and float(np.dot(a.vector, b.vector)) >= 0.6


# Words a small model writes about its task rather than about the news.
_META_LEAD = re.compile(
    r"^\s*(?:(?:the|this|that) (?:passage|passages|evidence|text|article|answer|sentence)s? "
    r"(?:is|are|says|say|states|reads|shows)\s*:?|(?:according to|based on|from) (?:the )?"
    r"(?:passage|passages|evidence|text|article|sources?|information)(?:\s*\[\d+\])*\s*,?|"
    r"(?:answer|response|summary)\s*:)\s*",
    re.IGNORECASE,
)
_META_CLAIM = re.compile(
    r"\b(?:not (?:supported|mentioned|stated|given|provided|specified) (?:by|in)|"
    r"(?:passages?|evidence|text|sources?|sentences?|articles?) (?:does|do) ?n[o']t|"
    r"no (?:information|mention)|(?:unclear|unknown) from|"
    r"(?:is|are) not (?:supported|mentioned)|i (?:cannot|can't|don't)|as an ai)\b",
    re.IGNORECASE,
)


def model_claims(text: str, sources: Sequence[str] = ()) -> list[tuple[str, list[int]]]:
    """The model's sentences about the news: meta-text cut off, sentences about the task dropped.

    "The passage is: Russia retook ..." keeps "Russia retook ..."; "..., which is a date that is
    not supported by the passage" is dropped whole, so an answer never says it is unsupported.
    ", according to The Moscow Times" naming the outlet of the evidence is cut: the citation says
    where the sentence comes from.
    """
    outlets = [re.escape(s.strip()) for s in sources if s and s.strip()]
    by_outlet = (
        re.compile(
            r",?\s*(?:according to|reports?|reported by|says|said)\s+(?:the\s+)?(?:"
            + "|".join(outlets)
            + r")\s*(?=[.!?]?$)",
            re.IGNORECASE,
        )
        if outlets
        else None
    )
    claims = []
    for claim, cited in split_claims(text):
        while True:
            stripped = _META_LEAD.sub("", claim, count=1)
            if stripped == claim:
                break
            claim = stripped
        if by_outlet is not None:
            claim = by_outlet.sub("", claim)
        claim = claim.strip(" \"'“”")
        if not claim or _META_CLAIM.search(claim):
            continue
        claims.append((claim[0].upper() + claim[1:], cited))
    return claims


def _compress_messages(sentence: str, question: str) -> list[BaseMessage]:
    template = load_prompt("compress")
    system, user = template.render(sentence=sentence, question=question)
    messages: list[BaseMessage] = [SystemMessage(system)]
    for asked, reply in template.example_turns():
        messages += [HumanMessage(asked), AIMessage(reply)]
    messages.append(HumanMessage(user))
    return messages


def _commas_off(text: str) -> str:
    """``text`` without the commas that end its words (as many words, in the same places)."""
    return re.sub(r"(?<=\S),(?=\s|$)", "", text)


def _fence(text: str) -> str:
    """Evidence text inside a prompt: one line, markers and fences defused."""
    text = " ".join(text.split())
    text = re.sub(r"\[(\d+)\]", r"(\1)", text)
    return text.replace("<", "‹").replace(">", "›")


def _version(ev: Evidence) -> str:
    """``"<article id>#<content hash>"``: the stored version an evidence sentence comes from."""
    chunk_id = ev.hit.chunk_id
    return chunk_id.rsplit("-", 1)[0] if "#" in chunk_id else f"{ev.article_id}#"
