package org.village.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GlossaryMarkerTest {

    /** A jargon-buster entry as any feature might keep one. */
    private record Term(long id, String term, String meaning, String forYou, List<String> alsoKnownAs, long version)
            implements GlossaryEntry {
        @Override
        public List<String> forms() {
            var forms = new java.util.ArrayList<String>(List.of(term));
            forms.addAll(alsoKnownAs);
            return forms;
        }
    }

    private final GlossaryMarker marker = new GlossaryMarker(List.of(
            new Term(1, "MASH", "Multi-Agency Safeguarding Hub.", "They share what they know.", List.of(), 0),
            new Term(2, "strategy meeting", "A meeting of workers.", "", List.of(), 0),
            new Term(3, "child protection conference", "A big meeting.", "", List.of(), 0),
            new Term(4, "child in need", "A child who needs help.", "", List.of("CIN"), 0)));

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
        var marker = new GlossaryMarker(List.of(new Term(9, "Victims' Code", "Your rights.", "", List.of(), 0),
                new Term(10, "child", "A young person.", "", List.of(), 0)));
        assertThat(marker.mark("<p>The child&#39;s worker.</p>", "t")).doesNotContain("<button");
    }

    @Test
    void onlyTextIsMarkedNeverAttributesOrNestedLinkText() {
        String html = marker.mark("<p><a href=\"https://example.org/MASH\" rel=\"noopener\"><em>the MASH</em></a> then MASH</p>", "t");
        assertThat(html).containsOnlyOnce("<button").contains("href=\"https://example.org/MASH\"")
                .contains("<em>the MASH</em></a> then <button");
    }

    @Test
    void eachTermIsMarkedOnceAcrossParagraphsAndIdsStayUnique() {
        String html = marker.mark("<p>The MASH.</p><ul><li>A strategy meeting.</li><li>The MASH again.</li></ul>", "g");
        assertThat(html).containsOnlyOnce("MASH</button>").containsOnlyOnce("strategy meeting</button>")
                .contains("popovertarget=\"g-1\"", "popovertarget=\"g-2\"");
    }
}
