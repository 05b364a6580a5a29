"""A small local Discord: the REST routes and gateway the bot uses, on 127.0.0.1.

The real, unmodified discord.py client talks to it (``DISCORD_API_BASE`` points at it; the
gateway URL comes from ``GET /gateway/bot``). Every REST request and gateway op the bot sends is
recorded, so tests can assert on what the bot did, as Discord would have seen it.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import re
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import WSMsgType, web

from tests.bot.discord_spec import body_errors

log = logging.getLogger(__name__)


def _payload_json(body: Any) -> Any:
    """The JSON a request carries: the body itself, or a multipart body's ``payload_json``."""
    if isinstance(body, dict) and set(body) == {"multipart"}:
        found = re.search(
            r'name="payload_json"\r?\n(?:[^\r\n]+\r?\n)*\r?\n(.*?)\r?\n--', body["multipart"], re.S
        )
        return json.loads(found.group(1)) if found else {}
    return body


def json_response(payload: Any, status: int = 200) -> web.Response:
    """Like Discord: exactly ``application/json`` (discord.py compares the header verbatim)."""
    return web.Response(
        body=json.dumps(payload).encode(), status=status, content_type="application/json"
    )


API_PREFIX = "/api/v10"
APP_ID = 910000000000000001
BOT_ID = APP_ID
GUILD_ID = 920000000000000001
NEWS_CHANNEL_ID = 930000000000000001
DIGEST_CHANNEL_ID = 930000000000000002
EPHEMERAL = 1 << 6
LOADING = 1 << 7
MANAGE_GUILD = 1 << 5
EVERYONE_PERMISSIONS = 0x0000_0006_3FF7_FEC1 & ~MANAGE_GUILD  # ordinary member rights


def user_payload(user_id: int, name: str, *, bot: bool = False) -> dict[str, Any]:
    return {
        "id": str(user_id),
        "username": name,
        "global_name": name,
        "discriminator": "0",
        "avatar": None,
        "bot": bot,
        "public_flags": 0,
    }


BOT_USER = user_payload(BOT_ID, "newsbot", bot=True)
ALICE = user_payload(940000000000000001, "alice")  # an ordinary member
ADMIN = user_payload(940000000000000002, "admin")  # has Manage Server
OTHER_BOT = user_payload(940000000000000003, "otherbot", bot=True)


def shard_of(guild_id: int, shard_count: int) -> int:
    """The shard that carries a server's events, as Discord computes it."""
    return (guild_id >> 22) % shard_count


def _now_iso() -> str:
    return datetime.now(UTC).isoformat()


@dataclass
class RecordedRequest:
    method: str
    path: str  # without the /api/v10 prefix
    query: dict[str, str]
    body: Any
    at: float = field(default_factory=time.monotonic)  # when the fake received it

    def message_body(self) -> dict[str, Any] | None:
        """The message this request creates or edits, if any (also inside callbacks)."""
        if not isinstance(self.body, dict):
            return None
        if self.path.endswith("/callback"):
            data = self.body.get("data")
            return data if isinstance(data, dict) and self.body.get("type") in (4, 7) else None
        return self.body


@dataclass
class Interaction:
    id: int
    token: str
    channel_id: int
    original: dict[str, Any] | None = None
    followups: list[dict[str, Any]] = field(default_factory=list)
    callback: dict[str, Any] | None = None
    dispatched_at: float | None = None  # time.monotonic() when INTERACTION_CREATE was sent
    acknowledged_at: float | None = None  # time.monotonic() when the callback POST arrived

    @property
    def acknowledge_delay_s(self) -> float | None:
        """Seconds from dispatch to the bot's callback (Discord allows 3)."""
        if self.dispatched_at is None or self.acknowledged_at is None:
            return None
        return self.acknowledged_at - self.dispatched_at


@dataclass
class GatewaySession:
    """One shard's gateway session: its socket (None while disconnected) and its events."""

    session_id: str
    shard: tuple[int, int]  # (shard id, shard count), as IDENTIFY said
    ws: web.WebSocketResponse | None = None
    seq: int = 0
    events: list[dict[str, Any]] = field(default_factory=list)


class FakeDiscord:
    """Start with ``await FakeDiscord().start()``; ``api_base`` then points at it."""

    def __init__(self, *, validate_bodies: bool = True) -> None:
        self.requests: list[RecordedRequest] = []
        # Every request body is checked against Discord's OpenAPI description (discord_spec).
        self.validate_bodies = validate_bodies
        self.invalid_requests: list[tuple[RecordedRequest, dict[str, Any]]] = []
        self.gateway_ops: list[dict[str, Any]] = []
        self.gateway_ops_at: list[float] = []  # time.monotonic() each op arrived
        self.connections = 0
        self.channels: dict[int, dict[str, Any]] = {}
        self.messages: dict[int, list[dict[str, Any]]] = {}
        self.interactions: dict[str, Interaction] = {}
        self.commands: list[dict[str, Any]] = []
        self._ids = itertools.count(int(time.time() * 1000 - 1420070400000) << 22, 1 << 22)
        self.guilds: dict[int, str] = {}  # id -> name
        # Gateway sessions by shard id; events go to the shard of their server.
        self.sessions: dict[int, GatewaySession] = {}
        self.undelivered: list[dict[str, Any]] = []  # events for a shard nobody identified as
        self.deliveries: list[tuple[str, int]] = []  # (event, shard it went to)
        self._send_lock = asyncio.Lock()
        self._runner: web.AppRunner | None = None
        self.port = 0
        self.add_guild(GUILD_ID, "Newsroom", NEWS_CHANNEL_ID, DIGEST_CHANNEL_ID)
        self._routes: list[tuple[str, re.Pattern[str], Callable[..., Awaitable[Any]]]] = [
            ("GET", re.compile(r"/gateway/bot"), self._get_gateway_bot),
            ("GET", re.compile(r"/users/@me"), self._get_me),
            ("GET", re.compile(r"/oauth2/applications/@me"), self._get_application),
            ("PUT", re.compile(r"/applications/\d+(?:/guilds/\d+)?/commands"), self._put_commands),
            ("GET", re.compile(r"/channels/(?P<cid>\d+)"), self._get_channel),
            ("GET", re.compile(r"/channels/(?P<cid>\d+)/messages"), self._get_messages),
            ("GET", re.compile(r"/channels/(?P<cid>\d+)/messages/(?P<mid>\d+)"), self._get_message),
            ("POST", re.compile(r"/channels/(?P<cid>\d+)/messages"), self._post_message),
            (
                "PATCH",
                re.compile(r"/channels/(?P<cid>\d+)/messages/(?P<mid>\d+)"),
                self._patch_message,
            ),
            (
                "POST",
                re.compile(r"/channels/(?P<cid>\d+)/messages/(?P<mid>\d+)/threads"),
                self._create_thread,
            ),
            (
                "POST",
                re.compile(r"/interactions/(?P<iid>\d+)/(?P<token>[^/]+)/callback"),
                self._interaction_callback,
            ),
            (
                "GET",
                re.compile(r"/webhooks/\d+/(?P<token>[^/]+)/messages/@original"),
                self._get_original,
            ),
            (
                "PATCH",
                re.compile(r"/webhooks/\d+/(?P<token>[^/]+)/messages/@original"),
                self._patch_original,
            ),
            (
                "DELETE",
                re.compile(r"/webhooks/\d+/(?P<token>[^/]+)/messages/@original"),
                self._delete_original,
            ),
            ("POST", re.compile(r"/webhooks/\d+/(?P<token>[^/]+)"), self._post_followup),
            (
                "PATCH",
                re.compile(r"/webhooks/\d+/(?P<token>[^/]+)/messages/(?P<mid>\d+)"),
                self._patch_followup,
            ),
        ]

    # Lifecycle ---------------------------------------------------------------------------
    async def start(self) -> FakeDiscord:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def stop(self) -> None:
        for session in self.sessions.values():
            if session.ws is not None and not session.ws.closed:
                await session.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    def next_id(self) -> int:
        return next(self._ids)

    def add_guild(
        self, guild_id: int, name: str, news_channel: int | None = None, digest: int | None = None
    ) -> tuple[int, int]:
        """A server the bot is in, with a #news and a #digest channel; returns their ids."""
        self.guilds[guild_id] = name
        news_channel = news_channel or self.next_id()
        digest = digest or self.next_id()
        for channel_id, channel_name in ((news_channel, "news"), (digest, "digest")):
            self.channels[channel_id] = self._text_channel(channel_id, channel_name, guild_id)
            self.messages[channel_id] = []
        return news_channel, digest

    def guild_of(self, channel_id: int) -> int:
        return int(self.channels[channel_id].get("guild_id") or GUILD_ID)

    # Waiting -----------------------------------------------------------------------------
    async def wait_for(self, condition: Callable[[], Any], timeout: float = 5.0) -> Any:
        """Poll until ``condition()`` is truthy; fail after ``timeout`` seconds."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            result = condition()
            if result:
                return result
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"timed out after {timeout} s waiting for {condition}")
            await asyncio.sleep(0.02)

    async def wait_for_request(
        self, method: str, pattern: str, timeout: float = 5.0, *, after: int = 0
    ) -> RecordedRequest:
        regex = re.compile(pattern)

        def found() -> RecordedRequest | None:
            for request in self.requests[after:]:
                if request.method == method and regex.fullmatch(request.path):
                    return request
            return None

        return await self.wait_for(found, timeout)

    def requests_to(self, method: str, pattern: str) -> list[RecordedRequest]:
        regex = re.compile(pattern)
        return [r for r in self.requests if r.method == method and regex.fullmatch(r.path)]

    # Payloads ----------------------------------------------------------------------------
    def _text_channel(self, channel_id: int, name: str, guild_id: int = GUILD_ID) -> dict[str, Any]:
        return {
            "id": str(channel_id),
            "type": 0,
            "guild_id": str(guild_id),
            "name": name,
            "position": 0,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
            "topic": None,
            "rate_limit_per_user": 0,
            "last_message_id": None,
        }

    def guild_payload(self, guild_id: int = GUILD_ID) -> dict[str, Any]:
        return {
            "id": str(guild_id),
            "name": self.guilds[guild_id],
            "icon": None,
            "owner_id": ADMIN["id"],
            "unavailable": False,
            "member_count": 3,
            "large": False,
            "features": [],
            "roles": [
                {
                    "id": str(guild_id),
                    "name": "@everyone",
                    "permissions": str(EVERYONE_PERMISSIONS),
                    "position": 0,
                    "color": 0,
                    "hoist": False,
                    "managed": False,
                    "mentionable": False,
                    "flags": 0,
                }
            ],
            "emojis": [],
            "stickers": [],
            "channels": [
                c
                for c in self.channels.values()
                if c["type"] == 0 and c["guild_id"] == str(guild_id)
            ],
            "threads": [],
            "members": [
                {
                    "user": BOT_USER,
                    "roles": [],
                    "joined_at": _now_iso(),
                    "deaf": False,
                    "mute": False,
                    "flags": 0,
                }
            ],
            "voice_states": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "joined_at": _now_iso(),
            "premium_tier": 0,
            "preferred_locale": "en-US",
            "mfa_level": 0,
            "verification_level": 0,
            "explicit_content_filter": 0,
            "default_message_notifications": 0,
            "system_channel_id": None,
            "afk_timeout": 300,
            "nsfw_level": 0,
            "premium_progress_bar_enabled": False,
        }

    def _message(
        self, channel_id: int, author: dict[str, Any], body: dict[str, Any]
    ) -> dict[str, Any]:
        content = body.get("content") or ""
        channel = self.channels.get(channel_id, {})
        message: dict[str, Any] = {
            "id": str(self.next_id()),
            "channel_id": str(channel_id),
            "author": author,
            "content": content,
            "timestamp": _now_iso(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "pinned": False,
            "type": 0,
            "flags": body.get("flags") or 0,
        }
        if "guild_id" in channel:
            message["guild_id"] = channel["guild_id"]
        return message

    @staticmethod
    def _member(user: dict[str, Any], permissions: int | None = None) -> dict[str, Any]:
        member: dict[str, Any] = {
            "user": user,
            "roles": [],
            "joined_at": _now_iso(),
            "deaf": False,
            "mute": False,
            "flags": 0,
        }
        if permissions is not None:
            member["permissions"] = str(permissions)
        return member

    def _store(self, message: dict[str, Any]) -> dict[str, Any]:
        self.messages.setdefault(int(message["channel_id"]), []).append(message)
        return message

    def find_message(self, message_id: int | str) -> dict[str, Any] | None:
        for messages in self.messages.values():
            for message in messages:
                if message["id"] == str(message_id):
                    return message
        return None

    def bot_messages(self, channel_id: int) -> list[dict[str, Any]]:
        return [m for m in self.messages.get(channel_id, []) if m["author"]["id"] == BOT_USER["id"]]

    # What people do ----------------------------------------------------------------------
    async def user_says(
        self,
        content: str,
        *,
        channel_id: int = NEWS_CHANNEL_ID,
        author: dict[str, Any] = ALICE,
        mention_bot: bool = True,
        reply_to: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """A person (or bot) posts a message; ``mention_bot`` prefixes ``<@bot>``."""
        text = f"<@{BOT_ID}> {content}" if mention_bot else content
        message = self._message(channel_id, author, {"content": text})
        message["mentions"] = [BOT_USER] if mention_bot else []
        message["mention_everyone"] = "@everyone" in text or "@here" in text
        if reply_to is not None:
            message["type"] = 19
            message["message_reference"] = {
                "message_id": reply_to["id"],
                "channel_id": reply_to["channel_id"],
                "guild_id": str(self.guild_of(channel_id)),
            }
            message["referenced_message"] = reply_to
        self._store(message)
        await self.dispatch("MESSAGE_CREATE", {**message, "member": self._member(author)})
        return message

    def _interaction_base(
        self, kind: int, user: dict[str, Any], permissions: int, channel_id: int
    ) -> dict[str, Any]:
        interaction_id = self.next_id()
        token = "itoken-" + uuid.uuid4().hex
        self.interactions[token] = Interaction(interaction_id, token, channel_id)
        guild_id = self.guild_of(channel_id)
        return {
            "id": str(interaction_id),
            "application_id": str(APP_ID),
            "type": kind,
            "token": token,
            "version": 1,
            "guild_id": str(guild_id),
            "channel_id": str(channel_id),
            "channel": self.channels[channel_id],
            "member": self._member(user, permissions),
            "app_permissions": str((1 << 41) - 1),
            "locale": "en-US",
            "guild_locale": "en-US",
            "entitlements": [],
            "attachment_size_limit": 10 * 1024 * 1024,
            "authorizing_integration_owners": {"0": str(guild_id)},
            "context": 0,
        }

    def _command_id(self, name: str) -> str:
        for command in self.commands:
            if command["name"] == name:
                return str(command["id"])
        return str(self.next_id())

    async def use_command(
        self,
        name: str,
        options: dict[str, Any] | None = None,
        *,
        subcommand: str | None = None,
        user: dict[str, Any] = ALICE,
        admin: bool = False,
        channel_id: int = NEWS_CHANNEL_ID,
        focused: str | None = None,
    ) -> str:
        """Someone uses a slash command (or, with ``focused``, types into an autocomplete
        option). Returns the interaction token."""
        permissions = EVERYONE_PERMISSIONS | (MANAGE_GUILD if admin else 0)
        kind = 4 if focused else 2
        payload = self._interaction_base(kind, user, permissions, channel_id)
        resolved: dict[str, Any] = {}
        option_list = []
        for key, value in (options or {}).items():
            if isinstance(value, dict) and value.get("type") == 0:  # a channel
                resolved.setdefault("channels", {})[value["id"]] = {**value, "permissions": "0"}
                option_list.append({"type": 7, "name": key, "value": value["id"]})
            else:
                option = {"type": 3, "name": key, "value": value}
                if focused == key:
                    option["focused"] = True
                option_list.append(option)
        if subcommand:
            option_list = [{"type": 1, "name": subcommand, "options": option_list}]
        payload["data"] = {
            "id": self._command_id(name),
            "name": name,
            "type": 1,
            "options": option_list,
        }
        if resolved:
            payload["data"]["resolved"] = resolved
        self.interactions[str(payload["token"])].dispatched_at = time.monotonic()
        await self.dispatch("INTERACTION_CREATE", payload)
        return str(payload["token"])

    async def use_message_command(
        self, name: str, message: dict[str, Any], *, user: dict[str, Any] = ALICE
    ) -> str:
        """Someone right-clicks ``message`` and picks an Apps entry (a message context-menu
        command). Returns the interaction token."""
        channel_id = int(message["channel_id"])
        payload = self._interaction_base(2, user, EVERYONE_PERMISSIONS, channel_id)
        payload["data"] = {
            "id": self._command_id(name),
            "name": name,
            "type": 3,
            "target_id": message["id"],
            "resolved": {"messages": {message["id"]: message}},
        }
        self.interactions[str(payload["token"])].dispatched_at = time.monotonic()
        await self.dispatch("INTERACTION_CREATE", payload)
        return str(payload["token"])

    async def click(
        self, message: dict[str, Any], custom_id: str, *, user: dict[str, Any] = ALICE
    ) -> str:
        """Someone clicks a button on a message. Returns the interaction token."""
        payload = self._interaction_base(3, user, EVERYONE_PERMISSIONS, int(message["channel_id"]))
        payload["message"] = message
        payload["data"] = {"custom_id": custom_id, "component_type": 2}
        await self.dispatch("INTERACTION_CREATE", payload)
        return str(payload["token"])

    # Gateway -----------------------------------------------------------------------------
    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send a DISPATCH to the shard of its server now, or keep it for a RESUME while that
        shard is disconnected. Events of a shard nobody identified as are not delivered."""
        guild = data.get("guild_id") or (data.get("id") if event == "GUILD_CREATE" else None)
        for session in list(self.sessions.values()):
            shard_id, count = session.shard
            if guild is None or shard_of(int(guild), count) == shard_id:
                self.deliveries.append((event, shard_id))
                await self._send(session, event, data)
                return
        self.undelivered.append({"t": event, "d": data})

    async def _send(self, session: GatewaySession, event: str, data: dict[str, Any]) -> None:
        async with self._send_lock:
            session.seq += 1
            frame = {"op": 0, "t": event, "s": session.seq, "d": data}
            session.events.append(frame)
            if session.ws is not None and not session.ws.closed:
                await session.ws.send_str(json.dumps(frame))

    def session_for(self, shard_id: int = 0) -> GatewaySession:
        return self.sessions[shard_id]

    async def drop_connection(self, code: int = 4000, shard_id: int = 0) -> None:
        """Close a shard's gateway socket as Discord does when it wants a client to resume."""
        session = self.sessions.get(shard_id)
        assert session is not None and session.ws is not None, "no gateway connection"
        ws, session.ws = session.ws, None
        await ws.close(code=code, message=b"fake discord closes the connection")

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self.connections += 1
        session: GatewaySession | None = None
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": 41250}, "s": None, "t": None})
        async for msg in ws:
            if msg.type is not WSMsgType.TEXT:
                continue
            payload = json.loads(msg.data)
            self.gateway_ops.append(payload)
            self.gateway_ops_at.append(time.monotonic())
            op = payload.get("op")
            if op == 1:
                await ws.send_json({"op": 11, "d": None, "s": None, "t": None})
            elif op == 2:
                session = await self._identify(ws, payload["d"])
            elif op == 6:
                session = await self._resume(ws, payload["d"])
        if session is not None and session.ws is ws:
            session.ws = None
        return ws

    async def _identify(
        self, ws: web.WebSocketResponse, data: dict[str, Any]
    ) -> GatewaySession | None:
        shard_id, count = (int(x) for x in (data.get("shard") or (0, 1)))
        if not 0 <= shard_id < count:
            await ws.close(code=4010, message=b"Invalid shard")
            return None
        session = GatewaySession(uuid.uuid4().hex, (shard_id, count), ws)
        self.sessions[shard_id] = session
        mine = [g for g in self.guilds if shard_of(g, count) == shard_id]
        await self._send(
            session,
            "READY",
            {
                "v": 10,
                "user": BOT_USER,
                "guilds": [{"id": str(g), "unavailable": True} for g in mine],
                "session_id": session.session_id,
                "resume_gateway_url": self.gateway_url,
                "application": {"id": str(APP_ID), "flags": 0},
                "private_channels": [],
                "relationships": [],
                "shard": [shard_id, count],
            },
        )
        for guild_id in mine:
            await self._send(session, "GUILD_CREATE", self.guild_payload(guild_id))
        return session

    async def _resume(
        self, ws: web.WebSocketResponse, data: dict[str, Any]
    ) -> GatewaySession | None:
        session = next(
            (s for s in self.sessions.values() if s.session_id == data.get("session_id")), None
        )
        if session is None:
            await ws.send_json({"op": 9, "d": False, "s": None, "t": None})
            return None
        async with self._send_lock:
            session.ws = ws
            for frame in session.events:
                if frame["s"] > (data.get("seq") or 0):
                    await ws.send_str(json.dumps(frame))
        await self._send(session, "RESUMED", {})
        return session

    # REST --------------------------------------------------------------------------------
    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = request.path[len(API_PREFIX) :]
        body: Any = None
        if request.can_read_body:
            raw = await request.read()
            if request.content_type == "application/json":
                body = json.loads(raw)
            elif request.content_type.startswith("multipart/"):
                body = {"multipart": raw.decode("utf-8", "replace")}
        recorded = RecordedRequest(request.method, path, dict(request.query), body)
        self.requests.append(recorded)
        if self.validate_bodies:
            refusal = body_errors(request.method, path, _payload_json(body))
            if refusal is not None:
                self.invalid_requests.append((recorded, refusal))
                log.warning("fake discord refuses %s %s: %s", request.method, path, refusal)
                return json_response(refusal, status=404 if refusal["code"] == 0 else 400)
        for method, pattern, handler in self._routes:
            match = pattern.fullmatch(path)
            if method == request.method and match:
                result = await handler(match, body or {}, request.query)
                if result is None:
                    return web.Response(status=204)
                if isinstance(result, web.StreamResponse):
                    return result
                return json_response(result)
        log.warning("fake discord: no route for %s %s", request.method, path)
        return json_response({"message": "404: Not Found", "code": 0}, status=404)

    @staticmethod
    def _not_found(what: str, code: int) -> web.Response:
        return json_response({"message": f"Unknown {what}", "code": code}, status=404)

    async def _get_gateway_bot(self, match: re.Match[str], body: Any, query: Any) -> Any:
        return {
            "url": self.gateway_url,
            "shards": 1,
            "session_start_limit": {
                "total": 1000,
                "remaining": 999,
                "reset_after": 0,
                "max_concurrency": 1,
            },
        }

    async def _get_me(self, match: re.Match[str], body: Any, query: Any) -> Any:
        return {**BOT_USER, "verified": True, "mfa_enabled": False, "flags": 0}

    async def _get_application(self, match: re.Match[str], body: Any, query: Any) -> Any:
        return {
            "id": str(APP_ID),
            "name": "newsbot",
            "icon": None,
            "description": "",
            "rpc_origins": [],
            "bot_public": True,
            "bot_require_code_grant": False,
            "owner": ADMIN,
            "summary": "",
            "verify_key": "0" * 64,
            "team": None,
            "flags": 0,
            "interactions_endpoint_url": None,
        }

    async def _put_commands(self, match: re.Match[str], body: Any, query: Any) -> Any:
        self.commands = [
            {
                "description": "",  # as Discord answers for context-menu commands
                **command,
                "id": str(self.next_id()),
                "application_id": str(APP_ID),
                "version": "1",
            }
            for command in body
        ]
        return self.commands

    async def _get_channel(self, match: re.Match[str], body: Any, query: Any) -> Any:
        channel = self.channels.get(int(match["cid"]))
        return channel or self._not_found("Channel", 10003)

    async def _get_messages(self, match: re.Match[str], body: Any, query: Any) -> Any:
        messages = list(reversed(self.messages.get(int(match["cid"]), [])))  # newest first
        if "before" in query:
            messages = [m for m in messages if int(m["id"]) < int(query["before"])]
        if "after" in query:
            messages = [m for m in messages if int(m["id"]) > int(query["after"])]
        return messages[: int(query.get("limit", 50))]

    async def _get_message(self, match: re.Match[str], body: Any, query: Any) -> Any:
        for message in self.messages.get(int(match["cid"]), []):
            if message["id"] == match["mid"]:
                return message
        return self._not_found("Message", 10008)

    async def _post_message(self, match: re.Match[str], body: Any, query: Any) -> Any:
        channel_id = int(match["cid"])
        if channel_id not in self.channels:
            return self._not_found("Channel", 10003)
        message = self._store(self._message(channel_id, BOT_USER, body))
        await self.dispatch("MESSAGE_CREATE", message)
        return message

    async def _patch_message(self, match: re.Match[str], body: Any, query: Any) -> Any:
        message = self.find_message(match["mid"])
        if message is None:
            return self._not_found("Message", 10008)
        self._apply_edit(message, body)
        return message

    @staticmethod
    def _apply_edit(message: dict[str, Any], body: dict[str, Any]) -> None:
        for key in ("content", "embeds", "components"):
            if key in body:
                message[key] = (
                    body[key] if body[key] is not None else ("" if key == "content" else [])
                )
        message["flags"] = message.get("flags", 0) & ~LOADING
        message["edited_timestamp"] = _now_iso()

    async def _create_thread(self, match: re.Match[str], body: Any, query: Any) -> Any:
        parent_id, message_id = int(match["cid"]), int(match["mid"])
        thread = {
            "id": str(message_id),
            "type": 11,
            "guild_id": str(self.guild_of(parent_id)),
            "parent_id": str(parent_id),
            "owner_id": BOT_USER["id"],
            "name": body["name"],
            "last_message_id": None,
            "message_count": 0,
            "member_count": 1,
            "rate_limit_per_user": 0,
            "flags": 0,
            "total_message_sent": 0,
            "thread_metadata": {
                "archived": False,
                "locked": False,
                "auto_archive_duration": body.get("auto_archive_duration", 1440),
                "archive_timestamp": _now_iso(),
            },
        }
        self.channels[message_id] = thread
        self.messages.setdefault(message_id, [])
        await self.dispatch("THREAD_CREATE", {**thread, "newly_created": True})
        return thread

    async def _interaction_callback(self, match: re.Match[str], body: Any, query: Any) -> Any:
        interaction = self.interactions.get(match["token"])
        if interaction is None or interaction.callback is not None:
            return json_response(
                {"message": "Interaction has already been acknowledged.", "code": 40060}, status=400
            )
        interaction.callback = body
        interaction.acknowledged_at = time.monotonic()
        kind = body["type"]
        data = body.get("data") or {}
        flags = data.get("flags") or 0
        response: dict[str, Any] = {
            "id": str(interaction.id),
            "type": kind,
            "response_message_loading": kind == 5,
            "response_message_ephemeral": bool(flags & EPHEMERAL),
        }
        resource: dict[str, Any] = {"type": kind}
        if kind in (4, 5):
            message = self._message(interaction.channel_id, BOT_USER, data)
            message["flags"] = flags | (LOADING if kind == 5 else 0)
            message["interaction_metadata"] = {
                "id": str(interaction.id),
                "type": 2,
                "user": ALICE,
                "authorizing_integration_owners": {},
            }
            interaction.original = message
            if not flags & EPHEMERAL:
                self._store(message)
            response["response_message_id"] = message["id"]
            if kind == 4:
                resource["message"] = message
        return {"interaction": response, "resource": resource}

    async def _get_original(self, match: re.Match[str], body: Any, query: Any) -> Any:
        interaction = self.interactions.get(match["token"])
        if interaction is None or interaction.original is None:
            return self._not_found("Message", 10008)
        return interaction.original

    async def _patch_original(self, match: re.Match[str], body: Any, query: Any) -> Any:
        interaction = self.interactions.get(match["token"])
        if interaction is None or interaction.original is None:
            return self._not_found("Message", 10008)
        self._apply_edit(interaction.original, body)
        return interaction.original

    async def _delete_original(self, match: re.Match[str], body: Any, query: Any) -> Any:
        interaction = self.interactions.get(match["token"])
        if interaction is None or interaction.original is None:
            return self._not_found("Message", 10008)
        channel_messages = self.messages.get(interaction.channel_id, [])
        if interaction.original in channel_messages:
            channel_messages.remove(interaction.original)
        interaction.original = None
        return None

    async def _post_followup(self, match: re.Match[str], body: Any, query: Any) -> Any:
        interaction = self.interactions.get(match["token"])
        if interaction is None:
            return self._not_found("Webhook", 10015)
        message = self._message(interaction.channel_id, BOT_USER, body)
        if interaction.original is not None and interaction.original["flags"] & LOADING:
            # Discord: the first follow-up after a "thinking…" defer replaces that message.
            self._apply_edit(interaction.original, body)
            return interaction.original
        interaction.followups.append(message)
        if not (body.get("flags") or 0) & EPHEMERAL:
            self._store(message)
        return message

    async def _patch_followup(self, match: re.Match[str], body: Any, query: Any) -> Any:
        interaction = self.interactions.get(match["token"])
        for message in interaction.followups if interaction else []:
            if message["id"] == match["mid"]:
                self._apply_edit(message, body)
                return message
        return self._not_found("Message", 10008)
