# The two commands of the README: `make report` and `make test`. Each installs the system
# packages it needs when they are missing (see scripts/ensure-packages).

SWIFT ?= swift
# cairo for the figures, BLIS (pthread flavour) for the matrix work, DejaVu for the figures' text.
BUILD_PACKAGES := pkg-config libcairo2-dev libblis-pthread-dev fonts-dejavu-core
REPORT_FLAGS ?=

.PHONY: report test build deps clean benchmark

report: deps
	$(SWIFT) build -c release --product initlab
	.build/release/initlab build $(REPORT_FLAGS)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

build: deps
	$(SWIFT) build -c release --product initlab

deps:
	@scripts/ensure-packages $(BUILD_PACKAGES)

benchmark: deps
	$(SWIFT) build -c release --product benchmarks
	.build/release/benchmarks

clean:
	rm -rf .build .initlab-cache
