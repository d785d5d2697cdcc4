# Thin wrapper: `make run` and `make test` are the two set-up commands (README).
BUILD ?= build
DEBIAN_PACKAGES = build-essential pkg-config meson ninja-build libgtk-4-dev libadwaita-1-dev \
  libsqlite3-dev libjson-glib-dev libcairo2-dev libpango1.0-dev sqlite3 xvfb xauth dbus dbus-x11 \
  at-spi2-core gettext desktop-file-utils appstream poppler-utils python3 python3-gi \
  gir1.2-atspi-2.0 xdotool
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build run test bench asan clean

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

clean:
	rm -rf $(BUILD) build-asan
