# newsdigest — build, run, test and install.
#
#   make run           build and run the daemon on ./var (inbox: ./var/inbox, digests: ./var/output/digests)
#   make test          the whole test suite (what CI runs)
#   make bench         throughput, latency and growth beside the Python peers (docs/PERFORMANCE.md); long
#   make bench-smoke   the same in seconds, without the peers (CI runs it)
#   make install       install the binary, unit, configuration and docs (PREFIX=/usr/local, DESTDIR=)

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
	bench bench-smoke bench-profile

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

# Release code with debug information, so callgrind and perf can name the functions; the code is the same.
BENCH_FLAGS ?= -c release -Xswiftc -g
BENCH_BIN = "$$($(SWIFT) build $(BENCH_FLAGS) $(SWIFT_BUILD_FLAGS) --show-bin-path)"

bench:
	$(SWIFT) build $(BENCH_FLAGS) $(SWIFT_BUILD_FLAGS)
	python3 scripts/bench.py $(BENCH_BIN) $(BENCH_ARGS)

bench-smoke:
	$(SWIFT) build $(BENCH_FLAGS) $(SWIFT_BUILD_FLAGS)
	python3 scripts/bench.py --smoke $(BENCH_BIN)

# Instruction counts of one extraction pass over PROFILE_DIR (default: the text corpus of the last bench run).
PROFILE_DIR ?= var/bench/corpus/txt
bench-profile:
	$(SWIFT) build $(BENCH_FLAGS) $(SWIFT_BUILD_FLAGS)
	mkdir -p var/profile
	valgrind --tool=callgrind --callgrind-out-file=var/profile/callgrind.out \
		$(BENCH_BIN)/newsdigest-bench analyze --seconds 0 $(PROFILE_DIR) >/dev/null
	callgrind_annotate --inclusive=yes var/profile/callgrind.out | swift demangle --simplified | head -60

clean:
	rm -rf .build var
