package org.village.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    private static final String GUIDE = """
            ---
            slug: child-missing
            title: If your child is missing
            related: [who-is-who, looking-after-yourself]
            ---
            # What to do

            Call **999** if you think your child is in danger.
            Then [ring the police](tel:101) on 101.

            - Write down <b>what</b> they wore
            - Keep your phone on
            """;

    @Test
    void frontMatterIsReadByTheExtension() {
        var meta = MarkdownText.frontMatter(GUIDE);
        assertThat(meta).containsEntry("slug", "child-missing").containsEntry("title", "If your child is missing")
                .containsKey("related");
        assertThat(meta.get("related")).contains("who-is-who", "looking-after-yourself");
        assertThat(MarkdownText.frontMatter("No front matter here.")).isEmpty();
    }

    @Test
    void strippingFrontMatterKeepsTheBodyAsWritten() {
        assertThat(MarkdownText.stripFrontMatter(GUIDE)).startsWith("# What to do\n\nCall **999**");
        assertThat(MarkdownText.stripFrontMatter("Just text.\n---\n")).isEqualTo("Just text.\n---\n");
    }

    @Test
    void plainTextKeepsWordsAndLineBreaksButNotMarkupOrLinkTargets() {
        String plain = MarkdownText.plain(GUIDE);
        assertThat(plain).startsWith("What to do\nCall 999 if you think")
                .contains("Then ring the police on 101.", "Write down what they wore", "Keep your phone on")
                .doesNotContain("slug", "**", "tel:", "<b>", "#", "](");
        assertThat(plain.lines()).contains("Keep your phone on");
    }
}
