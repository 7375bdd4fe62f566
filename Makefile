# The two commands: `make run` and `make test`. Both install what is missing first.
SHELL := /bin/bash
export LANG := C.UTF-8
export LC_ALL := C.UTF-8
SWIFT ?= swift
# Release builds link the Swift runtime and Foundation statically: with libcurl opened on demand
# (Sources/CCurl), start-up is ~7 ms instead of ~23 ms, which every `coderemote run` pays.
RELEASE := -c release --static-swift-stdlib

PREFIX ?= /usr/local

.PHONY: bootstrap build release run test lint format bench install clean

bootstrap:
	@scripts/bootstrap.sh

build: bootstrap
	$(SWIFT) build

release: bootstrap
	$(SWIFT) build $(RELEASE) --product coderemote

# Starts the editor; `make run FILE=path.py` opens a file.
run: release
	CODEREMOTE_THEME_PATH=$(CURDIR)/themes .build/release/coderemote $(FILE)

# Installs the binary and the shipped themes under $(PREFIX).
install: release
	install -D -m 755 .build/release/coderemote $(PREFIX)/bin/coderemote
	install -d $(PREFIX)/share/coderemote/themes
	install -m 644 themes/*.toml $(PREFIX)/share/coderemote/themes/

test: bootstrap lint
	scripts/check-imports.py
	@scripts/check-build.sh
	scripts/run-tests.sh
	scripts/schemathesis.sh

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests Benchmarks

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests Benchmarks

bench: bootstrap
	$(SWIFT) build $(RELEASE)
	scripts/bench.sh

clean:
	rm -rf .build
