# Thin wrapper: `make run` and `make test` are the two set-up commands (README).
BUILD ?= build
DEBIAN_PACKAGES = build-essential pkg-config meson ninja-build libgtk-4-dev libadwaita-1-dev \
  libepoxy-dev libsqlite3-dev libjson-glib-dev libcairo2-dev libpango1.0-dev sqlite3 xvfb xauth dbus dbus-x11 \
  at-spi2-core gettext desktop-file-utils appstream poppler-utils python3 python3-gi \
  gir1.2-atspi-2.0 xdotool x11-utils
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build run test bench asan fuzz clean

all: build

deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing Debian packages:$$missing"; \
	  $(SUDO) apt-get update && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	fi

$(BUILD)/build.ninja:
	meson setup $(BUILD)

build: deps $(BUILD)/build.ninja
	ninja -C $(BUILD)

run: build
	GSETTINGS_SCHEMA_DIR=$(BUILD)/data ./$(BUILD)/src/menodiary

test: build
	@rm -f $(BUILD)/meson-logs/testlog.json
	@meson test -C $(BUILD) --print-errorlogs > $(BUILD)/meson-test.out 2>&1; status=$$?; \
	  tail -n 30 $(BUILD)/meson-test.out; \
	  python3 tests/count-cases.py $(BUILD)/meson-logs/testlog.json || status=1; \
	  exit $$status

bench: build
	ninja -C $(BUILD) bench-run

asan: deps
	[ -f build-asan/build.ninja ] || meson setup build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dgui_tests=false
	ninja -C build-asan
	ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 meson test -C build-asan --suite core --suite draw --print-errorlogs

# libFuzzer with ASan+UBSan on the CSV readers and the date parsers, FUZZ_SECONDS each; the
# corpus grows in build-fuzz/corpus/ (seeded from tests/fuzz/corpus/); a crash is written to
# build-fuzz/crash-* and stops the run.
FUZZ_SECONDS ?= 300
fuzz: deps
	@dpkg-query -W -f='$${Status}' clang 2>/dev/null | grep -q 'install ok installed' || \
	  { $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends clang; }
	[ -f build-fuzz/build.ninja ] || CC=clang meson setup build-fuzz -Dfuzz=true -Db_sanitize=address,undefined -Db_lundef=false -Dgui_tests=false
	ninja -C build-fuzz tests/fuzz/fuzz-csv tests/fuzz/fuzz-date
	for t in csv date; do \
	  mkdir -p build-fuzz/corpus/$$t && \
	  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 build-fuzz/tests/fuzz/fuzz-$$t -max_total_time=$(FUZZ_SECONDS) \
	    -print_final_stats=1 -artifact_prefix=build-fuzz/ build-fuzz/corpus/$$t tests/fuzz/corpus/$$t || exit 1; \
	done

clean:
	rm -rf $(BUILD) build-asan build-fuzz
