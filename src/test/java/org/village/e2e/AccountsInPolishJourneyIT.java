package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 9 item 9: with Polski chosen, the pages beyond the guides speak Polish too: joining (with the service's
 * own messages), the account page, a worker's families and guide editor, the help-now box and the quick exit's
 * counted presses. Each page is opened directly by its address and reloaded, and checked with axe.
 */
class AccountsInPolishJourneyIT extends BrowserJourney {

    private static final String WORKER = "worker.sam";

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forgetTheChoice() {
        // other journeys sign in as this worker and read English
        jdbc.sql("UPDATE user_account SET language = NULL WHERE username = ?").param(WORKER).update();
    }

    @Test
    void aPolishReaderJoinsAndAWorkerWorksInPolish() {
        open("");
        waitFor(By.id("language-choice")).click();
        wait.until(d -> "pl".equals(htmlLang()));
        settle();

        // the help-now box on the home page: its title, the 999 line and the lines' opening words
        var box = waitFor(By.cssSelector("aside.help-now"));
        assertThat(box.getText()).contains("Pomoc teraz", "Jeśli ktoś jest teraz w niebezpieczeństwie", "otwarte")
                .doesNotContain("open now", "open all day");

        // the quick exit counts Shift presses in Polish, for screen readers
        new Actions(driver).sendKeys(Keys.SHIFT).perform();
        wait.until(d -> exitStatus().equals("Shift: naciśnij jeszcze 2 razy, aby wyjść."));
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();

        // joining: the page, its tab title, and a kind message from the account service, all in Polish
        reopen("join");
        waitForText("Dołącz do Village");
        assertThat(driver.getTitle()).isEqualTo("Dołącz do Village");
        assertThat(pageText()).contains("Kod zaproszenia", "Imię, które zobaczą inni", "Załóż moje konto")
                .doesNotContain("Invitation code");
        assertAccessible();
        type("Kod zaproszenia", "ZZZZ-ZZZZ-ZZZZ");
        type("Nazwa do logowania", "nowy.rodzic.pl");
        type("Imię, które zobaczą inni", "Jaskółka");
        type("Hasło", "latarnia-nad-morzem-42");
        type("Wpisz hasło jeszcze raz", "latarnia-nad-morzem-43");
        click("Załóż moje konto");
        waitForText("Te dwa hasła nie są takie same. Wpisz je jeszcze raz.");
        type("Wpisz hasło jeszcze raz", "latarnia-nad-morzem-42");
        click("Załóż moje konto");
        waitForText("Nie znaleźliśmy tego kodu zaproszenia.");
        assertThat(field("Nazwa do logowania").getAttribute("value")).as("nothing typed is lost").isEqualTo("nowy.rodzic.pl");

        // a worker signs in: the account, families and guide-editor pages, each opened directly and reloaded
        signIn(WORKER, "green-kettle-morning");
        reopen("account");
        waitForText("Zmień hasło");
        assertThat(driver.getTitle()).isEqualTo("Twoje konto");
        assertThat(pageText()).contains("Twoje konto", "Wyloguj na innych urządzeniach").doesNotContain("Change your password");
        assertAccessible();

        reopen("families");
        waitForText("Rodziny, którymi się opiekujesz");
        assertThat(driver.getTitle()).isEqualTo("Rodziny");
        assertThat(pageText()).contains("Dodaj rodzinę").doesNotContain("Add a family");
        assertAccessible();

        reopen("staff/guides");
        waitForText("Edytuj poradniki");
        waitForText("Opublikowany");
        assertThat(driver.getTitle()).isEqualTo("Edytuj poradniki");
        assertThat(pageText()).contains("Nowy poradnik").doesNotContain("New guide");
        assertAccessible();

        // the help-now page says when each line is open in Polish
        reopen("help-now");
        waitForText("Otwarte całą dobę");
        assertThat(pageText()).doesNotContain("Open all day and night");
        assertAccessible();
    }

    /** Opens a page by its address, then reloads it, as a person with a bookmark would. */
    private void reopen(String path) {
        open(path);
        driver.navigate().refresh();
        settle();
        wait.until(d -> "pl".equals(htmlLang()));
    }

    private String exitStatus() {
        return String.valueOf(((JavascriptExecutor) driver).executeScript(
                "return document.getElementById('village-exit-status').textContent"));
    }

    private String htmlLang() {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.documentElement.lang");
    }
}
