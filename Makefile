# newsdigest — build, run, test and install.
#
#   make run           build and run the daemon on ./var (inbox: ./var/inbox, digests: ./var/output/digests)
#   make test          the whole test suite (what CI runs)
#   make bench         throughput, latency and growth beside the Python peers (docs/PERFORMANCE.md); long
#   make bench-smoke   the same in seconds, without the peers (CI runs it)
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

.PHONY: all build release run test unit-test integration-test system-test reliability-test stress soak install uninstall clean eval eval-check \
	bench bench-smoke bench-profile fuzz-build fuzz fuzz-smoke

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

test: unit-test integration-test system-test reliability-test

# The reliability scenarios of docs/RELIABILITY.md, bounded for CI, on the release binary: kill -9 rounds, an
# inotify overflow of 20,000 files, hostile inputs beside good ones, and a full output disk (needs root).
RELEASE_BIN = $$($(SWIFT) build $(RELEASE_FLAGS) $(SWIFT_BUILD_FLAGS) --show-bin-path)/newsdigest
reliability-test: release
	python3 Tests/reliability/crash.py $(RELEASE_BIN) --rounds 20 --files 150
	python3 Tests/reliability/overflow.py $(RELEASE_BIN) --files 20000
	python3 Tests/reliability/bad_inputs.py $(RELEASE_BIN)
	python3 Tests/reliability/disk_full.py $(RELEASE_BIN)

# 200 kill -9 rounds of 100 files each (20,000 files in all); the figures go to var/stress.json (docs/RELIABILITY.md).
STRESS_ROUNDS ?= 200
STRESS_FILES ?= 100
stress: release
	mkdir -p var
	python3 Tests/reliability/crash.py $(RELEASE_BIN) --rounds $(STRESS_ROUNDS) --files $(STRESS_FILES) --seed 200 \
		--json var/stress.json

# An hour at 50 files/s replaying 60 days of a feed; resident memory must stay flat within 10 % once the first render
# window has filled (var/soak.csv holds the curve). SOAK_ARGS="--dating backlog" dates files over the last 60 days.
SOAK_SECONDS ?= 3600
soak: release
	mkdir -p var
	python3 Tests/reliability/soak.py $(RELEASE_BIN) --seconds $(SOAK_SECONDS) --csv var/soak.csv --json var/soak.json \
		$(SOAK_ARGS)

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

# The same release build as `make release`, so CI builds it once for the tests, the benchmarks and the eval.
BENCH_FLAGS ?= $(RELEASE_FLAGS)
BENCH_BIN = "$$($(SWIFT) build $(BENCH_FLAGS) $(SWIFT_BUILD_FLAGS) --show-bin-path)"
# Release code with debug information, so callgrind and perf can name the functions; the code is the same. It has
# its own build folder, so switching between the two does not rebuild everything.
PROFILE_FLAGS ?= -c release -Xswiftc -g --scratch-path .build-profile
PROFILE_BIN = "$$($(SWIFT) build $(PROFILE_FLAGS) $(SWIFT_BUILD_FLAGS) --show-bin-path)"

bench:
	$(SWIFT) build $(BENCH_FLAGS) $(SWIFT_BUILD_FLAGS)
	python3 scripts/bench.py $(BENCH_BIN) $(BENCH_ARGS)

bench-smoke:
	$(SWIFT) build $(BENCH_FLAGS) $(SWIFT_BUILD_FLAGS)
	python3 scripts/bench.py --smoke $(BENCH_BIN)

# Instruction counts of one extraction pass over PROFILE_DIR (default: the text corpus of the last bench run).
PROFILE_DIR ?= var/bench/corpus/txt
bench-profile:
	$(SWIFT) build $(PROFILE_FLAGS) $(SWIFT_BUILD_FLAGS)
	mkdir -p var/profile
	valgrind --tool=callgrind --callgrind-out-file=var/profile/callgrind.out \
		$(PROFILE_BIN)/newsdigest-bench analyze --seconds 0 $(PROFILE_DIR) >/dev/null
	callgrind_annotate --inclusive=yes var/profile/callgrind.out | swift demangle --simplified | head -60

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
