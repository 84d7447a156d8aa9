package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 9 item 2: an admin edits a help-now line, and the help box on the home page, an error page (an
 * unknown address) and the staying-safe page, each opened directly and again by reload, shows the new line
 * with 999 first. Nothing is hard-coded any more.
 */
class HelpNowEverywhereJourneyIT extends BrowserJourney {

    @org.springframework.beans.factory.annotation.Autowired
    org.village.helpnow.HelpNowService helpNow;

    private WebElement contactForm(String heading) {
        return waitFor(By.xpath("//div[contains(concat(' ', normalize-space(@class), ' '), ' contact ')]"
                + "[h3[normalize-space(.)=\"" + heading + "\"]]"));
    }

    private void rename(String from, String to) {
        signIn("admin", "quiet-harbour-lamp");
        open("admin/guide-settings");
        var form = contactForm(from);
        var name = form.findElement(By.xpath(".//vaadin-text-field[./label[normalize-space(.)=\"Name\"]]//input"));
        name.clear();
        name.sendKeys(to);
        click("Save " + from);
        wait.until(d -> contactForm(from).getText().contains("Saved."));
        signOut();
    }

    private void assertHelpBoxShows(String page, String name, String phone) {
        wait.until(d -> !d.findElements(By.cssSelector("aside.help-now")).isEmpty()
                && d.findElement(By.cssSelector("aside.help-now")).getText().contains(name));
        var box = driver.findElement(By.cssSelector("aside.help-now"));
        assertThat(box.getText()).as(page).contains("If someone is in danger now, call 999", name + ": " + phone)
                .doesNotContain("Childline, for children and young people");
        List<String> links = box.findElements(By.tagName("a")).stream().map(a -> a.getAttribute("href")).toList();
        assertThat(links).as(page).first().isEqualTo("tel:999");
        assertThat(links).as(page).contains("tel:" + phone.replace(" ", ""));
    }

    @Test
    void anAdminsEditShowsOnHomeErrorAndStayingSafePagesOpenedDirectlyAndByReload() {
        // the box shows the first lines open now, so which ones depends on the hour: edit the first one shown
        var first = helpNow.panel(org.village.helpnow.HelpNowService.BOX_LINES).getFirst();
        String line = first.name();
        String edited = line + " (edited " + UUID.randomUUID().toString().substring(0, 6) + ")";
        rename(line, edited);
        try {
            for (String path : List.of("", "no-such-page-" + UUID.randomUUID(), "staying-safe")) {
                open(path);
                assertHelpBoxShows("/" + path, edited, first.phone());
                driver.navigate().refresh();
                settle();
                assertHelpBoxShows("/" + path + " after reload", edited, first.phone());
            }
        } finally {
            rename(edited, line);
        }
    }
}
