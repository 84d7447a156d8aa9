package org.village.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Today page's parts share one frame (shared.ui.TodayPart): each has its id {@code today-<name>}, the class
 * {@code today-section} (spacing and 24 px link targets) and a heading first; a worker (who moderates and runs
 * sessions) sees the urgent items, the queue, the rota, the reports and their sessions; a parent cannot open it.
 */
@SpringBootTest(properties = "village.db.embedded.folder=")
@ActiveProfiles("demo")
class TodayPartsTest extends SpringBrowserlessTest {

    private List<Component> parts() {
        var view = navigate(TodayView.class);
        var holder = view.getChildren().filter(c -> c.getClassNames().contains("today-parts")).findFirst().orElseThrow();
        return holder.getChildren().toList();
    }

    @Test
    @WithUserDetails("worker.sam")
    void everyPartHasItsIdTheSharedClassAndAHeadingFirst() {
        var parts = parts();
        assertThat(parts).extracting(c -> c.getId().orElse(""))
                .contains("today-urgent", "today-queue", "today-rota", "today-reports", "today-booking")
                .containsSubsequence("today-urgent", "today-queue", "today-rota", "today-reports", "today-booking");
        for (var part : parts) {
            String id = part.getId().orElseThrow();
            assertThat(part.getClassNames()).as(id).contains("today-section", id);
            var first = part.getChildren().findFirst().orElseThrow();
            assertThat(first).as(id).isInstanceOf(H2.class);
            assertThat(((H2) first).getText()).as(id).isNotBlank().doesNotContain("!{", "today.", "bookingtoday.");
        }
    }

    @Test
    @WithUserDetails("parent.a")
    void aParentCannotOpenIt() {
        navigate("today", NotAllowedView.class);
        assertThat($(H2.class).all()).extracting(H2::getId).noneMatch(id -> id.orElse("").startsWith("today-"));
    }
}
