package org.village.guides.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.village.e2e.BrowserJourney;

/** A parent on a phone, not signed in: reads a pathway, looks up a word, finds help now, searches. */
class ParentReadsGuidesJourneyIT extends BrowserJourney {

    @Test
    void aParentReadsAPathwayOnAPhoneAndOpensAJargonWordWithoutLeavingThePage() {
        phoneSize();
        open("guides");
        GuidePages.openGuide(driver, wait, "If your child is missing");
        waitForText("Step 1: You report your child missing");
        var guide = new GuidePages.Guide(driver, wait);
        assertThat(guide.steps()).hasSizeGreaterThanOrEqualTo(4);
        String address = driver.getCurrentUrl();

        var explanation = guide.openFirstTerm();
        assertThat(explanation.getText()).contains(":").isNotBlank();
        assertThat(driver.getCurrentUrl()).isEqualTo(address);
        guide.closeTermWithEscape();

        assertThat(pageText()).contains("Help now", "If someone is in danger now, call 999");
        // services for a missing child, from the directory, each one a way in
        assertThat(pageText()).contains("Services that can help", "Missing People");
        keepScreenshot(".guide-services", "guide-services-phone");
        // nothing wider than the phone: no sideways scrolling
        assertThat((Long) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(360L);
        assertAccessible();
    }

    @Test
    void aParentSeesWhatIsOpenRightNowWith999First() {
        phoneSize();
        open("help-now");
        waitForText("Open now");
        String text = pageText();
        assertThat(text.indexOf("call 999")).isLessThan(text.indexOf("Open now"));
        assertThat(driver.findElements(By.cssSelector(".contact.open"))).isNotEmpty();
        assertThat(text).contains("Childline", "Open all day and night");
        assertAccessible();
    }

    @Test
    void aParentFindsTheRightGuideDespiteAMisspelling() {
        phoneSize();
        open("guides");
        var search = new GuidePages.Search(driver, wait);
        search.searchFor("exlcuded from scool");
        waitForText("Showing results for \"excluded from school\"");
        assertThat(search.resultTitles()).contains("If your child is excluded from school");
        assertThat(driver.findElements(By.cssSelector(".snippet .match"))).isNotEmpty();
        assertAccessible();
    }

    @Test
    void anOldGuideLinkShowsAFriendlyPageWithSearch() {
        open("guides/an-old-guide-that-moved");
        waitForText("We could not find that guide");
        assertThat(driver.findElements(By.cssSelector("vaadin-text-field.search-field"))).hasSize(1);
        assertThat(pageText()).contains("Help now");
    }

    /** Keeps a picture of part of the page for people to look at (target/screenshots); asserts nothing. */
    private void keepScreenshot(String css, String name) {
        var element = driver.findElement(By.cssSelector(css));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", element);
        try {
            var dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(dir.resolve(name + ".png"), ((org.openqa.selenium.TakesScreenshot) driver)
                    .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aParentSwitchesAGuideToPolish() {
        phoneSize();
        open("guides/who-sees-what");
        GuidePages.press(driver, wait, By.cssSelector(".languages a[hreflang='pl']"));
        settle();
        waitForText("Kto co widzi w Village");
        assertThat(driver.findElement(By.tagName("h1")).getAttribute("lang")).isEqualTo("pl");
        assertThat(driver.getCurrentUrl()).endsWith("who-sees-what?lang=pl");
        // a guide about using this site safely points to no services: no empty heading either
        assertThat(pageText()).doesNotContain("Services that can help", "Usługi, które mogą pomóc");
        assertAccessible();
    }
}
