"""Parity flow, Python edition: the same steps and inputs as parity.c."""
import os
import sys
from datetime import datetime, timedelta, timezone

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
import referral  # noqa: E402

T0 = 1767225600000  # 2026-01-01T00:00:00Z
MIN = 60 * 1000
now = [T0]


def click(s, code, visitor, at):
    now[0] = at  # recorded at the store's clock
    tp = s.record_touchpoint(code, visitor)
    print("click %s %s %s duplicate=%d" % (visitor, tp.code, tp.advocate, tp.duplicate))


def convert(s, visitor, order, value, at):
    c = s.record_conversion("parity", visitor, order, value_minor=value, currency="eur",
                            at=at or None)
    print("conversion %s value=%d %s attributed=%d duplicate=%d rules=%d model=%s credits=%d"
          % (c.order_id, c.value_minor, c.currency, c.attributed, c.duplicate, c.rules_version,
             referral.name_of(c.model), len(c.credits)))
    for cr in c.credits:
        print("  credit %s %s weight=%.6f value=%d" % (cr.advocate, cr.code, cr.weight,
                                                       cr.value_minor))


def stats(s, advocate):
    st = s.stats("parity", advocate)
    print("stats %s touchpoints=%d unique=%d visitors=%d conversions=%d attributed=%d "
          "credited=%.6f rate=%.6f" % (advocate or "*", st.touchpoints, st.unique_touchpoints,
                                       st.unique_visitors, st.conversions,
                                       st.attributed_conversions, st.credited_conversions,
                                       st.conversion_rate))
    for currency, value in st.values.items():
        print("  value %s %d" % (currency, value))


def refund(s, order, refund_id, amount):
    c = s.refund("parity", order, refund_id, amount or None)
    print("refund %s %s refunded=%d of %d duplicate=%d" % (c.order_id, refund_id,
                                                           c.refunded_minor, c.value_minor,
                                                           c.duplicate))
    for cr in c.credits:
        print("  credit %s value=%d refunded=%d" % (cr.advocate, cr.value_minor,
                                                    cr.refunded_minor))


def replay(s, model):
    r = s.replay("parity", referral.ProgramRules(model=model, lookback=timedelta(days=7)))
    print("replay %s conversions=%d changed=%d" % (referral.name_of(model), r.conversions,
                                                   r.changed))
    for row in r.rows:
        print("  %s %s %s now=%.6f/%d replay=%.6f/%d" % (
            referral.name_of(row.target), row.name, row.currency, row.current_conversions,
            row.current_value_minor, row.replay_conversions, row.replay_value_minor))


def issue(s, advocate, vanity):
    c = s.issue_code("parity", advocate, vanity=vanity)
    print("code %s %s %s vanity=%d" % (c.advocate, c.code, c.display, c.vanity))


def ms(value):
    """A datetime or timedelta as ms relative to T0 (durations: plain ms)."""
    if isinstance(value, timedelta):
        return value // timedelta(milliseconds=1)
    return ms(value - datetime(2026, 1, 1, tzinfo=timezone.utc))


def board(s, by):
    b = s.leaderboard("parity", by=by, advocate="bob")
    print("leaderboard by=%d ranked=%d bob=%d" % (int(by), b.ranked,
                                                  b.advocate.rank if b.advocate else 0))
    for e in b.entries:
        print("  %d %s metric=%.6f referrals=%d value=%d" % (e.rank, e.advocate, e.metric,
                                                             e.referrals, e.value_minor))


def main():
    with referral.Store(":memory:", clock=lambda: now[0]) as s:
        p = s.create_program("parity", "Parity",
                             referral.ProgramRules(lookback=timedelta(days=7)))
        print("program %s %s rules=%d model=%s lookback=%d"
              % (p.key, p.name, p.rules_version, p.rules.model.name.lower(),
                 ms(p.rules.lookback)))
        s.add_advocate("alice", display_name="Alice")
        s.add_advocate("bob", kind=referral.AdvocateKind.EMPLOYEE)

        issue(s, "alice", "ALICE2026")
        issue(s, "bob", "bob-2026")
        rc = s.issue_code("parity", "alice")
        print("random code length=%d" % len(referral.normalize_code(rc.display)))

        click(s, "ALICE2026", "v1", T0 + 60 * MIN)
        click(s, "alice2026", "v1", T0 + 70 * MIN)  # duplicate within 1 h
        click(s, "BOB-2026", "v1", T0 + 120 * MIN)
        click(s, "ALICE2026", "v2", T0 + 180 * MIN)
        click(s, "bob 2026", "v3", T0 + 240 * MIN)

        now[0] = T0 + 300 * MIN
        convert(s, "v1", "o1", 12345, 0)  # last touch: bob
        convert(s, "v2", "o2", 5000, T0 + 310 * MIN)  # alice
        convert(s, "v4", "o3", 999, T0 + 320 * MIN)  # no touch: unattributed
        convert(s, "v1", "o1", 12345, 0)  # duplicate

        s.update_program("parity", rules=referral.ProgramRules(
            model=referral.Model.FIRST, lookback=timedelta(days=7)))
        convert(s, "v1", "o4", 700, T0 + 330 * MIN)  # first touch: alice

        ex = s.explain("parity", "o1")
        print("explain %s touches=%d window=%d..%d" % (ex.order_id, len(ex.touches),
                                                       ms(ex.window_start), ms(ex.window_end)))
        for t in ex.touches:
            print("  touch %s %s at=%d weight=%.6f value=%d" % (t.advocate, t.code, ms(t.at),
                                                                 t.weight, t.value_minor))

        stats(s, None)
        stats(s, "alice")
        stats(s, "bob")
        print("uses ALICE2026 %d" % s.get_code("ALICE2026").uses)

        # Issue 3: a linear program, refunds (partial, repeated, the rest), a replay.
        s.update_program("parity", rules=referral.ProgramRules(
            model=referral.Model.LINEAR, lookback=timedelta(days=7)))
        convert(s, "v1", "o5", 1001, T0 + 340 * MIN)  # alice and bob, half each
        refund(s, "o5", "r1", 301)
        refund(s, "o5", "r1", 301)  # duplicate
        refund(s, "o5", "r2", 0)  # the rest
        replay(s, referral.Model.FIRST)
        stats(s, None)

        # Issue 5: activities, then leaderboards by score and by value.
        now[0] = T0 + 400 * MIN
        for who in ("bob", "alice"):  # activities need tracking consent
            s.set_consent(who, "tracking", True, "parity")
        s.record_activity("parity", "bob", "review")
        s.record_activity("parity", "alice", "invite")
        board(s, referral.BoardBy.SCORE)
        board(s, referral.BoardBy.VALUE)


if __name__ == "__main__":
    main()
