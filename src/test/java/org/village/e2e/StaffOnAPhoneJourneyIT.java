package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.interactions.Actions;

/**
 * Workers and admins on a phone (360 px): every staff list shows each row as a stacked card with the
 * key facts, nothing scrolls sideways, every action is reachable (by touch and keyboard), and axe finds
 * nothing serious. On a desktop the same lists are still tables.
 */
class StaffOnAPhoneJourneyIT extends BrowserJourney {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aWorkerReadsAndActsOnEveryListOnAPhone() {
        phoneSize();
        signIn("worker.sam", "green-kettle-morning");

        open("families");
        assertNoSidewaysScroll();
        waitForText("Children: Jay");
        // other tests add parent accounts to Family A: count what the database holds now, not the seed's one
        long parents = jdbc.sql("SELECT COUNT(*) FROM user_account a JOIN family f ON f.id = a.family_id"
                + " WHERE f.label = 'Family A (sample)'").query(Long.class).single();
        assertThat(pageText()).contains("Family A (sample)", "Parent accounts: " + parents);
        assertAccessible();
        DirectoryPages.reveal(this, card("Family A (sample)")).click();
        settle();
        DirectoryPages.press(this, "Make an invitation for a parent");
        assertThat(waitFor(By.id("invitation-link")).getText()).contains("/join/");
        click("Done");

        open("staff/jargon-buster");
        assertNoSidewaysScroll();
        waitForText("ABE interview");
        assertThat(cardText("ABE interview")).contains("Achieving Best Evidence");
        assertAccessible();

        open("staff/guides");
        assertNoSidewaysScroll();
        waitForText("Last saved");
        assertThat(pageText()).contains("Who sees what on Village", "Published");
        assertAccessible();
        type("Find a guide", "Who sees what");
        wait.until(d -> !pageText().contains("Staying safe when you use this site"));
        DirectoryPages.reveal(this, card("Who sees what on Village")).click();
        settle();
        waitForText("Earlier versions");
        assertThat(driver.getCurrentUrl()).contains("/staff/guides/");
        assertNoSidewaysScroll();
        waitForText("No. 1: ");
        assertThat(cardButtons()).extracting(WebElement::getText).contains("Restore");
        assertAccessible();
    }

    @Test
    void anAdminReadsAndActsOnEveryListOnAPhone() {
        phoneSize();
        signIn("admin", "quiet-harbour-lamp");

        open("admin/staff");
        assertNoSidewaysScroll();
        waitForText("Sign-in name: worker.alex");
        assertThat(pageText()).contains("Roles: Family support worker", "Status: On", "Last signed in:");
        assertAccessible();
        // a new account, so switching it off touches nobody else's sign-in
        type("Sign-in name", "phone.check");
        type("Name people see", "Robin (phone check)");
        type("First password", "long-enough-phone-check");
        DirectoryPages.press(this, "Make account");
        waitForText("Sign-in name: phone.check");

        // every button in every card fits on the screen and is at least 24 px square
        var sizes = cardButtons().stream().map(b -> b.getRect()).toList();
        assertThat(sizes).isNotEmpty().allSatisfy(r -> {
            assertThat(r.getWidth()).isGreaterThanOrEqualTo(24);
            assertThat(r.getHeight()).isGreaterThanOrEqualTo(24);
            assertThat(r.getX() + r.getWidth()).isLessThanOrEqualTo(360);
        });

        // keyboard only: into the card (Enter), along to "Switch off" (Tab), press it (Space)
        var robin = card("Robin (phone check)");
        DirectoryPages.reveal(this, robin).click();
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        wait.until(d -> "Change roles".equals(focusedText()));
        new Actions(driver).sendKeys(Keys.TAB).perform();
        wait.until(d -> "Switch off".equals(focusedText()));
        assertThat((Boolean) js("return document.activeElement.hasAttribute('focus-ring')"))
                .as("keyboard focus is shown").isTrue();
        new Actions(driver).sendKeys(Keys.SPACE).perform();
        settle();
        waitForText("Account switched off.");
        wait.until(d -> cardText("Robin (phone check)").contains("Status: Switched off"));
        assertThat(cardText("Robin (phone check)")).contains("Sign-in name: phone.check", "Switch on");

        open("admin/audit");
        assertNoSidewaysScroll();
        waitForText("sign-in");
        assertThat(pageText()).contains("account.created", "account.disabled");
        filtersFitOnTheScreen();
        assertAccessible();

        open("admin/services");
        assertNoSidewaysScroll();
        waitForText("Run by Barnardo's");
        assertAccessible();
        DirectoryPages.reveal(this, card("BASE")).click();
        settle();
        waitForText("Change BASE");
    }

    @Test
    void onADesktopTheListsAreStillTables() {
        signIn("admin", "quiet-harbour-lamp");
        for (var page : Map.of("admin/staff", List.of("Name", "Sign-in name", "Roles", "Status", "Last signed in", "Change"),
                "admin/audit", List.of("When", "Who", "Action", "Target", "Detail"),
                "families", List.of("Family", "Children", "Parent accounts"),
                "staff/guides", List.of("Title", "Status", "Last saved")).entrySet()) {
            open(page.getKey());
            assertNoSidewaysScroll();
            wait.until(d -> visibleHeaders().equals(page.getValue()));
            assertThat(driver.findElements(By.cssSelector(".grid-card"))).as("no cards on " + page.getKey())
                    .noneMatch(WebElement::isDisplayed);
        }
    }

    /** The bold title of a card: tapping it selects (or opens) the row without touching a button. */
    /** The card's title, scrolled into view first: with more staff the list is longer than a phone's screen. */
    private WebElement card(String title) {
        return DirectoryPages.reveal(this, wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//*[contains(@class,'grid-card-title')][normalize-space(.)=\"" + title + "\"]"))));
    }

    /** Everything the card with this title says. */
    private String cardText(String title) {
        return card(title).findElement(By.xpath("..")).getText();
    }

    private List<WebElement> cardButtons() {
        return driver.findElements(By.cssSelector(".grid-card vaadin-button")).stream().filter(WebElement::isDisplayed).toList();
    }

    private String focusedText() {
        return (String) js("const a = document.activeElement; return a && a.localName === 'vaadin-button' ? a.textContent.trim() : '';");
    }

    @SuppressWarnings("unchecked")
    private List<String> visibleHeaders() {
        return (List<String>) js("""
                const grid = document.querySelector('vaadin-grid');
                return [...grid.shadowRoot.querySelectorAll('thead tr:last-child [part~="header-cell"]')]
                  .filter(cell => !cell.hidden)
                  .map(cell => cell.querySelector('slot')?.assignedElements()[0]?.textContent.trim() ?? '');""");
    }

    private void filtersFitOnTheScreen() {
        var fields = driver.findElements(By.cssSelector(".filter-bar > *"));
        assertThat(fields).hasSize(4).allSatisfy(f -> {
            assertThat(f.getRect().getX() + f.getRect().getWidth()).isLessThanOrEqualTo(360);
            assertThat(f.findElement(By.tagName("label")).getText()).isNotBlank();
        });
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }
}
