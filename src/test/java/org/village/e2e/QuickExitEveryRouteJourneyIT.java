package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ScannedGenericBeanDefinition;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.TestAccounts;
import org.village.TestText;
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

    /** Who opens the page: null for anyone, else a demo account and its password. */
    record Visit(String path, String user, String password) {
        static Visit anyone(String path) {
            return new Visit(path, null, null);
        }
    }

    /** One example of every @Route in src/main/java (grep "@Route("), plus a deep unknown address. */
    private List<Visit> everyRoute() {
        String guide = jdbc.sql("SELECT slug FROM guide WHERE published_at IS NOT NULL ORDER BY id LIMIT 1")
                .query(String.class).single();
        long guideId = jdbc.sql("SELECT id FROM guide ORDER BY id LIMIT 1").query(Long.class).single();
        String service = jdbc.sql("SELECT slug FROM dir_service WHERE withdrawn_at IS NULL ORDER BY id LIMIT 1")
                .query(String.class).single();
        long family = jdbc.sql("SELECT fw.family_id FROM family_worker fw JOIN user_account u ON u.id = fw.worker_id "
                + "WHERE u.username = 'worker.alex' ORDER BY fw.family_id LIMIT 1").query(Long.class).single();
        var parent = new String[] {"parent.a", "sunny-garden-path"};
        var worker = new String[] {"worker.alex", "blue-river-stones"};
        var admin = new String[] {"admin", "quiet-harbour-lamp"};
        var visits = new ArrayList<Visit>(List.of(
                Visit.anyone(""), Visit.anyone("staying-safe"), Visit.anyone("help-now"), Visit.anyone("guides"),
                Visit.anyone("guides/" + guide), Visit.anyone("guides/search?q=school"), Visit.anyone("jargon-buster"),
                Visit.anyone("services"), Visit.anyone("services/" + service), Visit.anyone("join"),
                Visit.anyone("login"), Visit.anyone("reset"), Visit.anyone("setup"),
                Visit.anyone("guides/some/deep/page")));
        for (String path : List.of("team", "profile", "account", "notifications", "account/notifications", "sessions",
                "sessions?type=none", "my-sessions")) {
            visits.add(new Visit(path, parent[0], parent[1]));
        }
        long forumCategory = jdbc.sql("SELECT id FROM forum_category ORDER BY id LIMIT 1").query(Long.class).single();
        long forumTopic = jdbc.sql("SELECT id FROM forum_topic WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1")
                .query(Long.class).single();
        for (String path : List.of("forum", "forum/category/" + forumCategory, "forum/topic/" + forumTopic, "forum/new",
                "forum/search?q=court")) {
            visits.add(new Visit(path, parent[0], parent[1]));
        }
        long chatRoom = jdbc.sql("SELECT id FROM chat_room WHERE audience = 'EVERYONE' ORDER BY id LIMIT 1")
                .query(Long.class).single();
        for (String path : List.of("chat", "chat/" + chatRoom)) {
            visits.add(new Visit(path, parent[0], parent[1]));
        }
        // a notification's address shows the page it points to (the team page here); told to a copy of parent.a (same family, same
        // password), so no other journey's count of parent.a's notifications moves
        String copy = "exit.n." + TestText.letters(8).toLowerCase();
        long copyId = TestAccounts.copy(jdbc, parent[0], copy, "Exit " + TestText.letters(6), "PARENT");
        long notification = transactions.execute(tx -> notifications.tell(copyId, "team", "notification.team.removed",
                "/team"));
        visits.add(new Visit("notifications/" + notification, copy, parent[1]));
        for (String path : List.of("families", "families/new", "team/" + family, "profile/" + family, "staff/guides",
                "staff/guides/" + guideId, "staff/jargon-buster", "moderation/watched-words", "moderation/queue", "today",
                "moderation/rota", "booking/calendar", "booking/availability", "booking/types")) {
            visits.add(new Visit(path, worker[0], worker[1]));
        }
        for (String path : List.of("admin/guide-settings", "admin/services", "admin/staff", "admin/audit",
                "admin/sent-emails")) {
            visits.add(new Visit(path, admin[0], admin[1]));
        }
        return visits;
    }

    /** The list above misses no {@code @Route}: a new page is in this journey from the day it is added. */
    @Test
    void theJourneyHasAVisitForEveryRoute() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        var paths = everyRoute().stream().map(v -> v.path().replaceAll("[?#].*", "")).toList();
        var missing = new ArrayList<String>();
        for (var candidate : scanner.findCandidateComponents("org.village")) {
            if (candidate instanceof ScannedGenericBeanDefinition scanned
                    && scanned.getResource().getDescription().contains("test-classes")) {
                continue; // pages the tests make for themselves
            }
            Route route;
            try {
                route = Class.forName(candidate.getBeanClassName()).getAnnotation(Route.class);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            // ":name" is one segment, ":name?" is one segment or none
            String pattern = route.value().replaceAll("/:[A-Za-z]+\\?", "(/[^/]+)?").replaceAll(":[A-Za-z]+", "[^/]+");
            if (paths.stream().noneMatch(p -> p.matches(pattern))) {
                missing.add(route.value());
            }
        }
        assertThat(missing).as("routes with no visit in everyRoute()").isEmpty();
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
