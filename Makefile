# SPDX-License-Identifier: GPL-2.0-or-later
#
# memscope - a plain GNU Makefile.
#
#   make            build ./memscope
#   make run        install missing build dependencies (apt, as root), build, run
#   make check      the same set-up, warnings as errors, every test
#   make check SANITIZE=address,undefined
#   make install PREFIX=/usr DESTDIR=/tmp/stage
#   make kmod       the companion kernel module (needs kernel headers)
#   make check-kmod the module tested in a QEMU guest
#   make bench      benchmarks against the tools a user would otherwise run
#   make V=1        show full commands

VERSION := 0.1.0
PKG_CONFIG ?= pkg-config
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
DESTDIR ?=

CC ?= cc
CFLAGS ?= -O2 -g
WARNINGS := -Wall -Wextra -Wformat=2 -Wshadow -Wvla -Wstrict-prototypes \
	    -Wmissing-prototypes -Wwrite-strings -Wno-missing-field-initializers
ifdef DEVELOPER
WARNINGS += -Werror
endif

ifdef SANITIZE
BUILD ?= build-san
SAN_FLAGS := -fsanitize=$(SANITIZE) -fno-sanitize-recover=all \
	     -fno-omit-frame-pointer
else
BUILD ?= build
SAN_FLAGS :=
endif

ifeq ($(V),1)
Q :=
else
Q := @
endif

# Debian packages that provide what the build and the tests use.
APT_PKGS := gcc make pkg-config libjansson-dev libncurses-dev libproc2-dev \
	    libcmocka-dev mandoc tmux python3 python3-jsonschema valgrind \
	    clang clang-format libclang-rt-14-dev
PC_REQUIRED := jansson ncursesw

HAVE_LIBPROC2 := $(shell $(PKG_CONFIG) --exists libproc2 2>/dev/null && echo 1)
PC_LIBS := $(PC_REQUIRED) $(if $(HAVE_LIBPROC2),libproc2)
# libproc2 is compiled against but opened with dlopen() by "memscope top"
# only (src/proc/live_procps.c): linking it would load libsystemd and six
# more libraries at every start. Its soname comes from the library found.
LIBPROC2_SONAME := $(if $(HAVE_LIBPROC2),$(shell objdump -p \
	"$$($(PKG_CONFIG) --variable=libdir libproc2)/libproc2.so" 2>/dev/null | \
	awk '$$1 == "SONAME" { print $$2 }'))

DEP_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PC_LIBS) 2>/dev/null)
DEP_LIBS := $(shell $(PKG_CONFIG) --libs $(PC_REQUIRED) 2>/dev/null)
CMOCKA_CFLAGS := $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

ALL_CFLAGS := -std=gnu11 -D_GNU_SOURCE $(WARNINGS) $(CFLAGS) $(SAN_FLAGS) -Isrc \
	      -DMS_VERSION='"$(VERSION)"' $(if $(HAVE_LIBPROC2),-DHAVE_LIBPROC2) \
	      $(if $(LIBPROC2_SONAME),-DMS_LIBPROC2_SONAME='"$(LIBPROC2_SONAME)"') \
	      $(DEP_CFLAGS) -MMD -MP
ALL_LDFLAGS := $(LDFLAGS) $(SAN_FLAGS)

MAIN_SRC := src/main.c
LIB_SRC := $(filter-out $(MAIN_SRC),$(wildcard src/*.c src/*/*.c))
LIB_OBJ := $(patsubst src/%.c,$(BUILD)/obj/%.o,$(LIB_SRC))
MAIN_OBJ := $(BUILD)/obj/main.o
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))

.PHONY: FORCE all run check check-unit check-cli deps install uninstall clean \
	update-golden kmod check-kmod bench fuzz format-check format

all: memscope

# Copied every time: build/ and build-san/ (SANITIZE=) both feed it, and
# an older sanitizer copy must not outlive a newer plain build.
memscope: $(BUILD)/memscope FORCE
	$(Q)cp $< $@

FORCE:

$(BUILD)/memscope: $(MAIN_OBJ) $(BUILD)/libmemscope.a
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(DEP_LIBS) -lm

$(BUILD)/libmemscope.a: $(LIB_OBJ)
	@echo "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libmemscope.a
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -Itests/unit -o $@ $< \
		$(BUILD)/libmemscope.a $(ALL_LDFLAGS) $(CMOCKA_LIBS) $(DEP_LIBS) -lm

-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(UNIT_BIN:=.d)

# Installs what is missing, with apt when run as root; otherwise prints
# the exact command and fails.
deps:
	$(Q)sh tests/deps.sh $(APT_PKGS)

run: deps
	$(Q)$(MAKE) --no-print-directory all
	./memscope

check: deps
	$(Q)$(MAKE) --no-print-directory DEVELOPER=1 all $(UNIT_BIN)
	$(Q)MEMSCOPE=$(CURDIR)/$(BUILD)/memscope BUILD=$(BUILD) \
		SANITIZE="$(SANITIZE)" KMOD="$(KMOD)" sh tests/run.sh

# The companion module in QEMU guests (also run by "make check" unless
# KMOD=0): installs its Debian packages when root.
check-kmod: all
	$(Q)MEMSCOPE=$(CURDIR)/$(BUILD)/memscope sh tests/kmod/run.sh

kmod:
	$(Q)$(MAKE) -C kmod

check-unit: $(UNIT_BIN)
	$(Q)for t in $(UNIT_BIN); do $$t || exit 1; done

update-golden: all
	$(Q)MEMSCOPE=$(CURDIR)/$(BUILD)/memscope UPDATE_GOLDEN=1 \
		sh tests/golden.sh

bench: all
	$(Q)for b in bench/*.sh; do MEMSCOPE=$(CURDIR)/$(BUILD)/memscope sh $$b || exit 1; done

# Every C file against .clang-format (Debian's clang-format).
FORMAT_SRC = $(wildcard src/*.c src/*.h src/*/*.c src/*/*.h kmod/*.c \
	     kmod/*.h tests/unit/*.c tests/unit/*.h tests/fuzz/*.c \
	     tests/fuzz/*.h bench/*.c)
format-check:
	$(Q)clang-format --dry-run --Werror $(FORMAT_SRC)

format:
	$(Q)clang-format -i $(FORMAT_SRC)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) \
		$(DESTDIR)$(FISHCOMPDIR)
	install -m 0755 memscope $(DESTDIR)$(BINDIR)/memscope
	install -m 0644 man/*.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 0644 completions/memscope.bash $(DESTDIR)$(BASHCOMPDIR)/memscope
	install -m 0644 completions/_memscope $(DESTDIR)$(ZSHCOMPDIR)/_memscope
	install -m 0644 completions/memscope.fish $(DESTDIR)$(FISHCOMPDIR)/memscope.fish

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/memscope $(DESTDIR)$(BASHCOMPDIR)/memscope \
		$(DESTDIR)$(ZSHCOMPDIR)/_memscope \
		$(DESTDIR)$(FISHCOMPDIR)/memscope.fish
	rm -f $(patsubst man/%,$(DESTDIR)$(MANDIR)/man1/%,$(wildcard man/*.1))

include tests/fuzz/fuzz.mk

clean:
	rm -rf build build-san build-fuzz memscope
