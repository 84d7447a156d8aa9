package org.village.chat.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.village.MovableClock;
import org.village.shared.notices.NodeNotices;
import org.village.shared.notices.Vouches;

/** Decision 112: when an open connection's token may be taken as good without a read, and when never. */
class TokenVouchesTest {

    static final class Notices implements NodeNotices {
        boolean reliable = true;

        @Override
        public void publish(Notice notice) {
        }

        @Override
        public void listen(Listener listener) {
        }

        @Override
        public boolean reliable() {
            return reliable;
        }
    }

    final Notices notices = new Notices();

    private static org.springframework.beans.factory.ObjectProvider<StompSessions> sessions() {
        var factory = new org.springframework.beans.factory.support.StaticListableBeanFactory();
        factory.addBean("stompSessions", new StompSessions(null, null, null, null));
        return factory.getBeanProvider(StompSessions.class);
    }
    final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
    final TokenVouches vouches = new TokenVouches(notices, sessions(), clock, Duration.ofSeconds(30));

    private Map<String, Object> session(Instant expires) {
        var session = new HashMap<String, Object>();
        session.put(TokenVouches.EXPIRES, expires);
        vouches.vouched(session, vouches.begin());
        return session;
    }

    @Test
    void aTokenFoundGoodIsVouchedForUntilItExpires() {
        var session = session(clock.instant().plusSeconds(10));
        assertThat(vouches.stillVouched(session, 7)).isTrue();
        clock.move(Duration.ofSeconds(10));
        assertThat(vouches.stillVouched(session, 7)).as("expired: known without a read").isFalse();
    }

    @Test
    void aNoticeAboutTheAccountOrTheTokenEndsTheVouchButNotOthers() {
        var mine = session(clock.instant().plusSeconds(3600));
        var others = session(clock.instant().plusSeconds(3600));
        vouches.notice(new NodeNotices.Notice(NodeNotices.ACCOUNT, 7, null));
        assertThat(vouches.stillVouched(mine, 7)).isFalse();
        assertThat(vouches.stillVouched(others, 8)).isTrue();
        vouches.notice(new NodeNotices.Notice(NodeNotices.TOKEN, 8, "ab12"));
        assertThat(vouches.stillVouched(others, 8)).isFalse();
        // a sanction is not about tokens
        var third = session(clock.instant().plusSeconds(3600));
        vouches.notice(new NodeNotices.Notice(NodeNotices.SANCTION, 9, null));
        assertThat(vouches.stillVouched(third, 9)).isTrue();
    }

    @Test
    void aReadThatBeganBeforeANoticeIsNotVouchedFor() {
        var session = new HashMap<String, Object>();
        session.put(TokenVouches.EXPIRES, clock.instant().plusSeconds(3600));
        long since = vouches.begin();
        // the revocation's notice arrives while the read (which may have seen the token still good) is under way
        vouches.notice(new NodeNotices.Notice(NodeNotices.TOKEN, 7, "ab12"));
        vouches.vouched(session, since);
        assertThat(vouches.stillVouched(session, 7)).isFalse();
        vouches.vouched(session, vouches.begin());
        assertThat(vouches.stillVouched(session, 7)).isTrue();
    }

    @Test
    void whileNoticesMayBeMissedEveryFrameReads() {
        var session = session(clock.instant().plusSeconds(3600));
        notices.reliable = false;
        assertThat(vouches.stillVouched(session, 7)).as("broker away").isFalse();
        notices.reliable = true;
        vouches.missed(); // lost and found again: what was vouched before is not trusted
        assertThat(vouches.stillVouched(session, 7)).isFalse();
        assertThat(vouches.stillVouched(session(clock.instant().plusSeconds(3600)), 7)).isTrue();
    }

    @Test
    void noVouchWithoutAKnownExpiryOrWithAWindowOfNothing() {
        var session = new HashMap<String, Object>();
        vouches.vouched(session, vouches.begin());
        assertThat(vouches.stillVouched(session, 7)).isFalse();
        var never = new TokenVouches(notices, sessions(), clock, Duration.ZERO);
        var s = new HashMap<String, Object>();
        s.put(TokenVouches.EXPIRES, clock.instant().plusSeconds(3600));
        never.vouched(s, never.begin());
        assertThat(never.stillVouched(s, 7)).isFalse();
    }

    @Test
    void vouchesStayBoundedAndForgetEverythingPastTheirSize() {
        var v = new Vouches(3);
        long since = v.begin();
        v.changed(1);
        v.changed(2);
        v.changed(3);
        assertThat(v.stillGood(4, since)).isTrue();
        v.changed(4); // a fourth changed account: everything kept before is forgotten
        assertThat(v.stillGood(5, since)).isFalse();
        assertThat(v.stillGood(5, v.begin())).isTrue();
        assertThat(v.stillGood(1, v.begin())).isTrue();
    }
}
