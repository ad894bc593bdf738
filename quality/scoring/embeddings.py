"""The sentence encoder the optional embedding matcher can load: WordLlama's bundled model.

    QA_EMBEDDING_MODEL=quality.scoring.embeddings:wordllama_model

``wordllama`` (the ``qa-embedding`` extra) ships its default model inside its wheel: a static
token-embedding table (``l2_supercat``, 32,000 Llama-2 tokens x 256 dimensions, 16 MB) and the Llama-2
tokenizer. A sentence's vector is the mean of its tokens' vectors. This is the only module that
imports ``wordllama``.

It is built here from those two package files rather than with ``WordLlama.load()``: that call looks
for the tokenizer under ``wordllama/tokenizer/`` while the wheel ships it under
``wordllama/tokenizers/``, so it misses the bundled file and downloads the tokenizer from Hugging
Face (or fails offline). Nothing here opens a connection: a missing file is an error.
"""

from __future__ import annotations

import logging
from pathlib import Path

WEIGHTS = "weights/l2_supercat_256.safetensors"
TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"


class WordLlamaEncoder:
    """``encode(list[str]) -> vectors`` (unit length, one row per text) over a WordLlama model."""

    def __init__(self, inference) -> None:
        self.inference = inference

    def encode(self, texts: list[str]):
        vectors = self.inference.embed(list(texts))
        norms = (vectors * vectors).sum(axis=1, keepdims=True) ** 0.5
        return vectors / norms.clip(min=1e-12)  # a text with no known token stays the zero vector


def wordllama_model() -> WordLlamaEncoder:
    """The bundled 256-dimension WordLlama model, read from the installed package's own files.
    Raises ``ImportError`` without the extra and ``FileNotFoundError`` when a file is missing."""
    wordllama = _import_quietly()
    from safetensors import safe_open
    from tokenizers import Tokenizer

    root = Path(wordllama.__file__).parent
    weights, tokenizer = root / WEIGHTS, root / TOKENIZER
    for path in (weights, tokenizer):
        if not path.is_file():
            raise FileNotFoundError(f"wordllama's bundled model file {path} is missing")
    with safe_open(str(weights), framework="np", device="cpu") as f:
        table = f.get_tensor("embedding.weight")
    return WordLlamaEncoder(wordllama.WordLlamaInference(table, Tokenizer.from_file(str(tokenizer))))


def _import_quietly():
    # Importing wordllama calls logging.basicConfig(level=INFO), which would set up the whole
    # process's logging on the first score; keep the root logger as it was.
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        import wordllama
    finally:
        for handler in root.handlers[:]:
            if handler not in handlers:
                root.removeHandler(handler)
        root.setLevel(level)
    return wordllama
