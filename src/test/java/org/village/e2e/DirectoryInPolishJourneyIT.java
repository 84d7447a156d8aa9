package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A Polish-speaking parent uses the directory in Polish: the search page, a service, their child's team and the
 * tell-it-once profile, each opened directly by its address and reloaded, with no English left from the directory's
 * words (what services write about themselves stays as they wrote it).
 */
class DirectoryInPolishJourneyIT extends BrowserJourney {

    private static final String PARENT = "parent.a";

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forgetTheChoice() {
        // other journeys sign in as this parent and read English
        jdbc.sql("UPDATE user_account SET language = NULL WHERE username = ?").param(PARENT).update();
    }

    @Test
    void aPolishSpeakingParentFindsAServiceAndReadsTheirChildsTeamAndProfileInPolish() throws IOException {
        phoneSize();
        open("");
        waitFor(By.id("language-choice")).click();
        wait.until(d -> "pl".equals(htmlLang()));
        settle();

        open("services");
        waitForText("Znajdź usługę");
        inPolish(".directory", "Pokaż na mapie", "Twój kod pocztowy", "W czym potrzebujesz pomocy?", "Usługi");
        driver.navigate().refresh();
        settle();
        inPolish(".directory", "Znajdź usługę", "Pokaż na mapie", "Otwarte teraz");
        assertAccessible();
        // a problem the directory service finds is told in Polish too
        var postcode = field("Twój kod pocztowy");
        postcode.sendKeys("not a postcode", Keys.TAB);
        settle();
        waitForText("To nie wygląda na kod pocztowy");

        open("services/brook-bristol");
        waitForText("Czym się zajmują");
        inPolish(".service-page", "Wróć do wszystkich usług", "Kiedy są otwarci", "Kontakt", "Prowadzi:");
        driver.navigate().refresh();
        settle();
        inPolish(".service-page", "Czym się zajmują", "Kiedy są otwarci");
        assertThat(viewText(".service-page")).as("days and times in Polish")
                .doesNotContain("Monday", "Tuesday", "Friday", "Saturday", "am to", "pm;");
        assertAccessible();

        signIn(PARENT, "sunny-garden-path");
        open("team");
        waitForText("Zespół mojego dziecka");
        inPolish(".team-page", "Zespół dziecka: Jay", "Kto widzi tę stronę");
        driver.navigate().refresh();
        settle();
        inPolish(".team-page", "Zespół mojego dziecka", "Zespół dziecka: Jay", "Co się zmieniło");
        assertThat(viewText(".team-page")).as("the timeline too").contains("Do zespołu dołączyła usługa");
        assertAccessible();

        open("profile");
        waitForText("Powiedz raz");
        inPolish(".profile-page", "Zapisz mój profil", "Kto może to przeczytać", "Co pomaga Twojemu dziecku i Twojej rodzinie");
        driver.navigate().refresh();
        settle();
        inPolish(".profile-page", "Powiedz raz", "Zapisz mój profil", "Kto to widział");
        assertAccessible();
        assertThat(driver.getTitle()).isEqualTo("Powiedz raz | Village");
    }

    /** The view's own text (without the help-now box, which is not the directory's) is Polish. */
    private void inPolish(String view, String... polish) throws IOException {
        wait.until(d -> viewText(view).contains(polish[0]));
        String text = viewText(view);
        assertThat(text).contains(polish).doesNotContain("directory.");
        assertThat(htmlLang()).isEqualTo("pl");
        var english = bundle("translations.properties");
        var polishBundle = bundle("translations_pl.properties");
        for (String key : english.stringPropertyNames()) {
            if (!key.startsWith("directory.")) {
                continue;
            }
            // the fixed words of each English text (between its {0} places) that Polish says differently
            for (String words : english.getProperty(key).replace("''", "'").split("\\{\\d+}")) {
                String w = words.strip();
                if (w.contains(" ") && w.length() >= 8 && !polishBundle.getProperty(key).contains(w)) {
                    assertThat(text).as("English from " + key + " on " + view).doesNotContain(w);
                }
            }
        }
    }

    private String viewText(String view) {
        return (String) ((JavascriptExecutor) driver).executeScript("""
                const view = document.querySelector(arguments[0]);
                if (!view) return '';
                const boxes = [...view.querySelectorAll('.help-now')];
                boxes.forEach(e => e.style.display = 'none');
                const text = view.innerText;
                boxes.forEach(e => e.style.display = '');
                return text;""", view);
    }

    private String htmlLang() {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.documentElement.lang");
    }

    private static Properties bundle(String name) throws IOException {
        var p = new Properties();
        try (var in = DirectoryInPolishJourneyIT.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
