package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.village.TestAccounts;

/**
 * An admin gives a family support worker a second role with tick boxes (decision 064). The change is kept (the
 * address opened directly and reloaded shows it), written in the audit log, and ends the worker's sessions.
 */
class RolesJourneyIT extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminTicksASecondRoleForAWorker() {
        long id = TestAccounts.copy(jdbc, "worker.sam", "roles.journey", "Riley (roles journey)", "WORKER");
        long stampBefore = stamp(id);

        phoneSize(); // the staff list shows a card per person: their roles read as one line
        signIn("admin", "quiet-harbour-lamp");
        open("admin/staff");
        waitForText("Riley (roles journey)");
        var change = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-button[@aria-label=\"Change roles: Riley (roles journey)\"]")));
        DirectoryPages.reveal(this, change).click();
        settle();
        waitForText("Roles for Riley (roles journey)");
        var worker = checkbox("Family support worker");
        assertThat(worker.getAttribute("checked")).as("the role held now is ticked").isNotNull();
        assertThat(checkbox("Peer supporter").getAttribute("checked")).isNull();
        checkbox("Peer supporter").click();
        click("Save roles");
        waitForText("Roles changed for Riley (roles journey).");
        wait.until(d -> cardText("Riley (roles journey)").contains("Roles: Peer supporter, Family support worker"));

        // opened directly, then reloaded: the second role is kept
        open("admin/staff");
        waitForText("Riley (roles journey)");
        driver.navigate().refresh();
        settle();
        waitForText("Riley (roles journey)");
        assertThat(cardText("Riley (roles journey)")).contains("Roles: Peer supporter, Family support worker");

        assertThat(jdbc.sql("SELECT role FROM account_role WHERE account_id = ? ORDER BY role").param(id)
                .query(String.class).list()).containsExactly("PEER_SUPPORTER", "WORKER");
        assertThat(stamp(id)).as("the worker's sessions ended on every device").isGreaterThan(stampBefore);
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE action = 'account.roles-changed' AND target = ?")
                .param("account:" + id).query(String.class).single()).isEqualTo("WORKER to PEER_SUPPORTER,WORKER");
    }

    private org.openqa.selenium.WebElement checkbox(String label) {
        return wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-checkbox[normalize-space(.)=\"" + label + "\"]")));
    }

    /** Everything the staff card with this title says. */
    private String cardText(String title) {
        return waitFor(By.xpath("//*[contains(@class,'grid-card-title')][normalize-space(.)=\"" + title + "\"]"))
                .findElement(By.xpath("..")).getText();
    }

    private long stamp(long id) {
        return jdbc.sql("SELECT security_stamp FROM user_account WHERE id = ?").param(id).query(Long.class).single();
    }
}
