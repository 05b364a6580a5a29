# newsbot: the two quick-start commands are `make demo` and `make test`.
#
# llama-cpp-python is built from source with portable CPU flags: its tuned AVX-512/AMX
# kernels crash on some virtual CPUs (segfault on the first multi-token prompt). The wheel
# is built once and kept in $(WHEELS), so later installs take seconds.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
WHEELS ?= $(HOME)/.cache/newsbot/wheels
LLAMA_CPP_VERSION := 0.3.36
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON \
	-DGGML_AVX512=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_TILE=OFF
STORE ?= newsbot-store
QUESTION ?= How much territory did Russia retake?

.PHONY: install demo test lint bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# CPU build of torch from this machine's disk; an unpinned torch pulls a CUDA build.
	$(PY) -m pip install --quiet torch==2.13.0
	ls $(WHEELS)/llama_cpp_python-$(LLAMA_CPP_VERSION)-*.whl >/dev/null 2>&1 || \
		CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(PY) -m pip wheel --no-deps --no-cache-dir \
			--wheel-dir $(WHEELS) llama-cpp-python==$(LLAMA_CPP_VERSION)
	$(PY) -m pip install --quiet --find-links $(WHEELS) -e '.[dev,bench]'
	touch $@

# Set everything up, store the seed article, and answer the sample question with citations.
demo: install
	$(VENV)/bin/newsbot --store $(STORE) ingest seeds/
	$(VENV)/bin/newsbot --store $(STORE) ask "$(QUESTION)"

test: install
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

bench: install
	$(PY) -m bench ingest --quick

clean:
	rm -rf $(VENV) $(STORE) .pytest_cache .mypy_cache .ruff_cache
