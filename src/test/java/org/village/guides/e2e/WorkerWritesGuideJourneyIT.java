package org.village.guides.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.village.e2e.BrowserJourney;

/** A family support worker writes a guide, is warned about blaming words, and publishes after confirming. */
class WorkerWritesGuideJourneyIT extends BrowserJourney {

    @Test
    void aWorkerWritingABlamingPhraseSeesTheCheckAndMustConfirmToPublish() {
        signIn("worker.sam", "green-kettle-morning");
        open("staff/guides/new");
        type("Title", "When your child stays out late");
        type("Web address", "stays-out-late-journey");
        type("One-line summary", "What to do when your child does not come home on time.");
        var editor = new GuidePages.Editor(driver, wait);
        editor.chooseCategory("Looking after yourself");
        type("Guide text (Markdown)", "Some people say a child is putting themselves at risk. Call the MASH.");
        wait.until(d -> editor.checkText().contains("can blame a child or a parent"));
        assertThat(editor.checkText()).contains("\"putting themselves at risk\"");

        GuidePages.pressButton(driver, wait, "Save draft");
        settle();
        waitForText("Draft saved");
        GuidePages.pressButton(driver, wait, "Publish");
        settle();
        waitForText("Publish with problems?");
        GuidePages.pressButton(driver, wait, "Publish anyway");
        settle();
        waitForText("Published. Parents can read this guide now.");

        signOut();
        open("guides/stays-out-late-journey");
        waitForText("When your child stays out late");
        assertAccessible();
    }
}
