"""The bundled all-MiniLM-L6-v2 run straight on torch: the same vectors, without importing
transformers and sentence-transformers.

Those two imports cost about 7 s of CPU in every process that embeds (``ask``, ``check``,
``search``, the bot), against about 2 s for torch itself. The model is a plain 6-layer BERT
(``config.json``) with mean pooling and unit length (``1_Pooling``, ``2_Normalize``), so its
forward pass is short enough to state here. It reads the package's own ``model.safetensors``
and ``tokenizer.json`` (the Rust ``tokenizers`` library, as sentence-transformers does).
``tests/retrieval/test_minilm.py`` holds it to sentence-transformers' vectors.

Only the bundled model goes this way; any other ``sentence-transformers:`` model still loads
through sentence-transformers (``retrieval/embeddings.py``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

_PREFIX = "encoder.layer.{}."


class MiniLM:
    """Sentence vectors of a BERT model folder in the sentence-transformers layout, mean-pooled
    and normalised, on the CPU."""

    def __init__(self, folder: str | Path) -> None:
        import torch
        from safetensors.torch import load_file
        from tokenizers import Tokenizer

        folder = Path(folder)
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        if config.get("model_type") != "bert" or config.get("hidden_act") != "gelu":
            raise ValueError(f"{folder} is not a BERT model with GELU")
        pooling = json.loads((folder / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
        if not pooling.get("pooling_mode_mean_tokens"):
            raise ValueError(f"{folder} does not pool by the mean of its tokens")
        st_config = folder / "sentence_bert_config.json"
        max_len = 512
        if st_config.exists():
            max_len = int(json.loads(st_config.read_text(encoding="utf-8"))["max_seq_length"])
        self.torch = torch
        self.heads = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        self.eps = float(config["layer_norm_eps"])
        self.dimension = int(config["hidden_size"])
        self.w: dict[str, Any] = load_file(str(folder / "model.safetensors"))
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=max_len)
        self.tokenizer.enable_padding(pad_id=int(config.get("pad_token_id", 0)))

    def _layer_norm(self, x: Any, name: str) -> Any:
        return self.torch.nn.functional.layer_norm(
            x, (x.shape[-1],), self.w[name + ".weight"], self.w[name + ".bias"], self.eps
        )

    def _linear(self, x: Any, name: str) -> Any:
        return self.torch.nn.functional.linear(x, self.w[name + ".weight"], self.w[name + ".bias"])

    def _forward(self, ids: Any, mask: Any) -> Any:
        torch, w = self.torch, self.w
        f = torch.nn.functional
        batch, length = ids.shape
        x = (
            f.embedding(ids, w["embeddings.word_embeddings.weight"])
            + w["embeddings.position_embeddings.weight"][:length]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = self._layer_norm(x, "embeddings.LayerNorm")
        head = self.dimension // self.heads
        # Padding is masked out of every query's attention.
        keep = mask[:, None, None, :].bool()
        for i in range(self.layers):
            p = _PREFIX.format(i)

            def split(t: Any) -> Any:
                return t.view(batch, length, self.heads, head).transpose(1, 2)

            q = split(self._linear(x, p + "attention.self.query"))
            k = split(self._linear(x, p + "attention.self.key"))
            v = split(self._linear(x, p + "attention.self.value"))
            context = f.scaled_dot_product_attention(q, k, v, attn_mask=keep)
            context = context.transpose(1, 2).reshape(batch, length, -1)
            x = self._layer_norm(
                self._linear(context, p + "attention.output.dense") + x,
                p + "attention.output.LayerNorm",
            )
            inner = f.gelu(self._linear(x, p + "intermediate.dense"))
            x = self._layer_norm(
                self._linear(inner, p + "output.dense") + x, p + "output.LayerNorm"
            )
        weights = mask.unsqueeze(-1).to(x.dtype)
        pooled = (x * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
        return f.normalize(pooled, p=2, dim=1)

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        """Unit vectors, one row per text, in the order given."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        torch = self.torch
        # Longest first in batches of like length, as sentence-transformers does: less padding.
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        with torch.inference_mode():
            for start in range(0, len(order), batch_size):
                chunk = order[start : start + batch_size]
                encoded = self.tokenizer.encode_batch([texts[i] for i in chunk])
                ids = torch.tensor([e.ids for e in encoded], dtype=torch.long)
                mask = torch.tensor([e.attention_mask for e in encoded], dtype=torch.long)
                out[chunk] = self._forward(ids, mask).numpy()
        return out
