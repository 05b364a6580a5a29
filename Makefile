# newsbot: the two quick-start commands are `make demo` and `make test`.
#
# llama-cpp-python is built from source with portable CPU flags: its tuned AVX-512/AMX
# kernels crash on some virtual CPUs (segfault on the first multi-token prompt). The wheel
# is built once and kept in $(WHEELS), so later installs take seconds. Everything pip says goes
# to $(INSTALL_LOG), named on the terminal; on a failure its last lines are shown.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
WHEELS ?= $(HOME)/.cache/newsbot/wheels
LLAMA_CPP_VERSION := 0.3.36
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON \
	-DGGML_AVX512=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_TILE=OFF
STORE ?= newsbot-store
INSTALL_LOG ?= newsbot-install.log
QUESTION ?= How much territory did Russia retake?
# Test files run in parallel, one worker a core (at most 4): most tests wait on one
# single-threaded subprocess, so a second worker uses the core that would sit idle. A file's
# tests stay on one worker, so a module's fixtures (a store, a server) are built once.
TEST_WORKERS ?= auto

.PHONY: install demo test lint bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@echo "newsbot: installing into $(VENV); pip's output goes to $(INSTALL_LOG)"
	@{ set -e; \
	  test -x $(PY) || $(PYTHON) -m venv $(VENV); \
	  $(PY) -m pip install --upgrade pip; \
	  $(PY) -m pip install torch==2.13.0; \
	  ls $(WHEELS)/llama_cpp_python-$(LLAMA_CPP_VERSION)-*.whl >/dev/null 2>&1 || \
	    CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(PY) -m pip wheel --no-deps --no-cache-dir \
	      --wheel-dir $(WHEELS) llama-cpp-python==$(LLAMA_CPP_VERSION); \
	  $(PY) -m pip install --find-links $(WHEELS) -e '.[dev,bench]'; \
	} >$(INSTALL_LOG) 2>&1 || { \
	  echo "newsbot: the install failed; the end of $(INSTALL_LOG):"; \
	  tail -n 40 $(INSTALL_LOG); exit 1; }
	@touch $@
	@echo "newsbot: installed"

# Set everything up, store the seed article, and answer the sample question with citations.
# Only newsbot's own lines and the answer are printed.
demo: install
	@$(VENV)/bin/newsbot --store $(STORE) ingest seeds/
	@echo
	@$(VENV)/bin/newsbot --store $(STORE) ask "$(QUESTION)"

test: install
	$(PY) -m pytest -n $(TEST_WORKERS) --maxprocesses 4 --dist loadfile

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

bench: install
	$(PY) -m bench ingest --quick

clean:
	rm -rf $(VENV) $(STORE) $(INSTALL_LOG) .pytest_cache .mypy_cache .ruff_cache
