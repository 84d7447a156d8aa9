package org.village.forum;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What counts as a link for a new member (decision 079), and what does not. */
class LinksTest {

    @ParameterizedTest
    @ValueSource(strings = {"see [this](https://example.com)", "![x](http://a.b/c.png)", "go to https://example.org/page",
            "<http://example.com>", "www.example.co.uk", "try cheap-pills.com today", "Visit Example.ORG", "[1]: http://x.y",
            "javascript:alert(1) [x](javascript:alert(1))", "ftp://files.example.net", "link.pl"})
    void theseAreLinks(String text) {
        assertThat(Links.in(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"I'll ring at 10:30", "It cost £12.50.", "He was born in 2009.", "e.g. the council", "Scunthorpe",
            "Write to jo@example.com", "the end.Then we left", "[not a link] (just brackets)", "Mr. Smith said no", "a.m. or p.m."})
    void theseAreNot(String text) {
        assertThat(Links.in(text)).as(text).isFalse();
    }
}
