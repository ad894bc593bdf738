"""A simulation run: callers dialling the campaign's number on the local carrier, simulated members
answering through the agents' API, the dispatcher routing between them — the real call flow with
simulated time compressed ``speed``-fold.

In-process (the embedded default) the run starts the carrier, a dispatcher thread and a worker; with
``LOCAL_CARRIER_URL`` and a ``base_url`` it drives a running deployment over HTTP instead.
"""

from __future__ import annotations

import logging
import os
import random
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field

from flask import Flask

from app.database import commit, rollback
from app.extensions import db
from telephony import campaigns, numbers, services
from telephony.carrier import Party
from telephony.simulator import population, transcripts
from telephony.transcripts import save_transcript

logger = logging.getLogger(__name__)

POLL_SECONDS = 0.05  # how often a simulated member's client beats and looks for an offer (real time)…
POLL_SECONDS_PER_MEMBER = 0.004  # …slower with many members, so that they do not swamp one machine
DRAIN_SECONDS = 120.0  # how long to wait (real time) for the last calls to end before giving up
SOFTPHONE_RING_SECONDS = 1.0
SUCCESS_SHARE = 0.7


class ApiClient:
    """The agents' API, in-process (the app's test client) or over HTTP at ``base_url``."""

    def __init__(self, app: Flask, base_url: str | None = None) -> None:
        self.app, self.base_url = app, base_url.rstrip("/") if base_url else None
        self._local = threading.local()

    def _client(self):
        if not hasattr(self._local, "client"):
            if self.base_url:
                import requests

                self._local.client = requests.Session()
            else:
                self._local.client = self.app.test_client()
        return self._local.client

    def request(self, method: str, path: str, token: str | None = None, json: dict | None = None) -> tuple[int, dict]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        if self.base_url:
            reply = self._client().request(method, self.base_url + path, json=json, headers=headers, timeout=30)
            return reply.status_code, (reply.json() if reply.content else {})
        reply = self._client().open(path, method=method, json=json, headers=headers)
        return reply.status_code, (reply.get_json(silent=True) or {})

    def login(self, email: str, password: str) -> str:
        status, body = self.request("POST", "/api/v1/auth/login", json={"email": email, "password": password})
        if status != 200:
            raise RuntimeError(f"simulated member {email} could not sign in: {status} {body}")
        return body["access_token"]


class HttpCarrier:
    """A carrier running as its own process (``LOCAL_CARRIER_URL``), driven over its HTTP door."""

    def __init__(self, url: str) -> None:
        import requests

        self.url, self.session = url.rstrip("/"), requests.Session()

    @staticmethod
    def _form(party: Party) -> dict:
        form = {name: str(getattr(party, name)) for name in ("ring_seconds", "patience", "talk_seconds")
                if getattr(party, name) is not None}
        form["digits"] = [d or "" for d in party.digits]
        return form

    def register_client(self, identity: str, party: Party) -> None:
        self.session.post(f"{self.url}/carrier/clients/{identity}", data=self._form(party), timeout=10)

    def unregister_client(self, identity: str) -> None:
        self.session.delete(f"{self.url}/carrier/clients/{identity}", timeout=10)

    def inbound_call(self, *, from_: str, to: str, party: Party) -> str:
        reply = self.session.post(f"{self.url}/carrier/inbound", data={"From": from_, "To": to, **self._form(party)},
                                  timeout=10)
        return reply.json()["sid"]

    def ended(self, sid: str) -> bool:
        reply = self.session.get(f"{self.url}/carrier/calls/{sid}/events", timeout=10)
        return reply.status_code != 200 or reply.json()["status"] in ("completed", "busy", "no-answer", "canceled",
                                                                       "failed")


class InProcessCarrier:
    """The app's own local carrier (started for the run when it is not running)."""

    def __init__(self, carrier) -> None:
        self.carrier = carrier

    def register_client(self, identity: str, party: Party) -> None:
        self.carrier.register_client(identity, party)

    def unregister_client(self, identity: str) -> None:
        self.carrier.unregister_client(identity)

    def inbound_call(self, *, from_: str, to: str, party: Party) -> str:
        return self.carrier.inbound_call(from_=from_, to=to, party=party).sid

    def ended(self, sid: str) -> bool:
        call = self.carrier.get(sid)
        return call is None or call.ended


@dataclass
class Member:
    id: int
    email: str
    quality_mix: tuple[float, float, float]
    token: str = ""
    handled: int = 0
    problems: list[str] = field(default_factory=list)


@dataclass
class Options:
    campaign_id: int
    calls: int
    rate: float | None = None
    agents: int = 5
    patience: float | None = None
    speed: float = 1.0
    seed: int = 1
    base_url: str | None = None  # a running deployment's web address (with LOCAL_CARRIER_URL)


class Simulation:
    """One run; ``run()`` returns the customer call SIDs and the members once every call has ended."""

    def __init__(self, app: Flask, options: Options, echo=print) -> None:
        self.app, self.options, self.echo = app, options, echo
        self.rng = random.Random(options.seed)
        self.run_id = f"{int(time.time())}{self.rng.randint(100, 999)}"
        self.api = ApiClient(app, options.base_url)
        self.stop = threading.Event()
        self.sids: list[str] = []
        self.noticed: list[str] = []  # disagreements the members worked around (not the run's invariants)
        self.members: list[Member] = []
        self.dispositions: tuple[list[str], list[str]] = ([], [])
        self.load: population.Load | None = None
        self.industry = "general"
        self.company = ""
        self._started: list = []

    # --- set-up ----------------------------------------------------------------------------------

    def prepare(self) -> str:
        """The campaign open now, its number, and the simulated members checked in to a shift."""
        options = self.options
        with self.app.app_context():
            found = campaigns.campaign(options.campaign_id)
            if found is None or found.kind != "inbound":
                raise SystemExit(f"Campaign {options.campaign_id} is not an inbound campaign.")
            changed = population.open_now(found)
            if changed:
                self.echo(f"Campaign {found.id} ({found.name}): {changed} for the simulation.")
            number = numbers.caller_id(found.id)
            if number is None:
                raise SystemExit(f"Campaign {found.id} has no inbound number (publish it first).")
            self.load = population.load_of(found, rate=options.rate, patience=options.patience)
            self.industry, self.company = found.industry or "general", found.name.split(" (")[0]
            codes = campaigns.dispositions_of(found)
            self.dispositions = ([d["code"] for d in codes if d.get("outcome") == "success"] or [codes[0]["code"]],
                                 [d["code"] for d in codes if d.get("outcome") != "success"] or [codes[0]["code"]])
            made = population.simulated_members(found, options.agents, self.run_id)
            population.check_in(found, made)
            commit()
            mixes = [(0.8, 0.15, 0.05), (0.5, 0.4, 0.1), (0.2, 0.4, 0.4)]  # good, average and poor agents
            self.members = [Member(m.id, m.email, self.rng.choices(mixes, weights=(5, 4, 1))[0]) for m in made]
            db.session.remove()
            return number

    def _start_engine(self):
        """The carrier, a dispatcher and a worker: in-process unless a deployment runs them."""
        remote = self.app.config.get("LOCAL_CARRIER_URL")
        if remote and self.options.base_url:
            return HttpCarrier(remote)
        from telephony import dispatcher
        from telephony.carrier import start_local_carrier

        carrier = self.app.extensions.get("local_carrier")
        if carrier is None or carrier.clock.speed != self.options.speed:
            if carrier is not None:
                carrier.shutdown()
            carrier = start_local_carrier(self.app, speed=self.options.speed)
            self._started.append(carrier.shutdown)
        stop = threading.Event()
        thread = threading.Thread(target=dispatcher.run, args=(self.app, stop), name="sim-dispatcher", daemon=True)
        thread.start()
        self._started.append(stop.set)
        if os.environ.get("CROWDLINE_SIM_WORKER", "1") == "1" and not self.app.config.get("TESTING"):
            worker = subprocess.Popen([sys.executable, "-m", "flask", "--app", "wsgi", "worker"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self._started.append(worker.terminate)
        return InProcessCarrier(carrier)

    # --- the members ------------------------------------------------------------------------------

    def _pause(self, simulated_seconds: float) -> None:
        self.stop.wait(simulated_seconds / self.options.speed)

    def _finish(self, member: Member, call_id: int, rng: random.Random) -> None:
        """Wrap-up: the conversation's transcript attached, then a disposition."""
        self._pause(self.load.wrapup(rng))
        quality = transcripts.pick_quality(rng, member.quality_mix)
        language = rng.choices(("zh", "en"), weights=(4, 1))[0]
        transcript = transcripts.generate(industry=self.industry, language=language, quality=quality,
                                          seed=call_id * 7919 + self.options.seed, company=self.company)
        with self.app.app_context():
            try:
                services.attach_media(call_id, transcript_ref=save_transcript(call_id, transcript.to_dict()))
                commit()
            except Exception:
                rollback()
                logger.exception("Transcript of %s not attached", call_id)
            finally:
                db.session.remove()
        success = rng.random() < SUCCESS_SHARE
        code = rng.choice(self.dispositions[0] if success else self.dispositions[1])
        status, body = self.api.request("POST", f"/api/v1/interactions/{call_id}/disposition", member.token,
                                        {"code": code})
        if status != 200:
            member.problems.append(f"disposition of {call_id}: {status} {body.get('error', body)}")
        else:
            member.handled += 1

    def _work(self, member: Member) -> None:
        """A member's client: beats, sees an offer, accepts after a ring, wraps up the call it had."""
        rng = random.Random(f"{self.options.seed}:{member.id}")
        current: int | None = None
        while not self.stop.is_set():
            status, body = self.api.request("POST", "/api/v1/agents/me/heartbeat", member.token)
            state = body.get("state") if status == 200 else None
            if current is not None and state in ("available", "away", "offline", "offered"):
                current = self._left_over(member, current, state, rng)
            if state == "offered" and body.get("offer"):
                call_id = body["offer"]["call_id"]
                self._pause(rng.uniform(1.0, 5.0))  # the member hears the ring and clicks
                status, answer = self.api.request("POST", f"/api/v1/agents/me/offers/{call_id}/accept", member.token)
                if status == 200:
                    current = call_id
                elif status != 409:
                    member.problems.append(f"accept of {call_id}: {status} {answer}")
            elif state == "wrapup" and current is not None:
                self._finish(member, current, rng)
                current = None
            elif state in ("away", "offline"):
                self.api.request("PUT", "/api/v1/agents/me/presence", member.token, {"status": "available"})
            self.stop.wait(max(POLL_SECONDS, POLL_SECONDS_PER_MEMBER * len(self.members)))

    def _left_over(self, member: Member, call_id: int, state: str, rng: random.Random) -> int | None:
        """The member's routing moved on from a call they accepted: as the workspace would, look at
        the interaction and wrap it up if it waits for them (the routing should have said so: noted)."""
        status, body = self.api.request("GET", f"/api/v1/interactions/{call_id}", member.token)
        if status != 200 or body.get("member_id") != member.id:
            return None  # gone back to the queue, to someone else
        if body.get("state") in ("offered", "in_progress", "held"):
            return call_id  # not over yet (the softphone still rings)
        if body.get("state") == "wrapup":
            self.noticed.append(f"interaction {call_id} was in wrap-up while the ACD had member {member.id} {state}")
            self._finish(member, call_id, rng)
        return None

    def _bring_in(self, carrier) -> list[threading.Thread]:
        threads = []
        for member in self.members:
            member.token = self.api.login(member.email, population.SIM_PASSWORD)
            carrier.register_client(f"member-{member.id}", Party(ring_seconds=SOFTPHONE_RING_SECONDS))
            status, body = self.api.request("PUT", "/api/v1/agents/me/presence", member.token, {"status": "available"})
            if status != 200:
                raise SystemExit(f"Simulated member {member.id} could not go available: {status} {body}")
            thread = threading.Thread(target=self._work, args=(member,), name=f"sim-member-{member.id}", daemon=True)
            thread.start()
            threads.append(thread)
        return threads

    # --- the callers ------------------------------------------------------------------------------

    def _caller(self) -> Party:
        return Party(ring_seconds=0.0, patience=self.load.patience(self.rng), talk_seconds=self.load.talk(self.rng),
                     digits=[self.rng.choice("12")])

    def run(self) -> tuple[list[str], list[Member]]:
        number = self.prepare()
        carrier = self._start_engine()
        threads = self._bring_in(carrier)
        try:
            began = time.monotonic()
            for at in self.load.arrivals(self.rng, self.options.calls):
                delay = began + at / self.options.speed - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                caller = "+86139" + "".join(self.rng.choice("0123456789") for _ in range(8))
                self.sids.append(carrier.inbound_call(from_=caller, to=number, party=self._caller()))
            deadline = time.monotonic() + DRAIN_SECONDS + self.options.calls * 0.05
            while time.monotonic() < deadline and not all(carrier.ended(sid) for sid in self.sids):
                time.sleep(0.1)
            self._drain(deadline)
        finally:
            self.stop.set()
            for thread in threads:
                thread.join(timeout=10)
            for member in self.members:
                self.api.request("PUT", "/api/v1/agents/me/presence", member.token, {"status": "offline"})
                carrier.unregister_client(f"member-{member.id}")
            for stop in reversed(self._started):
                stop()
        return self.sids, self.members

    def _drain(self, deadline: float) -> None:
        """Wait until no interaction of the run is still live or in wrap-up (members finish theirs)."""
        from telephony.simulator.report import live_interactions

        while time.monotonic() < deadline:
            with self.app.app_context():
                left = live_interactions(self.sids)
                db.session.remove()
            if not left:
                return
            time.sleep(0.1)


def answered_agent_legs(carrier) -> dict[int, set[int]]:
    """``{interaction id: members whose softphone leg was answered}`` from the in-process carrier's
    own records (empty without one): the carrier's view of who was on each call."""
    from urllib.parse import parse_qs, urlsplit

    found: dict[int, set[int]] = {}
    for call in list(carrier.calls.values()) if carrier is not None else []:
        if not call.to.startswith("client:") or call.answered_at is None or not call.url:
            continue
        query = parse_qs(urlsplit(call.url).query)
        if "interaction" in query and "member" in query:
            found.setdefault(int(query["interaction"][0]), set()).add(int(query["member"][0]))
    return found
