"""durable-rules 2.0.28 behind a narrow, typed wrapper.

Rules are written with durable-rules' own expression objects (``m``, ``c``, ``when_all`` from
``durable.lang``) and compiled by its C engine (``durable_rules_engine``). The wrapper drives the engine's native
calls itself - create the ruleset, assert a session's facts, run the ready actions one after another, delete the
session - instead of going through ``durable.engine.Host``. What that, and the rest of the wrapper, does about the
engine's known limits (measured on this machine, Python 3.11):

* **Global registry, background threads, wall clock.** ``durable.lang`` keeps a process-wide registry, and a
  ``Host`` starts two ``threading.Timer`` loops that dispatch actions and wall-clock timers every 0.2 s; its
  action wrapper reads the clock too (a result is dropped once an action has run 10 s). None of that is used:
  every action runs synchronously on the calling thread, and time is a ``clock`` fact the monitor asserts.
* **Garbage.** Each action run through ``durable.engine`` leaves a dozen objects in reference cycles (closures
  around the ``Closure`` of the match), which made the cyclic collector's passes over every person's state a
  growing share of the time as the number of people grew; actions here receive the matched facts as plain dicts.
* **Concurrency.** The engine is not thread-safe: one thread must own a :class:`RuleSet`.
* **Open sessions.** Each session (``sid``) holds about 118 KB of node pools (measured), and the state index has
  a fixed 1,024 slots: the 1,025th open session fails with ``MemoryError``. Sessions are found by a 32-bit hash
  of the sid, compared without the text, so two sids may collide. The monitor therefore opens one session at a
  time and deletes it when the step is done.
* **Memory errors in the C engine.** Deleting a session in which no action ran frees an unset pointer; a join
  whose last comparison is false reads past the end of its expression list; retracting a fact reads frame slots
  never initialised. Each can crash the process depending on what lies in memory. Every session the wrapper
  opens runs one action first, every join is written with :func:`joined`, and the monitor's actions never
  assert or retract. (Found with valgrind; the monitor's tests run its rules under it when it is installed.)
* **Errors.** A fact no rule accepts is refused (code 1); comparing with a property a fact lacks fails in C
  (error 311). The wrapper turns these, and any exception in an action, into :class:`EngineError` with a kind
  and no content, and builds the ruleset afresh after one, so that a half-run session cannot leak into the next
  step.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import durable_rules_engine as _native  # type: ignore[import-not-found,unused-ignore]
from durable import lang as _lang  # type: ignore[import-untyped,import-not-found,unused-ignore]

Fact = dict[str, Any]
Frame = dict[str, Fact]
"""The facts one rule matched, by alias (``d``, ``n``, ...)."""
Action = Callable[[Frame], None]

m: Any = _lang.m
c: Any = _lang.c
when_all: Callable[..., Any] = _lang.when_all

_CODE = re.compile(r"error code: (\d+)")
_REFUSED = {1: "engine_fact_not_handled", 2: "engine_fact_observed", 3: "engine_fact_deferred"}
_OPENED = "$opened"
"""A fact asserted first into every session, whose rule runs an action: durable-rules 2.0.28 leaves a new
session's action context unset (``createStateNode`` in state.c), and deleting a session in which no action ever
ran frees that unset pointer and aborts the process."""


def joined(condition: Any, alias: str) -> Any:
    """``condition`` (which compares a fact with the fact matched as ``alias``) ended by an always-true comparison
    of the two facts' sessions.

    durable-rules 2.0.28 evaluates the comparisons of a join left to right and, when one is false, skips ahead to
    the end marker - but when the false comparison is the last one it steps over the marker and reads on through
    whatever memory follows (``reduceExpressionSequence`` in events.c), which can crash the process. A last
    comparison that is always true keeps the skip inside the sequence."""
    return condition & (m.sid == getattr(c, alias).sid)


class EngineError(Exception):
    """The engine failed; ``kind`` names how (no facts, so no personal data, are in it)."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


@dataclass(frozen=True)
class Rule:
    """One rule: a ``when_all(...)`` expression, the action it runs, and its priority (lower runs first)."""

    when: Any
    action: Action
    priority: int


def _kind_of(exc: BaseException) -> str:
    if isinstance(exc, MemoryError):
        return "engine_out_of_memory"
    if isinstance(exc, _native.error):
        found = _CODE.search(str(exc))
        return f"engine_error_{found.group(1)}" if found else "engine_error"
    return f"action_{type(exc).__name__}"


class RuleSet:
    """A durable-rules ruleset compiled by the C engine, asserted into and run synchronously by one thread."""

    def __init__(self, name: str, rules: Mapping[str, Rule]) -> None:
        self.name = name
        definition: dict[str, Any] = {_OPENED: {**when_all(m.t == _OPENED).define(), "pri": 0}}
        self._actions: dict[str, Action] = {_OPENED: self._open}
        for rule_name, rule in rules.items():
            definition[rule_name] = {**rule.when.define(), "pri": rule.priority}
            self._actions[rule_name] = rule.action
        self._definition = json.dumps(definition)
        self._opened = 0
        self._handle: int = _native.create_ruleset(name, self._definition)

    def run_session(self, sid: str, facts: Sequence[Fact]) -> None:
        """Open session ``sid``, assert ``facts`` (each with an ``id``), run every action they make ready, in the
        engine's order, and delete the session."""
        self._opened = 0
        payload = json.dumps([{"id": _OPENED, "t": _OPENED, "sid": sid}, *({**f, "sid": sid} for f in facts)])
        try:
            code, state = _native.assert_facts(self._handle, payload)
            if code:
                raise EngineError(_REFUSED.get(code, f"engine_error_{code}"))
            started = _native.start_action_for_state(self._handle, state)
            messages: str | None = started[1] if started else None
            while messages is not None:
                for rule_name, frame in json.loads(messages).items():
                    self._actions[rule_name](frame)
                messages = _native.complete_and_start_action(self._handle, state)
            if self._opened != 1:  # without an action run, deleting the session would free an unset pointer
                raise EngineError("engine_session_not_opened")
            _native.delete_state(self._handle, sid)
        except EngineError:
            self._reset()
            raise
        except Exception as exc:
            self._reset()
            raise EngineError(_kind_of(exc)) from None

    def _open(self, frame: Frame) -> None:
        self._opened += 1

    def _reset(self) -> None:
        """Build the ruleset afresh (and free the old one) after an error left it in an unknown state."""
        with contextlib.suppress(Exception):  # the old ruleset is dropped either way
            _native.delete_ruleset(self._handle)
        self._handle = _native.create_ruleset(self.name, self._definition)


__all__ = ["Action", "EngineError", "Fact", "Frame", "Rule", "RuleSet", "c", "joined", "m", "when_all"]
