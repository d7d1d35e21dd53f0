# gatehawk build. `make` builds build/gatehawk; `make V=1` shows commands.
#
#   bpf/*.bpf.c --clang -target bpf--> build/*.bpf.o --bpftool gen skeleton--> build/*.skel.h
#   user/*/*.c (minus cli/main.c) --> build/libgatehawk.a (also linked by tests)
#   user/cli/main.c + libgatehawk.a --> build/gatehawk

OUTPUT     := build
CLANG      ?= clang
BPFTOOL    ?= bpftool
CC         ?= gcc
ARCH       := $(shell uname -m | sed -e 's/x86_64/x86/' -e 's/aarch64/arm64/')
PREFIX     ?= /usr/local

# Every Debian package the project needs, by name; `make deps` installs them.
DEB_PACKAGES := make gcc clang llvm pkg-config libbpf-dev libelf-dev zlib1g-dev \
	libjson-c-dev libpcre2-dev libhyperscan-dev libjemalloc-dev libclang-rt-14-dev bpftool xdp-tools iproute2 \
	iputils-ping curl nginx wrk bats jq procps fail2ban python3 \
	libmodsecurity-dev modsecurity-crs liblapacke-dev \
	libmicrohttpd-dev prometheus tmux nats-server libnats-dev libcurl4-openssl-dev nftables \
	libsystemd-dev libcap-dev systemd

BPF_CFLAGS := -g -O2 -target bpf -D__TARGET_ARCH_$(ARCH) -Ivmlinux -Iinclude -Wall -Werror
CFLAGS     ?= -O2 -g
CFLAGS     += -std=gnu11 -Wall -Wextra -Werror -Iinclude -I$(OUTPUT) -Iuser -D_GNU_SOURCE
LDLIBS     := $(shell pkg-config --libs libbpf json-c libpcre2-8 libhs modsecurity lapacke \
	libmicrohttpd libnats libcurl libsystemd libcap 2>/dev/null) -lelf -lz -lm -lpthread

BPF_SRCS   := $(wildcard bpf/*.bpf.c)
BPF_OBJS   := $(patsubst bpf/%.bpf.c,$(OUTPUT)/%.bpf.o,$(BPF_SRCS))
SKELS      := $(patsubst bpf/%.bpf.c,$(OUTPUT)/%.skel.h,$(BPF_SRCS))
LIB_SRCS   := $(filter-out user/cli/main.c,$(wildcard user/*/*.c))
LIB_OBJS   := $(patsubst user/%.c,$(OUTPUT)/user/%.o,$(LIB_SRCS))
LIB        := $(OUTPUT)/libgatehawk.a
BIN        := $(OUTPUT)/gatehawk
HEADERS    := $(wildcard include/gatehawk/*.h user/*/*.h bpf/*.h)

ifeq ($(V),1)
Q =
msg =
else
Q = @
msg = @printf '  %-8s %s\n' "$(1)" "$(2)";
endif

.PHONY: all deps vmlinux test unit-test bpf-test e2e-test fuzz-test fuzz bench demo \
	install clean FORCE
.DELETE_ON_ERROR:
# Keep the BPF objects and skeletons make would treat as intermediates.
.SECONDARY: $(BPF_OBJS) $(SKELS)

all: $(BIN)

# apt-get update runs once, and only when a package is missing.
deps:
	@missing=$$(for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' \
			|| echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing:" $$missing; \
		DEBIAN_FRONTEND=noninteractive apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	else echo "deps: all $(words $(DEB_PACKAGES)) packages installed"; fi

vmlinux:
	$(BPFTOOL) btf dump file /sys/kernel/btf/vmlinux format c > vmlinux/vmlinux.h

$(OUTPUT):
	$(Q)mkdir -p $@

$(OUTPUT)/%.bpf.o: bpf/%.bpf.c $(HEADERS) vmlinux/vmlinux.h | $(OUTPUT)
	$(call msg,BPF,$@)
	$(Q)$(CLANG) $(BPF_CFLAGS) -c $< -o $@

$(OUTPUT)/%.skel.h: $(OUTPUT)/%.bpf.o
	$(call msg,GEN-SKEL,$@)
	$(Q)$(BPFTOOL) gen skeleton $< > $@

$(OUTPUT)/user/%.o: user/%.c $(HEADERS) $(SKELS) | $(OUTPUT)
	$(call msg,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJS)
	$(call msg,AR,$@)
	$(Q)$(AR) rcs $@ $^

# The version `gatehawk --version` prints, only main.c sees it: git describe,
# or "unknown" outside a git checkout. version.h is rewritten only when it
# changes, so a commit rebuilds main.o and nothing else.
GH_VERSION ?= $(shell git describe --always --dirty 2>/dev/null || echo unknown)

$(OUTPUT)/version.h: FORCE | $(OUTPUT)
	$(Q)printf '#define GH_VERSION "%s"\n' '$(GH_VERSION)' > $@.tmp
	$(Q)cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

$(OUTPUT)/user/cli/main.o: $(OUTPUT)/version.h

# The binary allocates with jemalloc: Hyperscan's compiler spends a quarter
# of a cold start in malloc and free, which glibc's allocator does 15 % slower.
# Tests and fuzz targets keep glibc's (ASan brings its own).
$(BIN): $(OUTPUT)/user/cli/main.o $(LIB)
	$(call msg,LINK,$@)
	$(Q)$(CC) $(CFLAGS) $^ $(LDLIBS) -ljemalloc -o $@

include tests/tests.mk

# `make install` (DESTDIR for staging): the binary, the shipped policies in
# share/, and the service: /etc/gatehawk/{gatehawk.conf,policies}, the
# systemd unit with these paths, /var/lib/gatehawk (state) and
# /var/log/gatehawk (alerts). What an operator may have edited in /etc is
# never overwritten: a newer copy goes beside it as gatehawk.conf.dist or
# policies.dist.
SYSCONFDIR    ?= /etc
LOCALSTATEDIR ?= /var
UNITDIR       ?= $(PREFIX)/lib/systemd/system
ETC_DIR    := $(DESTDIR)$(SYSCONFDIR)/gatehawk

install: $(BIN)
	install -D -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/sbin/gatehawk
	install -d $(DESTDIR)$(PREFIX)/share/gatehawk/policies
	# The whole tree: subdirectories of policies, the lists they read, their fixtures.
	cp -R policies/. $(DESTDIR)$(PREFIX)/share/gatehawk/policies/
	chmod -R u=rwX,go=rX $(DESTDIR)$(PREFIX)/share/gatehawk/policies
	# The nftables hook for --on-block/--on-unblock (--no-kernel) and its sets.
	install -D -m 0755 contrib/nftables/gatehawk-nft-block \
		$(DESTDIR)$(PREFIX)/share/gatehawk/contrib/nftables/gatehawk-nft-block
	install -D -m 0644 contrib/nftables/gatehawk.nft \
		$(DESTDIR)$(PREFIX)/share/gatehawk/contrib/nftables/gatehawk.nft
	install -d -m 0755 $(ETC_DIR)
	if [ -e $(ETC_DIR)/policies ]; then dest=policies.dist; else dest=policies; fi; \
		rm -rf $(ETC_DIR)/policies.dist && cp -R policies $(ETC_DIR)/$$dest && \
		chmod -R u=rwX,go=rX $(ETC_DIR)/$$dest
	if [ -e $(ETC_DIR)/gatehawk.conf ]; then dest=gatehawk.conf.dist; else dest=gatehawk.conf; fi; \
		sed -e 's|/etc/gatehawk/|$(SYSCONFDIR)/gatehawk/|' -e 's|/var/|$(LOCALSTATEDIR)/|' \
			contrib/gatehawk.conf > $(ETC_DIR)/$$dest && chmod 0644 $(ETC_DIR)/$$dest
	install -d -m 0755 $(DESTDIR)$(UNITDIR)
	sed -e 's|/usr/local/sbin/|$(PREFIX)/sbin/|' -e 's|/usr/local/share/|$(PREFIX)/share/|' \
		-e 's|/etc/gatehawk/|$(SYSCONFDIR)/gatehawk/|' contrib/systemd/gatehawk.service \
		> $(DESTDIR)$(UNITDIR)/gatehawk.service
	chmod 0644 $(DESTDIR)$(UNITDIR)/gatehawk.service
	install -D -m 0644 README.md $(DESTDIR)$(PREFIX)/share/doc/gatehawk/README.md
	install -d -m 0700 $(DESTDIR)$(LOCALSTATEDIR)/lib/gatehawk
	install -d -m 0750 $(DESTDIR)$(LOCALSTATEDIR)/log/gatehawk

demo: deps
	$(MAKE) all
	./demo/run.sh

clean:
	rm -rf $(OUTPUT)
