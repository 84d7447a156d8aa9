package org.village.guides.e2e;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page objects for the guides pages: what a parent or worker sees and does, not how it is built. */
final class GuidePages {

    private GuidePages() {
    }

    /** Opens a guide from a list by its title (the link also holds the summary). */
    static void openGuide(WebDriver driver, WebDriverWait waiter, String title) {
        press(driver, waiter, By.xpath("//a[contains(@class,'guide-link')][./span[normalize-space(.)=\"" + title + "\"]]"));
    }

    /** Presses a button by its text, scrolled into the middle of the window first (the page scrolls inside the layout). */
    static void pressButton(WebDriver driver, WebDriverWait waiter, String text) {
        press(driver, waiter, By.xpath("//vaadin-button[normalize-space(.)=\"" + text + "\"]"));
    }

    static void press(WebDriver driver, WebDriverWait waiter, By by) {
        var element = waiter.until(ExpectedConditions.presenceOfElementLocated(by));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        waiter.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /** A guide or pathway page. */
    record Guide(WebDriver driver, WebDriverWait waiter) {

        List<WebElement> steps() {
            return driver.findElements(By.cssSelector(".guide-body li.step"));
        }

        /** Taps the first explained word; returns the explanation the reader sees. */
        WebElement openFirstTerm() {
            press(driver, waiter, By.cssSelector(".guide-body button.term"));
            return waiter.until(d -> d.findElements(By.cssSelector(".term-popover")).stream()
                    .filter(p -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                            "return arguments[0].matches(':popover-open')", p)))
                    .findFirst().orElse(null));
        }

        boolean anyTermOpen() {
            return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                    "return document.querySelector('.term-popover:popover-open') !== null"));
        }

        void closeTermWithEscape() {
            driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
            waiter.until(d -> !anyTermOpen());
        }
    }

    /** The search box on the guides pages. */
    record Search(WebDriver driver, WebDriverWait waiter) {

        void searchFor(String words) {
            var input = waiter.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("vaadin-text-field.search-field input")));
            input.sendKeys(words, Keys.ENTER);
            waiter.until(d -> d.getCurrentUrl().contains("guides/search"));
        }

        List<String> resultTitles() {
            return driver.findElements(By.cssSelector(".results .result a")).stream().map(WebElement::getText).toList();
        }
    }

    /** The worker's guide editor. */
    record Editor(WebDriver driver, WebDriverWait waiter) {

        void chooseCategory(String name) {
            driver.findElement(By.xpath("//vaadin-select[./label[normalize-space(.)='Category']]")).click();
            waiter.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//vaadin-select-item[normalize-space(.)=\"" + name + "\"]"))).click();
        }

        String checkText() {
            // textContent: the panel may sit beside the editor, outside the visible part of the window
            return String.valueOf(((JavascriptExecutor) driver).executeScript(
                    "const p = document.querySelector('.check-panel'); return p ? p.textContent : ''"));
        }
    }
}
