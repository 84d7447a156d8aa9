package org.village.guides;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GlossaryMarkerTest {

    private final GlossaryMarker marker = new GlossaryMarker(List.of(
            new GlossaryTerm(1, "MASH", "Multi-Agency Safeguarding Hub.", "They share what they know.", List.of(), 0),
            new GlossaryTerm(2, "strategy meeting", "A meeting of workers.", "", List.of(), 0),
            new GlossaryTerm(3, "child protection conference", "A big meeting.", "", List.of(), 0),
            new GlossaryTerm(4, "child in need", "A child who needs help.", "", List.of("CIN"), 0)));

    @Test
    void marksTheFirstUseOfATermWithAPopoverThatExplainsIt() {
        String html = marker.mark("<p>The MASH decides. Then the MASH tells you.</p>", "t");
        assertThat(html).containsOnlyOnce("<button").contains("popovertarget=\"t-1\"")
                .contains("id=\"t-1\" popover").contains("Multi-Agency Safeguarding Hub.")
                .contains("What it means for you: They share what they know.");
    }

    @Test
    void capitalTermsDoNotMatchOrdinaryWords() {
        assertThat(marker.mark("<p>Mash the potatoes.</p>", "t")).doesNotContain("<button");
    }

    @Test
    void longestTermWinsAndPluralsCount() {
        String html = marker.mark("<p>Two strategy meetings and a child protection conference.</p>", "t");
        assertThat(html).contains(">strategy meetings</button>").contains(">child protection conference</button>");
    }

    @Test
    void linksHeadingsAndCodeAreLeftAlone() {
        String html = marker.mark("<h2>MASH</h2><p><a href=\"/x\">MASH</a> and <code>MASH</code></p>", "t");
        assertThat(html).doesNotContain("<button");
    }

    @Test
    void textStaysEscaped() {
        String html = marker.mark("<p>&lt;b&gt; child in need &amp; more</p>", "t");
        assertThat(html).startsWith("<p>&lt;b&gt; <button").contains("</span> &amp; more</p>");
    }

    @Test
    void apostrophesStayInsideAWord() {
        var marker = new GlossaryMarker(List.of(new GlossaryTerm(9, "Victims' Code", "Your rights.", "", List.of(), 0),
                new GlossaryTerm(10, "child", "A young person.", "", List.of(), 0)));
        assertThat(marker.mark("<p>The child&#39;s worker.</p>", "t")).doesNotContain("<button");
    }
}
