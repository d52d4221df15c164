# newsdigest — build, run, test and install.
#
#   make run           build and run the daemon on ./var (inbox: ./var/inbox, digests: ./var/output/digests)
#   make test          the whole test suite (what CI runs)
#   make install       install the binary, unit, configuration and docs (PREFIX=/usr/local, DESTDIR=)
#   make fuzz          fuzz every parser of the core for FUZZ_SECONDS each (docs/RELIABILITY.md)
#   make fuzz-smoke    the short fuzz pass CI runs; fails on any crash, hang or runaway memory

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR ?= $(PREFIX)/bin
DOCDIR ?= $(PREFIX)/share/doc/newsdigest
UNITDIR ?= $(PREFIX)/lib/systemd/system
SYSUSERSDIR ?= $(PREFIX)/lib/sysusers.d
TMPFILESDIR ?= $(PREFIX)/lib/tmpfiles.d
SYSCONFDIR ?= /etc
SWIFT ?= swift
SWIFT_BUILD_FLAGS ?=

.PHONY: all build release run test unit-test integration-test system-test install uninstall clean eval eval-check \
	fuzz-build fuzz fuzz-smoke

all: build

build:
	$(SWIFT) build $(SWIFT_BUILD_FLAGS)

# The installed binary carries the Swift runtime, so it runs where no toolchain is installed.
RELEASE_FLAGS ?= -c release --static-swift-stdlib

release:
	$(SWIFT) build $(RELEASE_FLAGS) $(SWIFT_BUILD_FLAGS)

run: build
	$(SWIFT) run $(SWIFT_BUILD_FLAGS) newsdigest run

unit-test:
	$(SWIFT) build --build-tests $(SWIFT_BUILD_FLAGS)
	$(SWIFT) test --skip-build $(SWIFT_BUILD_FLAGS)

integration-test: build
	bash IntegrationTests/run.sh "$$($(SWIFT) build $(SWIFT_BUILD_FLAGS) --show-bin-path)/newsdigest"

# Boots a real systemd in private namespaces (needs root and unshare); see Tests/system/README.md.
system-test:
	bash Tests/system/run.sh

test: unit-test integration-test system-test

install: release
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(UNITDIR) $(DESTDIR)$(SYSUSERSDIR) $(DESTDIR)$(TMPFILESDIR) \
		$(DESTDIR)$(SYSCONFDIR)/newsdigest $(DESTDIR)$(DOCDIR)
	install -m 0755 "$$($(SWIFT) build $(RELEASE_FLAGS) $(SWIFT_BUILD_FLAGS) --show-bin-path)/newsdigest" $(DESTDIR)$(BINDIR)/newsdigest
	sed -e 's|@BINDIR@|$(BINDIR)|g' -e 's|@DOCDIR@|$(DOCDIR)|g' systemd/newsdigest.service.in \
		> $(DESTDIR)$(UNITDIR)/newsdigest.service
	chmod 0644 $(DESTDIR)$(UNITDIR)/newsdigest.service
	install -m 0644 systemd/newsdigest.sysusers $(DESTDIR)$(SYSUSERSDIR)/newsdigest.conf
	install -m 0644 systemd/newsdigest.tmpfiles $(DESTDIR)$(TMPFILESDIR)/newsdigest.conf
	# Never overwrite an operator's configuration; ship the default beside it instead.
	if [ -e $(DESTDIR)$(SYSCONFDIR)/newsdigest/newsdigest.yaml ]; then \
		install -m 0644 etc/newsdigest/newsdigest.yaml $(DESTDIR)$(SYSCONFDIR)/newsdigest/newsdigest.yaml.default; \
	else \
		install -m 0644 etc/newsdigest/newsdigest.yaml $(DESTDIR)$(SYSCONFDIR)/newsdigest/newsdigest.yaml; \
	fi
	install -m 0644 README.md $(DESTDIR)$(DOCDIR)/README.md
	install -m 0644 docs/*.md $(DESTDIR)$(DOCDIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/newsdigest $(DESTDIR)$(UNITDIR)/newsdigest.service \
		$(DESTDIR)$(SYSUSERSDIR)/newsdigest.conf $(DESTDIR)$(TMPFILESDIR)/newsdigest.conf
	rm -rf $(DESTDIR)$(DOCDIR)

# Scores every development pack in ../shared/eval and rewrites the table in docs/QUALITY.md.
eval: release
	python3 scripts/eval.py "$$($(SWIFT) build $(RELEASE_FLAGS) $(SWIFT_BUILD_FLAGS) --show-bin-path)/newsdigest"

# The same, failing when a score is under its floor in scripts/eval-floors.json (CI runs this).
eval-check: release
	python3 scripts/eval.py --check "$$($(SWIFT) build $(RELEASE_FLAGS) $(SWIFT_BUILD_FLAGS) --show-bin-path)/newsdigest"

# Fuzzing (docs/RELIABILITY.md). The fuzz build has its own scratch folder because its flags apply to every
# module; -DFUZZING turns the binary's `main` from a replay tool into a call to libFuzzer's driver. Release, because
# -O runs several times more inputs a second and keeps every bounds and overflow check (only `assert` goes).
FUZZ_SCRATCH ?= .build-fuzzer
FUZZ_WORK ?= .build-fuzz-runs
FUZZ_TARGETS ?= text html mail json date quotation gzip charset article
FUZZ_SECONDS ?= 300
FUZZ_SMOKE_SECONDS ?= 15
FUZZ_BUILD_FLAGS = -c release --scratch-path $(FUZZ_SCRATCH) --product newsdigest-fuzz \
	-Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address
FUZZ_BIN = "$$($(SWIFT) build $(FUZZ_BUILD_FLAGS) --show-bin-path)/newsdigest-fuzz"

fuzz-build:
	nice -n 10 $(SWIFT) build $(FUZZ_BUILD_FLAGS)

# Long runs; the corpus each target grows stays in $(FUZZ_WORK) and seeds the next run.
fuzz: fuzz-build
	bash scripts/fuzz.sh $(FUZZ_BIN) $(FUZZ_SECONDS) $(FUZZ_WORK)/long $(FUZZ_TARGETS)

# A fresh corpus every time, so CI checks the committed seeds rather than whatever a previous run left.
fuzz-smoke: fuzz-build
	rm -rf $(FUZZ_WORK)/smoke
	bash scripts/fuzz.sh $(FUZZ_BIN) $(FUZZ_SMOKE_SECONDS) $(FUZZ_WORK)/smoke $(FUZZ_TARGETS)

clean:
	rm -rf .build var $(FUZZ_SCRATCH) $(FUZZ_WORK)
