"""The package's layers: the engine knows no law, each layer imports only the layers below it, and no modules
import one another in a cycle (counting imports inside functions and under ``TYPE_CHECKING``)."""

from __future__ import annotations

from tests.conventions.sources import cycles, import_graph, modules

LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("contracts", ("mappa_rules.decision", "mappa_rules.legal_time", "mappa_rules.limits")),
    ("engine", ("mappa_rules.engine",)),
    ("facts", ("mappa_rules.facts",)),
    ("conventions", ("mappa_rules.legal_time.conventions",)),
    ("offences", ("mappa_rules.offences",)),
    ("vocabulary", ("mappa_rules.vocabulary",)),
    ("rulebook", ("mappa_rules.rulebook",)),
    ("questions", ("mappa_rules.questions",)),
    ("presentation", ("mappa_rules.render", "mappa_rules.input", "mappa_rules.assessment", "mappa_rules.schemas",
                      "mappa_rules.batch", "mappa_rules.ordered_pool")),
    ("package", ("mappa_rules",)),
    ("applications", ("mappa_rules.server", "mappa_rules.report", "mappa_rules.monitor")),
    ("command line and docs", ("mappa_rules.cli", "mappa_rules.docgen", "mappa_rules.__main__")),
)
"""Lowest first. A module belongs to the layer of its longest matching prefix."""

ENGINE_MAY_IMPORT = ("mappa_rules.engine", "mappa_rules.decision", "mappa_rules.limits")
"""The engine is law-free: it imports itself, the decision contract and the machinery limits, nothing else of the
package."""


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def layer_of(name: str) -> int:
    matches = [(len(prefix), rank) for rank, (_, prefixes) in enumerate(LAYERS) for prefix in prefixes
               if _within(name, prefix)]
    assert matches, f"{name} belongs to no layer: add it to LAYERS"
    return max(matches)[1]


def test_every_module_belongs_to_a_layer() -> None:
    for name in modules():
        layer_of(name)


def test_the_engine_imports_no_law() -> None:
    """The law (rulesets, vocabularies, catalogues) is handed to the engine's loader; it never reaches for it."""
    found = {
        (name, target)
        for name, targets in import_graph().items() if _within(name, "mappa_rules.engine")
        for target in targets if not any(_within(target, allowed) for allowed in ENGINE_MAY_IMPORT)
    }
    assert not found, "the engine imports law: " + ", ".join(sorted(map(str, found)))


def test_each_layer_imports_only_the_layers_below() -> None:
    upward = sorted(
        f"{name} ({LAYERS[layer_of(name)][0]}) imports {target} ({LAYERS[layer_of(target)][0]})"
        for name, targets in import_graph().items() for target in targets
        if layer_of(target) > layer_of(name)
    )
    assert not upward, "\n".join(upward)


def test_no_import_cycles() -> None:
    assert cycles(import_graph()) == []
