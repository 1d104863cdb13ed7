"""``mappa-rules completion bash|zsh``: a shell completion script, written from the argument parser, so that it
offers exactly the commands, questions, options and option values the installed command accepts.

Install it with, for bash, ``mappa-rules completion bash > ~/.local/share/bash-completion/completions/mappa-rules``
or, for zsh, ``mappa-rules completion zsh > "${fpath[1]}/_mappa-rules"``.
"""

from __future__ import annotations

import argparse
import shlex

__all__ = ["completion_script"]

_BASH = """\
# bash completion for mappa-rules, written by `mappa-rules completion bash`
_mappa_rules() {{
    local cur="${{COMP_WORDS[COMP_CWORD]}}" prev="${{COMP_WORDS[COMP_CWORD-1]}}" command="${{COMP_WORDS[1]}}"
    local options="" first=""
    if [[ $COMP_CWORD -eq 1 ]]; then
        COMPREPLY=($(compgen -W {top} -- "$cur"))
        return 0
    fi
    case "$command:$prev" in
{values}
    esac
    case "$command" in
{commands}
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
    elif [[ $COMP_CWORD -eq 2 && -n $first ]]; then
        COMPREPLY=($(compgen -W "$first" -- "$cur"))
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
    return 0
}}
complete -o filenames -F _mappa_rules mappa-rules
"""

_ZSH = """\
#compdef mappa-rules
# zsh completion for mappa-rules, written by `mappa-rules completion zsh` (the bash function, through bashcompinit)
autoload -U +X bashcompinit && bashcompinit
"""


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _words(items: list[str]) -> str:
    return shlex.quote(" ".join(items))


def completion_script(parser: argparse.ArgumentParser, shell: str) -> str:
    """The completion script for ``shell`` (``bash`` or ``zsh``) of the command ``parser`` describes."""
    if shell not in ("bash", "zsh"):
        raise ValueError("shell: give bash or zsh")
    commands = _subcommands(parser)
    top = [*commands, *(o for a in parser._actions for o in a.option_strings)]
    values, branches = [], []
    for name, sub in commands.items():
        options = [o for a in sub._actions for o in a.option_strings]
        first = next((list(a.choices) for a in sub._actions if not a.option_strings and a.choices), [])
        branches.append(f"        {name}) options={_words(options)}; first={_words(first)} ;;")
        for action in sub._actions:
            if action.option_strings and action.choices:
                for option in action.option_strings:
                    values.append(f"        {name}:{option}) COMPREPLY=($(compgen -W {_words(list(action.choices))}"
                                  ' -- "$cur")); return 0 ;;')
    script = _BASH.format(top=_words(top), values="\n".join(values), commands="\n".join(branches))
    return script if shell == "bash" else _ZSH + script
