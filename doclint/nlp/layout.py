"""Layout repair before extraction: PDF and text files wrap long lines, which splits sentences
(and the labels, codes and duties in them) across blocks. Join them back."""

from __future__ import annotations

import re
from dataclasses import replace

from doclint.model import Block
from doclint.nlp.sections import heading_kind
from doclint.nlp.text import LIST_MARKER

_SENTENCE_END = re.compile(r"([.!?。:：]|[다함음요]\.?)\s*$")
_MIN_WRAPPED = 38  # a line shorter than this ended where its writer ended it


def is_marked(block: Block) -> bool:
    return block.kind == "list_item" or bool(block.marker) or bool(LIST_MARKER.match(block.text))


def logical_blocks(blocks: list[Block]) -> list[Block]:
    """Join the lines a PDF or text file wrapped back into one block: a line that is long, does
    not end a sentence, and is followed by an unmarked line of the same page."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (
            prev is not None and prev.kind == "line" and block.kind == "line" and prev.page == block.page
            and len(prev.text) >= _MIN_WRAPPED and not _SENTENCE_END.search(prev.text)
            and not is_marked(block) and heading_kind(block.text) is None
        ):
            out[-1] = replace(prev, text=prev.text + ("" if prev.text.endswith("-") else " ") + block.text)
            continue
        out.append(block)
    return out


