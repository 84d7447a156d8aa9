package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * Search as parents arrive at it: a shared link or a bookmark opened directly, then reloaded. Guide search,
 * the jargon buster and the directory never change words that were right, forgive typos in plain view,
 * offer "Did you mean" only when it finds more, and say so when nothing matches.
 */
class SearchJourneyIT extends BrowserJourney {

    private void openAndReload(String path, String expected) {
        open(path);
        waitForText(expected);
        driver.navigate().refresh();
        settle();
        waitForText(expected);
        assertThat(driver.findElement(By.id("quick-exit")).isDisplayed()).as("quick exit").isTrue();
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private boolean didYouMeanShown() {
        return !driver.findElements(By.id("did-you-mean")).isEmpty();
    }

    @Test
    void guideSearchKeepsRealWordsAndForgivesTyposOpenedDirectlyAndReloaded() {
        openAndReload("guides/search?q=" + q("my son is missing"), "If your child is missing");
        assertThat(pageText()).doesNotContain("Showing results for").doesNotContain("don");
        assertThat(didYouMeanShown()).isFalse();
        assertAccessible();

        openAndReload("guides/search?q=polish", "Search");
        assertThat(pageText()).doesNotContain("\"police\"");
        assertThat(didYouMeanShown()).isFalse();

        openAndReload("guides/search?q=" + q("exlcuded from scool"), "Showing results for \"excluded from school\"");
        assertThat(pageText()).contains("Nothing found for \"exlcuded from scool\"", "If your child is excluded from school");
        assertThat(didYouMeanShown()).isFalse();
        assertAccessible();
    }

    @Test
    void didYouMeanIsOfferedOnlyWhenTheFixFindsMore() {
        openAndReload("guides/search?q=" + q("national referal mechanism"), "National Referral Mechanism");
        assertThat(didYouMeanShown()).isTrue();
        assertThat(driver.findElement(By.id("did-you-mean")).getText()).contains("national referral mechanism");
        driver.findElement(By.cssSelector("#did-you-mean a")).click();
        settle();
        assertThat(driver.getCurrentUrl()).contains("q=national%20referral%20mechanism");
        waitForText("National Referral Mechanism");
        assertThat(didYouMeanShown()).isFalse();

        openAndReload("guides/search?q=" + q("strategy meeting"), "If a strategy meeting has been called");
        assertThat(didYouMeanShown()).isFalse();
    }

    @Test
    void theJargonBusterForgivesTyposAndSaysSoWhenNothingMatches() {
        openAndReload("jargon-buster?q=cahms", "Showing words for \"camhs\"");
        assertThat(pageText()).contains("No words match \"cahms\"", "Child and Adolescent Mental Health");
        assertAccessible();

        openAndReload("jargon-buster?q=polish", "Jargon buster");
        assertThat(pageText()).doesNotContain("Showing words for \"police\"");

        openAndReload("jargon-buster?q=zzzzqqq", "No words in the jargon buster match \"zzzzqqq\"");
        var notice = driver.findElement(By.id("jargon-notice"));
        assertThat(notice.isDisplayed()).as("the no-match message is visible, not only for screen readers").isTrue();
        assertThat(notice.findElement(By.tagName("a")).getAttribute("href")).contains("guides/search?q=zzzzqqq");
        assertAccessible();
    }

    @Test
    void typingInTheJargonBusterKeepsTheWordsInTheAddressForAReload() {
        open("jargon-buster");
        var input = field("Find a word");
        input.sendKeys("cukooing", Keys.TAB);
        waitForText("Showing words for \"cuckooing\"");
        wait.until(d -> d.getCurrentUrl().contains("q=cukooing"));
        driver.navigate().refresh();
        settle();
        waitForText("Showing words for \"cuckooing\"");
    }

    @Test
    void serviceSearchForgivesTyposAndExplainsAnOutOfAreaPostcode() {
        openAndReload("services?q=counceling", "Showing services for \"counselling\"");
        assertThat(pageText()).contains("No services match \"counceling\"", "Village Family Sessions");
        assertAccessible();

        openAndReload("services?q=counselling", "Village Family Sessions");
        assertThat(pageText()).doesNotContain("Showing services for");
        assertThat(didYouMeanShown()).isFalse();

        openAndReload("services?q=polish", "No services match");
        assertThat(pageText()).doesNotContain("Police emergency");

        openAndReload("services?postcode=SW1A", "SW1A is outside the area this directory covers");
        assertThat(pageText()).contains("local council", "BS1–BS34");
        assertThat(driver.findElement(By.cssSelector("#outside-area a")).getAttribute("href")).endsWith("/help-now");
        assertAccessible();
    }

    @Test
    void hostileTextInSearchAddressesIsShownAsTextAndNothingRuns() {
        String[] hostile = {"</script><script>window.__pwned=1</script>", "<!--", "<img src=x onerror=window.__pwned=1>",
            "javascript:window.__pwned=1", "missing\u2028child", "\u202Emissing\u200F"};
        for (String h : hostile) {
            for (String page : new String[] {"guides/search", "jargon-buster", "services"}) {
                open(page + "?q=" + q(h));
                driver.navigate().refresh();
                settle();
                Object pwned = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return window.__pwned");
                assertThat(pwned).as(page + " with " + h).isNull();
                assertThat(driver.findElement(By.id("quick-exit")).isDisplayed()).as(page + " exit").isTrue();
            }
        }
    }
}
