package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.e2e.EveryRoute.Visit;
import org.village.notification.Notifications;

/**
 * Issue 8, item 2: the quick exit works on every route as people arrive there, from a bookmark or a
 * shared link (opened directly) and after a reload, deep addresses included. For one example of every
 * {@code @Route}, as the role that may open it: Shift pressed three times leaves (opened directly), and the
 * button leaves (after a reload); Back then does not show the portal, and the session has ended.
 */
class QuickExitEveryRouteJourneyIT extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theJourneyHasAVisitForEveryRoute() {
        assertThat(EveryRoute.withoutAVisit(everyRoute())).as("routes with no visit in EveryRoute.visits()").isEmpty();
    }

    private List<Visit> everyRoute() {
        return EveryRoute.visits(jdbc, notifications, transactions);
    }

    @Test
    void everyRouteOpenedDirectlyOrReloadedLetsTheParentLeave() {
        var visits = everyRoute();
        driver.get(NeutralSite.url() + "?start");
        for (var visit : visits) {
            // opened directly (a bookmark or a shared link), then Shift three times
            arrive(visit, false);
            new Actions(driver).keyDown(Keys.SHIFT).keyUp(Keys.SHIFT).keyDown(Keys.SHIFT).keyUp(Keys.SHIFT)
                    .keyDown(Keys.SHIFT).keyUp(Keys.SHIFT).perform();
            leftThePortal(visit, "Shift x3");

            // opened directly and reloaded, then the button (a real click: nothing may cover it)
            arrive(visit, true);
            driver.findElement(By.id("quick-exit")).click();
            leftThePortal(visit, "the button");
        }
    }

    private void arrive(Visit visit, boolean reload) {
        if (visit.user() != null) {
            signIn(visit.user(), visit.password());
            assertThat(driver.getCurrentUrl()).as("signed in as " + visit.user()).doesNotContain("/login");
        }
        open(visit.path());
        if (reload) {
            driver.navigate().refresh();
            settle();
        }
        assertThat(driver.getCurrentUrl()).as("not sent elsewhere").startsWith(url(visit.path()));
        var js = (JavascriptExecutor) driver;
        assertThat(js.executeScript("return typeof window.villageQuickExit")).as("quick-exit.js ran on /" + visit.path())
                .isEqualTo("function");
        waitFor(By.id("quick-exit"));
        assertThat(js.executeScript("return document.querySelector('h1') !== null")).as("page shown: /" + visit.path())
                .isEqualTo(true);
    }

    private void leftThePortal(Visit visit, String how) {
        String portal = "localhost:" + port;
        String where = how + " on /" + visit.path() + (visit.user() == null ? "" : " as " + visit.user());
        try {
            wait.until(d -> d.getCurrentUrl().startsWith(NeutralSite.url()) && !d.getCurrentUrl().contains("start"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("did not reach the neutral site: " + where + " (at " + driver.getCurrentUrl() + ", "
                    + ((JavascriptExecutor) driver).executeScript("return document.title + ' | overlay: '"
                    + " + !!document.querySelector('.village-exit-overlay') + ' | status: '"
                    + " + (document.getElementById('village-exit-status') || {}).textContent + ' | focus: '"
                    + " + document.activeElement.tagName + ' | has focus: ' + document.hasFocus()")
                    + ")", e);
        }
        driver.navigate().back();
        try {
            wait.until(d -> !d.getCurrentUrl().contains(portal));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Back showed the portal again: " + where + " (at " + driver.getCurrentUrl() + ")", e);
        }
        assertThat(pageText()).as("after Back: " + where).doesNotContain("Exit this page", "Village");
        // the session has ended: a page for signed-in people asks to sign in again
        open("account");
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        driver.get(NeutralSite.url() + "?start");
    }
}
