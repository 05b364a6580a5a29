"""newsbot's benchmarks, run as ``python -m bench NAME [--quick]``.

Each benchmark is a module ``bench/<name>.py`` with ``main(argv) -> int``. It prints a readable
table and, as the very last line of stdout, one JSON object with its figures; each measures its
own baseline in the same run and reports ratios to it. See bench/RESULTS.md for recorded runs.
"""
