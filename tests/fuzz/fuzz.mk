# SPDX-License-Identifier: GPL-2.0-or-later
#
# libFuzzer harnesses, included by the Makefile.
#
#   make fuzz                    every harness for FUZZ_TIME seconds each
#   make fuzz FUZZ_RUNS=10000000 every harness for that many executions
#   make fuzz FUZZ=slabinfo      one harness
#   make fuzz-smoke              a few seconds each (run by make check)
#
# Built with clang into build-fuzz/ under AddressSanitizer and
# UndefinedBehaviorSanitizer. Seeds are copied at run time from
# tests/fixtures and $(MS_CORPUS) into build-fuzz/seeds/; what the
# fuzzer finds goes to build-fuzz/corpus/, crashes to build-fuzz/crashes/.

FUZZ_CC ?= clang
FUZZ_BUILD := build-fuzz
FUZZ_TIME ?= 60
FUZZ_RUNS ?=
FUZZ_JOBS ?= 2
FUZZ ?=
FUZZ_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all \
	      -fno-omit-frame-pointer -g -O1
# clang warns where gcc does not; the gcc build is the one held to -Werror
FUZZ_CFLAGS := -std=gnu11 -D_GNU_SOURCE $(filter-out -Werror,$(WARNINGS)) \
	       $(FUZZ_FLAGS) -Isrc \
	       -DMS_VERSION='"$(VERSION)"' $(if $(HAVE_LIBPROC2),-DHAVE_LIBPROC2) \
	       $(DEP_CFLAGS) -MMD -MP
FUZZ_OBJ := $(patsubst src/%.c,$(FUZZ_BUILD)/obj/%.o,$(LIB_SRC))
FUZZ_BIN := $(patsubst tests/fuzz/%.c,$(FUZZ_BUILD)/%,\
	      $(wildcard tests/fuzz/fuzz_*.c))

.PHONY: fuzz fuzz-build fuzz-smoke

$(FUZZ_BUILD)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	@echo "  CLANG   $<"
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_BUILD)/libmemscope.a: $(FUZZ_OBJ)
	@echo "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $^

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_BUILD)/libmemscope.a
	@echo "  CLANG   $<"
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -Itests/fuzz -fsanitize=fuzzer -o $@ $< \
		$(FUZZ_BUILD)/libmemscope.a $(DEP_LIBS) -lm

-include $(FUZZ_OBJ:.o=.d) $(FUZZ_BIN:=.d)

fuzz-build: $(FUZZ_BIN)

fuzz: fuzz-build
	$(Q)FUZZ_TIME="$(FUZZ_TIME)" FUZZ_RUNS="$(FUZZ_RUNS)" \
		FUZZ_JOBS="$(FUZZ_JOBS)" sh tests/fuzz/run.sh $(FUZZ)

fuzz-smoke: fuzz-build
	$(Q)sh tests/fuzz/run.sh --smoke $(FUZZ)
