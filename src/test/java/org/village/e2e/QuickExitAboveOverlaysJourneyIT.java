package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * Issue 8, item 3: nothing covers the Exit button. With the menu drawer open, a staff form dialog open, a
 * confirm dialog open or a notification across the top of the page, a real click on Exit (no script click:
 * the browser refuses a click that another element would receive) leaves the portal, on a 360 px phone and
 * on a desktop. Screenshots of each case go to target/screenshots/ to look at.
 */
class QuickExitAboveOverlaysJourneyIT extends BrowserJourney {

    private static final String WORKER = "worker.alex";
    private static final String ADMIN = "admin";

    @Test
    void exitWorksOverTheOpenMenuDrawerOnAPhoneAndADesktop() throws Exception {
        for (var size : SIZES) {
            size(size);
            open("help-now");
            // on a desktop the drawer starts open beside the page; on a phone it opens over the page
            if (!Boolean.TRUE.equals(js("return document.querySelector('vaadin-app-layout').drawerOpened"))) {
                driver.findElement(By.cssSelector("vaadin-drawer-toggle")).click();
            }
            wait.until(d -> Boolean.TRUE.equals(js("return document.querySelector('vaadin-app-layout').drawerOpened")));
            exitByARealClick("drawer", size);
        }
    }

    @Test
    void exitWorksOverAStaffFormDialog() throws Exception {
        for (var size : SIZES) {
            size(size);
            signIn(WORKER, "blue-river-stones");
            // adding a family is a page of its own now; a child's team has the staff form dialog
            open("team/" + familyB());
            click("Add a service to Mia's team");
            waitFor(By.cssSelector("vaadin-dialog[opened]"));
            exitByARealClick("form-dialog", size);
            endedTheSession();
        }
    }

    @Test
    void exitWorksOverAConfirmDialog() throws Exception {
        for (var size : SIZES) {
            size(size);
            signIn(ADMIN, "quiet-harbour-lamp");
            open("admin/services");
            // choose the first service in the grid, then ask to withdraw it
            waitFor(By.cssSelector("vaadin-grid"));
            var firstRow = wait.until(d -> {
                var cell = js("const g = document.querySelector('vaadin-grid');"
                        + " const slot = g.shadowRoot.querySelector('#items tr:not([hidden]) td slot');"
                        + " const c = slot && g.querySelector('vaadin-grid-cell-content[slot=\"' + slot.name + '\"]');"
                        + " return c && c.textContent.trim() ? c : null;");
                return cell instanceof org.openqa.selenium.WebElement e ? e : null;
            });
            firstRow.click();
            settle();
            var withdraw = waitFor(By.xpath("//vaadin-button[normalize-space(.)='Withdraw this service']"));
            // the editor opens below the grid and moves things as it does: bring the button to the middle first
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", withdraw);
            wait.until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(withdraw)).click();
            waitFor(By.cssSelector("vaadin-confirm-dialog[opened]"));
            exitByARealClick("confirm-dialog", size);
            endedTheSession();
        }
    }

    @Test
    void exitWorksOverANotificationAcrossTheTop() throws Exception {
        for (var size : SIZES) {
            size(size);
            signIn(WORKER, "blue-river-stones");
            open("families");
            // Vaadin's own notification element, stretched across the top where the Exit button is
            js("const n = document.createElement('vaadin-notification');"
                    + " n.renderer = r => { r.textContent = 'A long message across the whole top of the page, where Exit is.'; };"
                    + " n.position = 'top-stretch'; n.duration = 0; document.body.appendChild(n); n.opened = true;");
            waitFor(By.cssSelector("vaadin-notification-card"));
            exitByARealClick("notification", size);
            endedTheSession();
        }
    }

    private static final Dimension[] SIZES = {new Dimension(360, 740), new Dimension(1280, 800)};

    private void size(Dimension size) {
        driver.get(NeutralSite.url() + "?start");
        driver.manage().window().setSize(size);
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** The element the browser would hit at the middle of Exit must be Exit itself; then click it for real. */
    private void exitByARealClick(String what, Dimension size) throws Exception {
        settle();
        var screenshots = Path.of("target", "screenshots");
        Files.createDirectories(screenshots);
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                screenshots.resolve("exit-over-" + what + "-" + size.width + ".png"), StandardCopyOption.REPLACE_EXISTING);
        var button = driver.findElement(By.id("quick-exit"));
        assertThat(button.isDisplayed()).as("Exit visible over the " + what + " at " + size.width + " px").isTrue();
        assertThat(js("const b = document.getElementById('quick-exit'); const r = b.getBoundingClientRect();"
                + " const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);"
                + " return hit !== null && b.contains(hit);"))
                .as("nothing covers Exit over the " + what + " at " + size.width + " px").isEqualTo(true);
        button.click();
        wait.until(d -> d.getCurrentUrl().startsWith(NeutralSite.url()) && !d.getCurrentUrl().contains("start"));
    }

    private void endedTheSession() {
        open("families");
        wait.until(d -> d.getCurrentUrl().contains("/login"));
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private long familyB() {
        return jdbc.sql("SELECT id FROM family WHERE label = 'Family B (sample)'").query(Long.class).single();
    }
}
