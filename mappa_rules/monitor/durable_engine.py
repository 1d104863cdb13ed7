"""durable-rules 2.0.28 behind a narrow, typed wrapper.

What the wrapper does about the engine's known limits (measured on this machine, Python 3.11):

* **Global registry and background threads.** ``durable.lang`` keeps a process-wide registry and its host starts
  two ``threading.Timer`` loops that dispatch actions and wall-clock timers every 0.2 s. The wrapper never uses
  the registry: it builds rule definitions with the ``m``/``c`` expression objects only, registers them on a host
  of its own whose dispatch loop is switched off, and so every action runs synchronously, inside the call that
  asserted the facts it matched, on the calling thread. No timers are used (the engine's timers read the wall
  clock); time is a ``clock`` fact the monitor asserts.
* **Concurrency.** The engine is not thread-safe: one thread must own a :class:`RuleSet`.
* **Open sessions.** Each session (``sid``) holds about 118 KB of node pools (measured), and the state index has
  a fixed 1,024 slots: the 1,025th open session fails with ``MemoryError``. Sessions are found by a 32-bit hash of
  the sid, compared without the text, so two sids may collide. The monitor therefore opens one session at a
  time and deletes it when the step is done.
* **Memory errors in the C engine.** Deleting a session in which no action ran frees an unset pointer; a join
  whose last comparison is false reads past the end of its expression list; retracting a fact reads frame slots
  never initialised. Each can crash the process depending on what lies in memory. Every session the wrapper
  opens runs one action first, every join is written with :func:`joined`, and the monitor's actions never
  retract. (Found with valgrind; the monitor's tests run its rules under it when it is installed.)
* **Errors.** A fact no rule accepts raises ``MessageNotHandledException``; a comparison with a property a fact
  lacks fails in C (error 311); an exception in an action is swallowed into the session state as a traceback
  (with the facts in it). The wrapper turns all of these into :class:`EngineError` with a kind and no content,
  and replaces the host after one, so that a half-applied session cannot leak into the next step.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import durable_rules_engine as _native  # type: ignore[import-not-found,unused-ignore]
from durable import engine as _engine  # type: ignore[import-untyped,import-not-found,unused-ignore]
from durable import lang as _lang  # type: ignore[import-untyped,import-not-found,unused-ignore]

Fact = dict[str, Any]
Closure = Any
"""The engine's action argument (``durable.engine.Closure``): ``c.<alias>`` is a matched fact, ``c.s`` the state."""
Action = Callable[[Closure], None]

m: Any = _lang.m
c: Any = _lang.c
when_all: Callable[..., Any] = _lang.when_all
none: Callable[..., Any] = _lang.none

_CODE = re.compile(r"error code: (\d+)")
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


class _SyncHost(_engine.Host):  # type: ignore[misc]
    """A host with its dispatch and timer threads switched off."""

    def _run(self) -> None:
        return None


def _kind_of(exc: BaseException) -> str:
    if isinstance(exc, MemoryError):
        return "engine_out_of_memory"
    if isinstance(exc, _engine.MessageNotHandledException):
        return "engine_fact_not_handled"
    if isinstance(exc, _engine.MessageObservedException):
        return "engine_fact_observed"
    if isinstance(exc, _native.error):
        found = _CODE.search(str(exc))
        return f"engine_error_{found.group(1)}" if found else "engine_error"
    return f"engine_{type(exc).__name__}"


class RuleSet:
    """A durable-rules ruleset on a host of its own, asserted into and read synchronously by one thread."""

    def __init__(self, name: str, rules: Mapping[str, Rule]) -> None:
        self.name = name
        self._rules = dict(rules)
        self._failure: BaseException | None = None
        self._opened = 0
        self._host = self._new_host()

    def _new_host(self) -> Any:
        opened = when_all(m.t == _OPENED).define()
        opened.update(run=self._guarded(self._open), pri=0)
        definition: dict[str, Any] = {_OPENED: opened}
        for rule_name, rule in self._rules.items():
            defined = rule.when.define()
            defined["run"] = self._guarded(rule.action)
            defined["pri"] = rule.priority
            definition[rule_name] = defined
        host = _SyncHost()
        host.register_rulesets({self.name: definition})
        return host

    def _guarded(self, action: Action) -> Action:
        def run(closure: Closure) -> None:
            if self._failure is not None:
                return
            try:
                action(closure)
            except Exception as exc:  # recorded and raised after the call: the engine would swallow it
                self._failure = exc

        return run

    def run_session(self, sid: str, facts: Sequence[Fact]) -> None:
        """Open session ``sid``, assert ``facts`` (each with an ``id``), run every action they make ready, and
        delete the session."""
        self._opened = 0
        self._assert([{"id": _OPENED, "t": _OPENED}, *facts], sid)
        if self._opened != 1:  # without an action run, deleting the session would free an unset pointer
            self._reset()
            raise EngineError("engine_session_not_opened")
        self._delete(sid)

    def _open(self, closure: Closure) -> None:
        self._opened += 1

    def _assert(self, facts: Sequence[Fact], sid: str) -> None:
        self._failure = None
        try:
            state = self._host.assert_facts(self.name, [{**fact, "sid": sid} for fact in facts])
        except Exception as exc:
            self._reset()
            raise EngineError(_kind_of(exc)) from None
        failure, self._failure = self._failure, None
        if failure is not None or (isinstance(state, dict) and "exception" in state):
            self._reset()
            raise EngineError("engine_action_failed" if failure is None else f"action_{type(failure).__name__}")

    def _delete(self, sid: str) -> None:
        try:
            self._host.delete_state(self.name, sid)
        except Exception as exc:
            self._reset()
            raise EngineError(_kind_of(exc)) from None

    def _reset(self) -> None:
        """Replace the host (and free the old one's rulesets) after an error left it in an unknown state."""
        for ruleset in getattr(self._host, "_ruleset_list", []):
            with contextlib.suppress(Exception):  # the old host is dropped either way
                _native.delete_ruleset(ruleset._handle)
        self._host = self._new_host()


__all__ = ["Action", "Closure", "EngineError", "Fact", "Rule", "RuleSet", "c", "joined", "m", "none", "when_all"]
