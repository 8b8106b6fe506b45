#!/usr/bin/env bash
# Installs the Debian 12 packages zhunru needs to build and test.
# Idempotent: apt-get skips what is already installed. Run as root.
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config
  # grammar: Debian's ANTLR 4.7.2 tool (needs a JRE) and the 4.9 C++ runtime
  antlr4 default-jre-headless libantlr4-runtime-dev uuid-dev
  # quantity parser (Boost.Spirit X3, header-only)
  libboost-dev
  # project files (JSON: nlohmann, and simdjson for the plain ones) and the ruleset content hash (SHA-256)
  nlohmann-json3-dev libsimdjson-dev libssl-dev
  # a snapshot's payload checksum (xxHash's XXH3, header only)
  libxxhash-dev
  # maps and sites: GEOS (C++ API) for geometry, PROJ (+ its EPSG database) for metres
  libgeos-dev libgeos++-dev libproj-dev proj-data
  # the auditor: the Z3 SMT solver
  libz3-dev
  # screening many projects: oneTBB's parallel pipeline
  libtbb-dev
  # command line, formatting, tests, benchmarks
  libcli11-dev libfmt-dev doctest-dev libbenchmark-dev
  # the command's allocator (src/cli/jemalloc_options.cpp says why)
  libjemalloc-dev
  # the C API's test runs under valgrind (tests/CMakeLists.txt)
  valgrind
  # the Python package (bindings/python): pybind11, pytest, and GeoPandas and
  # Dask (with its distributed scheduler) for zhunru.geo and zhunru.dask
  pybind11-dev python3-dev python3-pytest python3-pandas python3-geopandas python3-shapely
  python3-dask python3-distributed
  # the HTTP service (zhunru serve, src/service): cpp-httplib, docs/service.md says why
  libcpp-httplib-dev
  # the self-check page's browser test: Debian's Chromium and its driver, driven
  # by selenium (tests/service/test_page.py), and CJK fonts so it renders Chinese
  chromium chromium-driver python3-selenium fonts-noto-cjk
  # the benchmark peers (bench/peers_bench.cpp): CLIPS 6.30's C API (static
  # libclips.a and headers) and SWI-Prolog 9 embedded (swi-prolog-core brings
  # libswipl, SWI-Prolog.h and its CMake config; Debian 12 has no libswipl-dev)
  libclips-dev swi-prolog-nox
  # the clang build CI checks, and the fuzzers (clang's libFuzzer and sanitizer runtimes)
  clang libclang-rt-14-dev
)

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "install-deps.sh: run as root (it calls apt-get)" >&2
    exit 1
  fi
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# npm, for the page's Leaflet (web/package.json): Debian's npm unless the
# machine already has one.
command -v npm >/dev/null 2>&1 || missing+=(npm)

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps.sh: all ${#packages[@]} packages already installed"
else
  echo "install-deps.sh: installing ${missing[*]}"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

# The page's web assets from the npm registry, at the versions package-lock.json
# pins, into web/node_modules (served locally by `zhunru serve`; no CDN).
web="$(cd "$(dirname "$0")/.." && pwd)/web"
if [ ! -f "$web/node_modules/leaflet/dist/leaflet.js" ]; then
  echo "install-deps.sh: npm ci in web/"
  (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
fi
