package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.e2e.EveryRoute.Visit;
import org.village.notification.Notifications;

/**
 * Every page on a 360 px phone, as people arrive there: opened directly (a bookmark, a shared link) and then
 * reloaded (a tab that woke up), as the person who may open it. On each: a heading, the quick exit on the first
 * screen with nothing over it, nothing scrolling sideways, and no serious or critical axe-core violation. Every page
 * is looked at before the test fails, so one run names them all.
 */
class EveryRouteOnAPhoneJourneyIT extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate transactions;

    /** The quick exit's middle is on the screen, and the button itself is what a tap there reaches. */
    private static final String EXIT_ON_TOP = """
            const b = document.getElementById('quick-exit');
            if (!b) return 'no quick exit';
            const r = b.getBoundingClientRect();
            const x = r.left + r.width / 2, y = r.top + r.height / 2;
            if (r.width < 24 || r.height < 24) return 'quick exit smaller than 24 px: ' + r.width + ' x ' + r.height;
            if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) return 'quick exit off the screen';
            const hit = document.elementFromPoint(x, y);
            return hit && (hit === b || b.contains(hit))
                ? '' : 'covered by ' + (hit ? hit.localName + '#' + hit.id + '.' + hit.className : 'nothing');
            """;

    @Test
    void everyPageOnAPhoneOpenedDirectlyAndReloaded() {
        var problems = new ArrayList<String>();
        String signedInAs = null;
        phoneSize();
        List<Visit> visits = EveryRoute.visits(jdbc, notifications, transactions);
        for (var visit : visits) {
            if (!Objects.equals(signedInAs, visit.user())) {
                signOut();
                if (visit.user() != null) {
                    signIn(visit.user(), visit.password());
                }
                signedInAs = visit.user();
            }
            String where = "/" + visit.path() + (visit.user() == null ? "" : " as " + visit.user());
            open(visit.path());
            driver.navigate().refresh();
            settle();
            var js = (JavascriptExecutor) driver;
            if (!Boolean.TRUE.equals(js.executeScript("return document.querySelector('h1') !== null"))) {
                problems.add(where + ": no heading");
            }
            Object exit = js.executeScript(EXIT_ON_TOP);
            if (!"".equals(exit)) {
                problems.add(where + ": " + exit);
            }
            try {
                assertNoSidewaysScroll();
            } catch (AssertionError e) {
                problems.add(where + ": " + e.getMessage());
            }
            try {
                assertAccessible();
            } catch (AssertionError e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        assertThat(problems).as("pages on a 360 px phone (" + visits.size() + " looked at)").isEmpty();
    }
}
