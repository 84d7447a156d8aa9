package org.village.helpnow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.village.IntegrationTest;
import org.village.TestUsers;
import org.village.helpnow.HelpContacts.ContactEdit;
import org.village.shared.InputProblem;
import org.village.shared.Times;

/** Issue 9 item 2: what an admin changes in a help-now line is what the help box on every page shows next. */
class HelpContactsIT extends IntegrationTest {

    @Autowired
    HelpContacts contacts;
    @Autowired
    HelpNowService helpNow;
    @Autowired
    TestUsers users;
    @Autowired
    java.time.Clock clock;

    private ContactEdit before;

    private ContactEdit line(String phone) {
        return contacts.forEditing().stream().filter(c -> c.phone().equals(phone)).findFirst().orElseThrow();
    }

    @AfterEach
    void putTheLineBack() {
        if (before != null) {
            users.as("admin");
            var now = line(before.phone());
            contacts.save(new ContactEdit(now.id(), now.version(), before.name(), before.description(), before.phone(),
                    before.url(), before.alwaysOpen(), before.outOfHours(), before.hours()));
        }
        users.anonymous();
    }

    private static String text(HelpNowBox box) {
        return box.getElement().getTextRecursively();
    }

    @Test
    void anEditedLineShowsInTheHelpBoxStraightAway() {
        // the box shows the first lines open now, so which ones depends on the hour: edit the first one shown
        String shown = helpNow.panel(HelpNowService.BOX_LINES).getFirst().phone();
        users.as("admin");
        before = line(shown);
        String name = "Edited line " + UUID.randomUUID().toString().substring(0, 8);
        contacts.save(new ContactEdit(before.id(), before.version(), name, before.description(), before.phone(),
                before.url(), before.alwaysOpen(), before.outOfHours(), before.hours()));
        users.anonymous();
        String box = text(helpNow.box());
        assertThat(box).contains(name + ": " + shown).doesNotContain(before.name() + ": " + shown);
        assertThat(box.indexOf("999")).isLessThan(box.indexOf(name));
    }

    @Test
    void aLineClosedTodayLeavesTheBoxAndComesBackWithItsHours() {
        users.as("admin");
        before = line("116 123");
        LocalDate today = clock.instant().atZone(Times.ZONE).toLocalDate();
        // today closed all day; the weekly hours say every day, all day
        contacts.save(new ContactEdit(before.id(), before.version(), before.name(), before.description(), before.phone(),
                before.url(), false, before.outOfHours(), "Mon-Sun 00:00-23:59\n" + today + " closed Staff training\n"
                + today.minusDays(1) + " closed Staff training"));
        var saved = line("116 123");
        assertThat(saved.hours()).contains(today + " closed Staff training");
        users.anonymous();
        assertThat(text(helpNow.box())).doesNotContain("116 123");
        assertThat(helpNow.now().stream().filter(e -> e.line().phone().equals("116 123")).findFirst().orElseThrow()
                .openNow()).isFalse();
    }

    @Test
    void hoursItCannotReadAreRefusedKindlyAndTheLineIsUnchanged() {
        users.as("admin");
        before = line("116 123");
        assertThatThrownBy(() -> contacts.save(new ContactEdit(before.id(), before.version(), before.name(),
                before.description(), before.phone(), before.url(), false, before.outOfHours(), "2026-13-45 closed")))
                .isInstanceOf(InputProblem.class).hasMessageContaining("2026-13-45");
        assertThat(line("116 123").version()).isEqualTo(before.version());
        before = null;
    }
}
