// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The throttle action from policy file to verdict: its limits parse (bursts
 * default to one second's worth), and the engine throttles a repeat offender
 * until the block_after-th offense within a day, which blocks; the alert
 * says "throttle" with the limits, monitor mode says what it would do, and
 * offenses a day old are forgotten. (Its validation errors are in
 * test_policy_parse.c's table, its enforcement in test_enforcer_throttle.c.)
 */
#include <stdio.h>
#include <string.h>

#include "engine_fixture.h"

#define PROBE(name, action)                                                                \
	HEAD(name) "'kind':'match','where':{'field':'path','prefix':'/wp-'},"              \
	"'action':" action "}"

static void test_parse(void)
{
	struct policy_set *ps = load(
		PROBE("a", "{'type':'throttle','rate':{'conns_per_s':10},'ttl':'10m','block_after':3,"
			   "'cooldown':'0s'}"),
		PROBE("b", "{'type':'throttle','rate':{'conns_per_s':5,'conn_burst':20,"
			   "'packets_per_s':1000,'packet_burst':50},'ttl':'1h','scope':{'ipv4':24},"
			   "'escalate':{'factor':2,'max_ttl':'1d'}}"),
		NULL);
	const struct policy_action *a;

	if (!ok(ps && ps->count == 2, "two throttle policies load"))
		return;
	a = &ps->policies[0].action;
	ok(a->throttle && !a->block && policy_action_gates(a), "type throttle: a gate action, no block");
	ok(a->limits.conns_per_s == 10 && a->limits.conn_burst == 10,
	   "10 conns/s, the burst one second's worth by default");
	ok(!a->limits.packets_per_s && !a->limits.packet_burst, "no packet limit unless given");
	ok(a->ttl_s == 600 && a->block_after == 3 && a->cooldown_s == 0,
	   "ttl 10m, block from the 3rd offense, cooldown 0s");
	a = &ps->policies[1].action;
	ok(a->limits.conns_per_s == 5 && a->limits.conn_burst == 20 &&
		   a->limits.packets_per_s == 1000 && a->limits.packet_burst == 50,
	   "both limits with their bursts");
	ok(!a->block_after && a->scope_v4 == 24 && a->escalate_factor == 2 && a->max_ttl_s == 86400,
	   "never blocks without block_after; scope and escalate as for a block");
	policy_set_free(ps);
}

static void wp_probe(struct engine *e, double ts)
{
	feed(e, ts, "203.0.113.7", "GET", "/wp-login.php", 404);
}

static void test_escalation(void)
{
	struct policy_set *ps = load(
		PROBE("probe", "{'type':'throttle','rate':{'conns_per_s':10},'ttl':'10m',"
			       "'block_after':3,'escalate':{'factor':2,'max_ttl':'1h'},"
			       "'cooldown':'0s'}"),
		NULL);
	struct engine *e = ps ? engine(ps, NULL) : NULL;

	if (!ok(e != NULL, "escalation: engine with a throttle policy, block_after 3"))
		return;
	for (int i = 0; i < 4; i++)
		wp_probe(e, T0 + i);
	ok_eq(cap.n, 4, "escalation: four offenses, four verdicts");
	ok(cap.v[0].throttle && !cap.v[0].block && cap.v[1].throttle && !cap.v[1].block,
	   "escalation: offenses 1 and 2 throttle");
	ok(cap.v[2].block && !cap.v[2].throttle && cap.v[3].block,
	   "escalation: offenses 3 and 4 block");
	ok_str(ev_str(0, "action"), "throttle", "alert: action throttle");
	ok_str(ev_str(0, "ttl_s"), "600", "alert: the throttle's ttl");
	ok_str(ev_str(0, "evidence.throttle.conns_per_s"), "10", "alert: evidence.throttle has the rate");
	ok_str(ev_str(0, "evidence.throttle.conn_burst"), "10", "alert: and the burst");
	ok_str(ev_str(0, "evidence.scope"), "203.0.113.7", "alert: and the scope");
	ok_str(ev_str(1, "ttl_s"), "1200", "alert: the 2nd throttle's ttl is escalated");
	ok_str(ev_str(2, "action"), "block", "alert: the 3rd offense says block");
	ok_str(ev_str(2, "ttl_s"), "2400", "alert: with the escalated ttl");
	ok(!ev_str(2, "evidence.throttle"), "alert: and no throttle evidence");
	ok_str(ev_str(3, "evidence.offense"), "4", "alert: offenses keep counting");

	wp_probe(e, T0 + 3 + 86400 + 1);
	ok(cap.n == 5 && cap.v[4].throttle && cap.v[4].offense == 1,
	   "a day after the last offense, the count starts over: throttled again");
	engine_free(e);
	policy_set_free(ps);
	cap_reset();
}

static void test_monitor_and_no_block_after(void)
{
	struct policy_set *ps = load(
		HEAD("mon") "'kind':'match','mode':'monitor','where':{'field':'path','prefix':'/wp-'},"
		"'action':{'type':'throttle','rate':{'packets_per_s':100},'ttl':'5m','cooldown':'0s'}}",
		NULL);
	struct engine *e = ps ? engine(ps, NULL) : NULL;

	if (!ok(e != NULL, "monitor: a throttle policy in monitor mode, no block_after"))
		return;
	for (int i = 0; i < 5; i++)
		wp_probe(e, T0 + i);
	ok(cap.n == 5 && !cap.v[4].throttle && !cap.v[4].block,
	   "monitor: five verdicts, none throttles or blocks, the 5th neither");
	ok_str(ev_str(4, "action"), "alert", "monitor: the alert says alert");
	ok_str(ev_str(4, "ttl_s"), "0", "monitor: with ttl_s 0");
	ok_str(ev_str(4, "evidence.would_throttle.scope"), "203.0.113.7",
	       "monitor: evidence.would_throttle says whom");
	ok_str(ev_str(4, "evidence.would_throttle.throttle.packets_per_s"), "100",
	       "monitor: at what rate");
	ok_str(ev_str(4, "evidence.would_throttle.ttl_s"), "300", "monitor: and for how long");
	ok(!ev_str(4, "evidence.would_block"), "monitor: without block_after it never would block");
	engine_free(e);
	policy_set_free(ps);
	cap_reset();
}

int main(void)
{
	test_parse();
	test_escalation();
	test_monitor_and_no_block_after();
	return tap_done();
}
