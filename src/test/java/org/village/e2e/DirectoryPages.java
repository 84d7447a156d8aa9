package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Page objects for the services feature, built on the journey's waiting helpers (no sleeps). */
final class DirectoryPages {

    private DirectoryPages() {
    }

    /**
     * Clicks a button or link by its text after scrolling it to the middle of the view: the page scrolls
     * inside the app layout, where a plain click can land on the element above it.
     */
    static void press(BrowserJourney j, String text) {
        j.clickWhenReady(By.xpath("//vaadin-button[normalize-space(.)=\"" + text + "\"] | //a[normalize-space(.)=\""
                + text + "\"]"));
        j.settle();
    }

    /**
     * The element found by {@code where}, scrolled into view and clickable. Found again each time it is looked at: a
     * live refresh (a push after the change just made) may draw the list again, and an element found before that is
     * gone from the page for good (it never becomes visible, and waiting on it only times out).
     */
    static WebElement reveal(BrowserJourney j, By where) {
        return j.wait.until(d -> {
            try {
                var element = d.findElement(where);
                ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
                return element.isDisplayed() && element.isEnabled() ? element : null;
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                return null;
            }
        });
    }

    static WebElement reveal(BrowserJourney j, WebElement element) {
        ((JavascriptExecutor) j.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        return j.wait.until(ExpectedConditions.elementToBeClickable(element));
    }

    /** The public directory at /services. */
    static final class Directory {
        private final BrowserJourney j;

        Directory(BrowserJourney j) {
            this.j = j;
        }

        Directory open() {
            j.open("services");
            j.waitForText("Find a service");
            return this;
        }

        String resultCount() {
            // empty (so not "visible") while a filter problem is shown
            return j.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result-count")))
                    .getAttribute("textContent");
        }

        /** Types a filter and leaves the field, so the list reloads; waits until the count changes. */
        Directory filter(String label, String value) {
            String before = resultCount();
            var input = j.field(label);
            input.clear();
            input.sendKeys(value, org.openqa.selenium.Keys.TAB); // leaving the field applies the filter
            j.settle();
            j.wait.until(d -> !resultCount().equals(before));
            return this;
        }

        /** Opens the map; no tiles load here (no internet), so this also shows the page works without them. */
        void showMap() {
            press(j, "Show on a map");
            j.wait.until(d -> d.findElements(By.cssSelector("village-map .leaflet-interactive")).size() > 3);
            assertThat(j.driver.findElements(By.cssSelector(".service-list .service-card"))).isNotEmpty();
        }

        void openService(String name) {
            press(j, name);
            j.wait.until(ExpectedConditions.urlContains("/services/"));
            j.waitForText("What they do");
            var heading = j.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".service-page h1")));
            assertThat(heading.getAttribute("textContent")).isEqualTo(name);
        }
    }

    /** My child's team, for a worker (choose a family, add a service) and a parent (read). */
    static final class Team {
        private final BrowserJourney j;

        Team(BrowserJourney j) {
            this.j = j;
        }

        Team openAsWorker(String family) {
            j.open("team");
            press(j, family);
            j.waitForText("children's teams");
            return this;
        }

        Team openAsParent() {
            j.open("team");
            j.waitForText("My child's team");
            return this;
        }

        void add(String child, String service, String forFamily) {
            press(j, "Add a service to " + child + "'s team");
            var combo = j.waitFor(By.xpath("//vaadin-combo-box[./label[normalize-space(.)='Service']]//input"));
            combo.sendKeys(service);
            WebElement item = j.wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//vaadin-combo-box-item[normalize-space(.)=\"" + service + "\"]")));
            item.click();
            j.settle();
            j.type("What they are doing for this family", forFamily);
            press(j, "Add to the team");
            j.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.tagName("vaadin-dialog-overlay")));
        }

        void assertCard(String service) {
            j.waitFor(By.xpath(card(service) + "//a[normalize-space(.)=\"" + service + "\"]"));
        }

        /** Presses Remove on one service's card and confirms in the dialog that follows. */
        void removeByMistake(String service, String child) {
            j.clickWhenReady(By.xpath(card(service) + "//vaadin-button[normalize-space(.)='Remove']"));
            j.settle();
            j.waitForText("Take " + service + " off " + child + "'s team?");
            focusIsOn(j, "Keep it"); // the safe choice: a stray Enter removes nothing
        }

        void confirmRemove(String service, String child) {
            press(j, "Remove from the team");
            j.waitForText(service + " is off " + child + "'s team.");
            j.wait.until(d -> d.findElements(By.xpath(card(service))).isEmpty());
        }

        private static String card(String service) {
            return "//li[contains(@class,'team-card')][.//a[normalize-space(.)=\"" + service + "\"]]";
        }
    }

    /** Waits until the keyboard focus is on the button with this text (a dialog's safe choice). */
    static void focusIsOn(BrowserJourney j, String buttonText) {
        j.wait.until(d -> buttonText.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "const a = document.activeElement; return a && a.localName === 'vaadin-button' ? a.textContent.trim() : '';")));
    }

    /** The admin's service list at /admin/services: find, withdraw with a confirm, undo, put back. */
    static final class AdminServices {
        private final BrowserJourney j;

        AdminServices(BrowserJourney j) {
            this.j = j;
        }

        AdminServices open() {
            j.open("admin/services");
            j.waitForText("Edit services");
            return this;
        }

        /** Types in "Find a service" and opens the one row that matches. */
        AdminServices choose(String name) {
            // the page scrolls inside the app layout: bring the field back into view before typing
            var search = j.wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                    "//vaadin-text-field[./label[normalize-space(.)='Find a service']]//input")));
            reveal(j, search);
            search.clear();
            search.sendKeys(name);
            // a table cell holding just the name, or on a phone the card whose title is the name
            var cell = j.wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                    "//vaadin-grid-cell-content[normalize-space(.)=\"" + name + "\" or .//span[@class='grid-card-title'"
                            + " and normalize-space(.)=\"" + name + "\"]]")));
            reveal(j, cell).click();
            j.settle();
            j.waitForText("Change " + name);
            return this;
        }

        void startWithdrawing(String name, String reason) {
            press(j, "Withdraw this service");
            j.waitForText("Withdraw " + name + "?");
            focusIsOn(j, "Keep it listed");
            j.type("Why? (kept in the audit log)", reason);
        }

        void confirmWithdraw(String name) {
            press(j, "Withdraw");
            j.waitForText(name + " is withdrawn.");
        }

        void undo(String name) {
            press(j, "Undo");
            j.waitForText(name + " is back in the directory.");
        }

        /** Gives the import's file chooser a file, as if chosen in the system dialog. */
        void upload(java.nio.file.Path file) {
            var input = (WebElement) ((JavascriptExecutor) j.driver).executeScript(
                    "const u = document.querySelector('vaadin-upload.feed-file');"
                            + "return u.querySelector('input[type=file]') || u.shadowRoot.querySelector('input[type=file]');");
            input.sendKeys(file.toAbsolutePath().toString());
            j.settle();
        }

        void putBack(String name) {
            press(j, "Put back in the directory");
            j.waitForText(name + " is back in the directory.");
        }
    }

    /** Tell it once, for the parent; and the worker's read of it. */
    static final class Profile {
        private final BrowserJourney j;

        Profile(BrowserJourney j) {
            this.j = j;
        }

        Profile openAsParent() {
            j.open("profile");
            j.waitForText("Tell it once");
            return this;
        }

        void write(String whatHelps) {
            j.type("What helps your child and your family", whatHelps);
            press(j, "Save my profile");
            j.waitForText("Saved. Only you and the workers you choose below can read it.");
        }

        void share(String reader, boolean shared) {
            var box = j.waitFor(By.xpath("//vaadin-checkbox[contains(@class,'share-choice')][contains(., \"" + reader + "\")]"));
            boolean checked = box.getAttribute("checked") != null;
            assertThat(checked).as("shared before").isNotEqualTo(shared);
            reveal(j, box.findElement(By.tagName("label"))).click();
            j.settle();
            j.waitForText(shared ? "can now read your profile." : "can no longer read your profile.");
        }
    }
}
