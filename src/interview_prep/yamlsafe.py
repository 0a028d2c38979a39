"""The one hardened reader for YAML a user wrote: banks, config.yaml, hand-edited front matter.

We never call yaml.load or yaml.compose on a user's file: libyaml's composer
recurses in C and crashes the interpreter (SIGSEGV, not RecursionError) at
about 100,000 levels of nesting, which a 200 KB file of `[` reaches. Instead
`Composer` pulls parser events one at a time and builds a small node tree
itself, which lets it
- stop at `max_depth` levels before the parser has read much of the file,
- refuse anchors and aliases, so nothing is ever expanded (billion laughs),
- refuse tags other than the core schema's (no Python objects, ever),
- see duplicate keys and keep line:column for every value.
`to_python` turns a tree into plain values (str, int, float, bool, None, list,
dict), refusing integers too long to be a real setting. `read_limited` checks a
file's size with `stat` before reading a byte of it.

The JSON prep writes (markers, front-matter values) is read by jsonsafe.py with
the same two limits: nesting depth and integer length.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeAlias

from interview_prep.jsonsafe import MAX_INT_DIGITS
from interview_prep.output import one_line

MAX_EVENTS = 100_000  # parser events; 200 questions make ~15,000. Bounds a hostile file's cost
CORE_TAG = "tag:yaml.org,2002:"
_CORE_TAGS = ("str", "int", "float", "bool", "null", "seq", "map")
_ALLOWED_TAGS = frozenset({"!"} | {CORE_TAG + name for name in _CORE_TAGS})


@dataclass(slots=True)
class Scalar:
    value: str
    line: int
    col: int
    tag: str | None
    plain: bool


@dataclass(slots=True)
class Seq:
    line: int
    col: int
    items: list[Node] = field(default_factory=list)


@dataclass(slots=True)
class Map:
    line: int
    col: int
    pairs: list[tuple[Node, Node]] = field(default_factory=list)


Node: TypeAlias = Scalar | Seq | Map


class GiveUp(Exception):
    """The file is hostile or broken enough that reading on would only cost time."""

    def __init__(self, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.line, self.col, self.message = line, col, message


@dataclass(frozen=True, slots=True)
class Limits:
    """What a kind of file may hold, and how messages name it ("a bank", "the config")."""

    what: str
    max_depth: int
    needed_depth: int
    max_events: int = MAX_EVENTS


def read_limited(path: Path | str, max_bytes: int) -> bytes | None:
    """The file's bytes, or None if `stat` says it is over `max_bytes` (nothing is read then).

    Reads at most `max_bytes + 1` bytes even if the file grows after the stat.
    OSError if it cannot be opened or read, or is not a regular file: a pipe or a device is
    opened without waiting (O_NONBLOCK) and refused, never read.
    """
    with open(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "not a regular file (a folder, a pipe or a device)", str(path))
        if info.st_size > max_bytes:
            return None
        data = file.read(max_bytes + 1)
    return None if len(data) > max_bytes else data


class Composer:
    """Builds a node tree from one YAML document, refusing what a user's file never needs.

    Problems are collected as (line, col, message), 1-based.
    """

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.problems: list[tuple[int, int, str]] = []
        self.reuse: list[tuple[int, int, str]] = []  # anchors and aliases, by place

    def compose(self, text: str) -> Node | None:
        import yaml

        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
        try:
            return self._compose_events(loader)
        except GiveUp as stop:
            self._add(stop.line, stop.col, stop.message)
        except yaml.MarkedYAMLError as error:
            self._add_syntax_error(error, text)
        except yaml.YAMLError as error:
            self._add(1, 1, f"not valid YAML: {one_line(str(error))}")
        except RecursionError:
            self._add(1, 1, "nested too deeply to read")
        finally:
            loader.dispose()
        return None

    def _compose_events(self, loader: Any) -> Node | None:
        # The hot loop of every run that reads banks: events stay untyped (Any), told apart by exact type.
        scalar, map_start, seq_start, map_end, seq_end, alias, doc_start, stream_end = _event_types()
        root: Node | None = None
        open_nodes: list[Seq | Map] = []
        pending_keys: list[Node | None] = []
        documents = 0
        max_depth = self.limits.max_depth
        for _ in range(self.limits.max_events):
            event = loader.get_event()
            kind = type(event)
            node: Node
            if kind is scalar:
                mark = event.start_mark
                node = Scalar(event.value, mark.line + 1, mark.column + 1, event.tag, event.implicit[0])
                if event.anchor is not None or event.tag is not None:
                    self._check_anchor_and_tag(event)
            elif kind is map_start or kind is seq_start:
                mark = event.start_mark
                if len(open_nodes) >= max_depth:
                    raise GiveUp(mark.line + 1, mark.column + 1, self._too_deep())
                if event.anchor is not None or event.tag is not None:
                    self._check_anchor_and_tag(event)
                new_node = Map if kind is map_start else Seq
                open_nodes.append(new_node(mark.line + 1, mark.column + 1))
                pending_keys.append(None)
                continue
            elif kind is map_end or kind is seq_end:
                node = open_nodes.pop()
                pending_keys.pop()
            elif kind is alias:
                node = self._alias(event)
            elif kind is doc_start:
                documents += 1
                if documents > 1:
                    self._add(*place(event), self._one_document())
                    break
                continue
            elif kind is stream_end:
                break
            else:
                continue
            if not open_nodes:
                root = node
            elif isinstance(parent := open_nodes[-1], Seq):
                parent.items.append(node)
            elif (key := pending_keys[-1]) is None:
                pending_keys[-1] = node
            else:
                parent.pairs.append((key, node))
                pending_keys[-1] = None
        else:
            line, col = place(event)
            raise GiveUp(
                line,
                col,
                f"more than {self.limits.max_events:,} YAML values; {self.limits.what} holds far fewer",
            )
        self._report_reuse()
        return root

    def _too_deep(self) -> str:
        limits = self.limits
        return f"nested more than {limits.max_depth} levels deep; {limits.what} needs at most {limits.needed_depth}"

    def _one_document(self) -> str:
        return f"{self.limits.what} file holds one YAML document; remove the second '---' and what follows"

    def _alias(self, event: Any) -> Scalar:
        line, col = place(event)
        self.reuse.append((line, col, f"alias '*{event.anchor}'"))
        return Scalar("", line, col, None, True)  # a null stands in: the alias is never expanded

    def _check_anchor_and_tag(self, event: Any) -> None:
        line, col = place(event)
        if event.anchor is not None:
            self.reuse.append((line, col, f"anchor '&{event.anchor}'"))
        if event.tag is not None and event.tag not in _ALLOWED_TAGS:
            tag = event.tag.replace(CORE_TAG, "!!")
            self._add(line, col, f"YAML tag '{tag}' is not allowed in {self.limits.what}; remove it")

    def _report_reuse(self) -> None:
        if not self.reuse:
            return
        line, col, what = self.reuse[0]
        more = f" ({len(self.reuse) - 1} more in this file)" if len(self.reuse) > 1 else ""
        message = f"{what}: anchors and aliases are not allowed in {self.limits.what}; write each value out"
        self._add(line, col, message + more)

    def _add_syntax_error(self, error: Any, text: str) -> None:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = error.problem or "unreadable YAML"
        if _char_at(text, line, col) == "\t" or "tab" in problem:
            self._add(line, col, "YAML syntax error: tab character; indent with spaces, not tabs")
            return
        message = f"YAML syntax error: {problem}"
        if error.context and error.context_mark:
            message += f" ({error.context} started on line {error.context_mark.line + 1})"
        if "mapping values are not allowed" in problem:
            message += "; put text that contains ': ' in quotes"
        self._add(line, col, one_line(message))

    def _add(self, line: int, col: int, message: str) -> None:
        self.problems.append((line, col, message))


def _event_types() -> tuple[type, ...]:
    from yaml import events

    return (
        events.ScalarEvent,
        events.MappingStartEvent,
        events.SequenceStartEvent,
        events.MappingEndEvent,
        events.SequenceEndEvent,
        events.AliasEvent,
        events.DocumentStartEvent,
        events.StreamEndEvent,
    )


def place(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _char_at(text: str, line: int, col: int) -> str:
    lines = text.split("\n", line)
    if line - 1 < len(lines) and col - 1 < len(lines[line - 1]):
        return lines[line - 1][col - 1]
    return ""


# --- Scalars -------------------------------------------------------------------

_resolver: Any = None


def is_null(node: Scalar) -> bool:
    return node.plain and node.tag is None and node.value in ("", "~", "null", "Null", "NULL")


def resolved_tag(node: Scalar) -> str:
    """The core-schema tag YAML gives this scalar: str, int, float, bool, null (or timestamp)."""
    global _resolver
    if node.tag is not None and node.tag != "!":
        return node.tag
    if not node.plain:
        return CORE_TAG + "str"
    import yaml

    if _resolver is None:
        _resolver = yaml.resolver.Resolver()
    return str(_resolver.resolve(yaml.ScalarNode, node.value, (True, False)))


def scalar_value(node: Scalar) -> str | int | float | bool | None:
    """The scalar as a Python value; ValueError if it is a number too long to be meant.

    Timestamps stay text: prep stores dates as ISO strings.
    """
    import yaml

    tag = resolved_tag(node)
    if tag == CORE_TAG + "null":
        return None
    if tag not in (CORE_TAG + "int", CORE_TAG + "float", CORE_TAG + "bool"):
        return node.value
    if tag.endswith("int") and len(node.value.lstrip("+-").replace("_", "")) > MAX_INT_DIGITS:
        raise ValueError(f"the number '{node.value[:20]}...' has more than {MAX_INT_DIGITS} digits")
    constructor = yaml.constructor.SafeConstructor()
    value: str | int | float | bool = constructor.construct_object(yaml.ScalarNode(tag, node.value))
    return value


def to_python(node: Node) -> Any:
    """Plain Python values for a node tree; ValueError (with the line) for a bad scalar
    or a key that is not text. Duplicate keys are the caller's to refuse (it knows the words)."""
    if isinstance(node, Scalar):
        try:
            return scalar_value(node)
        except ValueError as error:
            raise ValueError(f"{node.line}:{node.col}: {error}") from None
    if isinstance(node, Seq):
        return [to_python(item) for item in node.items]
    result: dict[str, Any] = {}
    for key, value in node.pairs:
        if not isinstance(key, Scalar):
            raise ValueError(f"{key.line}:{key.col}: a key must be plain text")
        result[key.value] = to_python(value)
    return result
