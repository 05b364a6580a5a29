"""Buttons under an answer: Evidence (ephemeral quotes), 👍/👎 feedback, More (next part).

Buttons are dynamic items whose custom id names the answer stored in :class:`bot.state.BotState`,
so they keep working after a restart (for ``ANSWER_RETENTION``; older answers are pruned). Every
click counts against the quick rate limits; each person has one vote an answer (a second click
on the same verdict is not logged again; the other verdict changes it).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Literal

import discord

from bot.client import NO_MENTIONS, report_interaction_error, send_ephemeral
from bot.rate_limit import QuickRateLimited
from bot.render import evidence_embeds, render_answer
from bot.state import FeedbackEntry
from retrieval.models import Answer

if TYPE_CHECKING:
    from bot.client import NewsBot

log = logging.getLogger(__name__)

ANSWER_GONE = "I no longer have that answer; please ask again."


def _load(interaction: discord.Interaction[NewsBot], key: str) -> Answer | None:
    return interaction.client.state.load_answer(key)


class EvidenceButton(
    QuickRateLimited,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"newsbot:evidence:(?P<key>[0-9a-f]+)",
):
    def __init__(self, key: str) -> None:
        super().__init__(
            discord.ui.Button(
                label="Evidence",
                emoji="🔎",
                style=discord.ButtonStyle.secondary,
                custom_id=f"newsbot:evidence:{key}",
            )
        )
        self.key = key

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: Any, /
    ) -> EvidenceButton:
        return cls(match["key"])

    async def callback(self, interaction: discord.Interaction[NewsBot]) -> None:  # type: ignore[override]
        try:
            answer = _load(interaction, self.key)
            if answer is None:
                await send_ephemeral(interaction, ANSWER_GONE)
                return
            await interaction.response.send_message(
                embeds=evidence_embeds(answer), ephemeral=True, allowed_mentions=NO_MENTIONS
            )
        except Exception as exc:
            await report_interaction_error(interaction, exc)


class VoteButton(
    QuickRateLimited,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"newsbot:vote:(?P<verdict>up|down):(?P<key>[0-9a-f]+)",
):
    def __init__(self, verdict: str, key: str) -> None:
        super().__init__(
            discord.ui.Button(
                emoji="👍" if verdict == "up" else "👎",
                style=discord.ButtonStyle.secondary,
                custom_id=f"newsbot:vote:{verdict}:{key}",
            )
        )
        self.verdict = verdict
        self.key = key

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: Any, /
    ) -> VoteButton:
        return cls(match["verdict"], match["key"])

    async def callback(self, interaction: discord.Interaction[NewsBot]) -> None:  # type: ignore[override]
        try:
            bot = interaction.client
            verdict: Literal["up", "down"] = "up" if self.verdict == "up" else "down"
            now = bot.clock()
            earlier = bot.state.record_vote(self.key, interaction.user.id, verdict, now)
            if earlier == verdict:  # one vote a person: a second click changes nothing
                await send_ephemeral(interaction, "You already voted on this answer.")
                return
            answer = _load(interaction, self.key)
            bot.feedback.record(
                FeedbackEntry(
                    time=now,
                    guild=interaction.guild_id,
                    user=interaction.user.id,
                    question=answer.question if answer else "",
                    verdict=verdict,
                    answer_key=self.key,
                )
            )
            await send_ephemeral(
                interaction, "Thanks, noted." if earlier is None else "Thanks, vote changed."
            )
        except Exception as exc:
            await report_interaction_error(interaction, exc)


class MoreButton(
    QuickRateLimited,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"newsbot:more:(?P<key>[0-9a-f]+):(?P<page>[0-9]+)",
):
    def __init__(self, key: str, page: int) -> None:
        super().__init__(
            discord.ui.Button(
                label="More",
                emoji="➕",
                style=discord.ButtonStyle.primary,
                custom_id=f"newsbot:more:{key}:{page}",
            )
        )
        self.key = key
        self.page = page

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: Any, /
    ) -> MoreButton:
        return cls(match["key"], int(match["page"]))

    async def callback(self, interaction: discord.Interaction[NewsBot]) -> None:  # type: ignore[override]
        try:
            answer = _load(interaction, self.key)
            if answer is None:
                await send_ephemeral(interaction, ANSWER_GONE)
                return
            rendered = render_answer(answer, page=self.page)
            view = answer_view(self.key, answer, page=rendered.page, pages=rendered.pages)
            await interaction.response.send_message(
                embed=rendered.embed, view=view, allowed_mentions=NO_MENTIONS
            )
        except Exception as exc:
            await report_interaction_error(interaction, exc)


DYNAMIC_ITEMS = (EvidenceButton, VoteButton, MoreButton)


def answer_view(key: str, answer: Answer, *, page: int = 0, pages: int = 1) -> discord.ui.View:
    """Evidence (when there are quotes), 👍, 👎, and More while parts remain."""
    view = discord.ui.View(timeout=None)
    if answer.status == "answered" and answer.citations:
        view.add_item(EvidenceButton(key))
    view.add_item(VoteButton("up", key))
    view.add_item(VoteButton("down", key))
    if page + 1 < pages:
        view.add_item(MoreButton(key, page + 1))
    return view
