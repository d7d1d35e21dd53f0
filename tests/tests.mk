# Test layers, included by the top-level Makefile. Every layer is found by
# wildcard, so adding a test is adding a file:
#   tests/unit/test_*.c   pure C, no root, linked with libgatehawk.a
#   tests/lint/layers.py  the layout rules of user/ (run with the unit layer, as is
#                         `gatehawk policy test --strict policies`: every shipped
#                         policy's fixtures)
#   tests/bpf/test_*.c    BPF_PROG_RUN on crafted packets (root)
#   tests/e2e/*.bats      network namespaces, veth, nginx, curl (root)
#   tests/fuzz/fuzz_*.c   libFuzzer targets, run for FUZZ_SECONDS each (`make fuzz`:
#                         FUZZ_RUNS executions each)
#   tests/bench/          `make bench`, figures only, never a pass/fail on speed

TEST_OUT     := $(OUTPUT)/tests
UNIT_BINS    := $(patsubst tests/unit/%.c,$(TEST_OUT)/unit/%,$(wildcard tests/unit/test_*.c))
BPFTEST_BINS := $(patsubst tests/bpf/%.c,$(TEST_OUT)/bpf/%,$(wildcard tests/bpf/test_*.c))
BENCH_BINS   := $(patsubst tests/bench/%.c,$(TEST_OUT)/bench/%,$(filter-out %.bpf.c,$(wildcard tests/bench/*.c)))
FUZZ_BINS    := $(patsubst tests/fuzz/%.c,$(TEST_OUT)/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))
TEST_CFLAGS  := $(CFLAGS) -Itests/lib -Wno-missing-field-initializers

# Fuzz builds compile the library again with clang, sanitizers and coverage.
FUZZ_CFLAGS  := -std=gnu11 -g -O1 -Iinclude -I$(OUTPUT) -Iuser -D_GNU_SOURCE \
	-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
FUZZ_LIB     := $(TEST_OUT)/fuzz/libgatehawk-fuzz.a
FUZZ_OBJS    := $(patsubst user/%.c,$(TEST_OUT)/fuzz/obj/%.o,$(LIB_SRCS))
FUZZ_SECONDS ?= 30

# Extra BPF objects only the tests and benchmarks load.
TEST_BPF_SRCS := $(wildcard tests/bpf/*.bpf.c tests/bench/*.bpf.c)
TEST_BPF_OBJS := $(patsubst %.bpf.c,$(TEST_OUT)/%.bpf.o,$(TEST_BPF_SRCS))
TEST_SKELS    := $(patsubst %.bpf.c,$(TEST_OUT)/%.skel.h,$(TEST_BPF_SRCS))
.SECONDARY: $(TEST_BPF_OBJS) $(TEST_SKELS)

$(TEST_OUT)/%.bpf.o: %.bpf.c $(HEADERS) vmlinux/vmlinux.h
	$(call msg,BPF,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CLANG) $(BPF_CFLAGS) -Ibpf -c $< -o $@

$(TEST_OUT)/%.skel.h: $(TEST_OUT)/%.bpf.o
	$(call msg,GEN-SKEL,$@)
	$(Q)$(BPFTOOL) gen skeleton $< > $@

$(TEST_OUT)/unit/%: tests/unit/%.c $(LIB) $(wildcard tests/lib/*.h)
	$(call msg,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(TEST_CFLAGS) $< $(LIB) $(LDLIBS) -o $@

$(TEST_OUT)/bpf/%: tests/bpf/%.c $(LIB) tests/lib/tap.h $(TEST_SKELS)
	$(call msg,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(TEST_CFLAGS) -I$(TEST_OUT)/tests/bpf $< $(LIB) $(LDLIBS) -o $@

$(TEST_OUT)/bench/%: tests/bench/%.c $(LIB) $(TEST_SKELS)
	$(call msg,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(TEST_CFLAGS) -I$(TEST_OUT)/tests/bench $< $(LIB) $(LDLIBS) -lm -o $@

$(TEST_OUT)/fuzz/obj/%.o: user/%.c $(HEADERS) $(SKELS)
	$(call msg,CC-FUZZ,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CLANG) $(FUZZ_CFLAGS) -c $< -o $@

$(FUZZ_LIB): $(FUZZ_OBJS)
	$(Q)$(AR) rcs $@ $^

$(TEST_OUT)/fuzz/%: tests/fuzz/%.c $(FUZZ_LIB)
	$(call msg,FUZZ,$@)
	$(Q)$(CLANG) $(FUZZ_CFLAGS) -fsanitize=fuzzer $< $(FUZZ_LIB) $(LDLIBS) -o $@

test-bins: all $(UNIT_BINS) $(BPFTEST_BINS) $(FUZZ_BINS)

# The README's test command: installs, builds, runs every layer, prints
# "N passed, N failed, N skipped" last.
test: deps
	$(MAKE) test-bins
	FUZZ_SECONDS=$(FUZZ_SECONDS) tests/run.sh all

unit-test: all $(UNIT_BINS)
	tests/run.sh unit
bpf-test: all $(BPFTEST_BINS)
	tests/run.sh bpf
# metrics.bats runs promtool on what test_metrics_text renders.
e2e-test: all $(TEST_OUT)/unit/test_metrics_text
	tests/run.sh e2e
fuzz-test: $(FUZZ_BINS)
	FUZZ_SECONDS=$(FUZZ_SECONDS) tests/run.sh fuzz
# Longer fuzzing for a developer at the keyboard, never part of `make test`:
# FUZZ_RUNS executions of each target, one after another (the README's figures).
FUZZ_RUNS ?= 10000000
fuzz: $(FUZZ_BINS)
	FUZZ_SECONDS=0 FUZZ_RUNS=$(FUZZ_RUNS) tests/run.sh fuzz

bench: deps
	$(MAKE) all $(BENCH_BINS)
	tests/bench/run.sh
