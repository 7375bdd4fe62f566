# The two commands: `make run` and `make test`. Both install what is missing first.
SHELL := /bin/bash
export LANG := C.UTF-8
export LC_ALL := C.UTF-8
SWIFT ?= swift

.PHONY: bootstrap build release run test lint format bench clean

bootstrap:
	@scripts/bootstrap.sh

build: bootstrap
	$(SWIFT) build

release: bootstrap
	$(SWIFT) build -c release --product coderemote

# Starts the editor; `make run FILE=path.py` opens a file.
run: release
	.build/release/coderemote $(FILE)

test: bootstrap lint
	@scripts/check-build.sh
	$(SWIFT) test --skip-build

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests Benchmarks

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests Benchmarks

bench: bootstrap
	$(SWIFT) build -c release
	scripts/bench.sh

clean:
	rm -rf .build
