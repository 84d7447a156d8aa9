package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A person chooses Polski once: it stays on every page, opened directly, and their account remembers it. */
class LanguageChoiceJourneyIT extends BrowserJourney {

    private static final String ACCOUNT = "worker.alex";

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forgetTheChoice() {
        // other journeys sign in as this worker and read English
        jdbc.sql("UPDATE user_account SET language = NULL WHERE username = ?").param(ACCOUNT).update();
    }

    @Test
    void polskiChosenOnceIsRememberedInTheBrowserAndOnTheAccount() {
        phoneSize();
        open("");
        assertThat(htmlLang()).isEqualTo("en");
        var choice = waitFor(By.id("language-choice"));
        assertThat(choice.getText()).isEqualTo("Polski");
        assertThat(choice.getSize().getHeight()).isGreaterThanOrEqualTo(24);
        choice.click();
        wait.until(d -> "pl".equals(htmlLang()));
        settle();
        waitForText("Wyjdź z tej strony");

        Cookie cookie = driver.manage().getCookieNamed("village-language");
        assertThat(cookie.getValue()).isEqualTo("pl");
        assertThat(cookie.getSameSite()).isEqualTo("Lax");

        // a deep page opened directly, then reloaded: still Polish, and the guide is its Polish version
        open("guides/who-sees-what");
        driver.navigate().refresh();
        settle();
        waitForText("Kto co widzi w Village");
        assertThat(htmlLang()).isEqualTo("pl");
        assertThat(waitFor(By.id("language-choice")).getText()).isEqualTo("English");

        // signing in: the account takes the choice, and brings it to a browser that never chose
        signIn(ACCOUNT, "blue-river-stones");
        wait.until(d -> "pl".equals(jdbc.sql("SELECT language FROM user_account WHERE username = ?").param(ACCOUNT)
                .query(String.class).optional().orElse(null)));
        driver.manage().deleteAllCookies();
        signIn(ACCOUNT, "blue-river-stones");
        open("guides");
        wait.until(d -> "pl".equals(htmlLang()));
        waitForText("Poradniki");

        // and back to English, the same way
        waitFor(By.id("language-choice")).click();
        wait.until(d -> "en".equals(htmlLang()));
        settle();
        waitForText("Exit this page");
    }

    private String htmlLang() {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.documentElement.lang");
    }
}
