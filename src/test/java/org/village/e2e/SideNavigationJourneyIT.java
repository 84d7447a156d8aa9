package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The side navigation is one {@code <nav>} of plain links (decision 053). On pages opened directly and by reload it
 * shows each person only their pages, marks the open page (and the section of a page under it) with
 * {@code aria-current}, follows a link by keyboard without loading the page again, and passes axe, also in the
 * drawer at 360 px.
 */
class SideNavigationJourneyIT extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    private static final String LINKS = """
            return [...document.querySelectorAll('nav.side-links a')].map(a => ({
              text: a.textContent.trim(), current: a.getAttribute('aria-current') || '',
              height: a.getBoundingClientRect().height}));""";

    @Test
    void theMenuShowsEachPersonTheirPagesAndMarksTheOpenOne() {
        signIn("parent.a", "sunny-garden-path");
        open("my-sessions");
        assertThat(labels()).contains("Home", "Guides", "Chat", "My sessions", "Your account")
                .doesNotContain("Families", "Today", "Staff accounts", "Audit log");
        assertThat(current()).isEqualTo(Map.of("My sessions", "page"));
        assertThat(driver.findElement(By.cssSelector("nav.side-links")).getAttribute("aria-label")).isEqualTo("Main");
        driver.navigate().refresh();
        settle();
        assertThat(current()).as("after reload").isEqualTo(Map.of("My sessions", "page"));
        assertAccessible();

        // a page under a section, opened directly: the section is marked
        String guide = jdbc.sql("SELECT slug FROM guide WHERE published_at IS NOT NULL ORDER BY id LIMIT 1")
                .query(String.class).single();
        open("guides/" + guide);
        assertThat(current()).isEqualTo(Map.of("Guides", "true"));
        assertAccessible();

        // by keyboard: Tab to "Chat", Enter; the page changes without loading again, the mark moves
        ((JavascriptExecutor) driver).executeScript("window.villageSameDocument = 'yes'");
        for (int i = 0; i < 60 && !"Chat".equals(focused()); i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        assertThat(focused()).as("Tab reaches the Chat link").isEqualTo("Chat");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        wait.until(d -> d.getCurrentUrl().equals(url("chat")));
        settle();
        wait.until(d -> current().equals(Map.of("Chat", "page")));
        assertThat(((JavascriptExecutor) driver).executeScript("return window.villageSameDocument"))
                .as("followed inside the page, not loaded again").isEqualTo("yes");
        assertThat(focused()).as("the followed link keeps the focus").isEqualTo("Chat");
        assertAccessible();

        // a worker sees staff pages, not a parent's
        signOut();
        signIn("worker.alex", "blue-river-stones");
        open("families");
        assertThat(labels()).contains("Today", "Families", "Chat", "Children's teams", "Family profiles")
                .doesNotContain("My sessions", "My child's team", "Staff accounts", "Audit log");
        assertThat(current()).isEqualTo(Map.of("Families", "page"));
        assertAccessible();

        // on a phone the menu is in the drawer: every link at least 44 px high, axe passes with it open
        phoneSize();
        open("today");
        driver.findElement(By.cssSelector("vaadin-drawer-toggle")).click();
        settle();
        wait.until(d -> d.findElement(By.cssSelector("nav.side-links")).isDisplayed());
        assertThat(current()).isEqualTo(Map.of("Today", "page"));
        @SuppressWarnings("unchecked")
        var links = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript(LINKS);
        assertThat(links).allSatisfy(l -> assertThat(((Number) l.get("height")).doubleValue())
                .as(String.valueOf(l.get("text"))).isGreaterThanOrEqualTo(44));
        assertAccessible();
    }

    @SuppressWarnings("unchecked")
    private List<String> labels() {
        var links = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript(LINKS);
        return links.stream().map(l -> String.valueOf(l.get("text"))).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> current() {
        var links = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript(LINKS);
        var marked = new java.util.LinkedHashMap<String, String>();
        links.stream().filter(l -> !String.valueOf(l.get("current")).isEmpty())
                .forEach(l -> marked.put(String.valueOf(l.get("text")), String.valueOf(l.get("current"))));
        return marked;
    }

    private String focused() {
        return String.valueOf(((JavascriptExecutor) driver).executeScript(
                "return (document.activeElement.textContent || '').trim()"));
    }
}
