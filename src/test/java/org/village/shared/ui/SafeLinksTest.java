package org.village.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.village.e2e.Hostile;

class SafeLinksTest {

    @Test
    void onlyHttpAndHttpsWebAddressesBecomeLinks() {
        assertThat(SafeLinks.webAddress(" https://www.example.org/help ")).contains("https://www.example.org/help");
        assertThat(SafeLinks.webAddress("HTTP://example.org")).contains("HTTP://example.org");
        for (String bad : new String[] {Hostile.JAVASCRIPT_URL, "JavaScript:window.__pwned=1", " javascript:x",
                "java\tscript:x", "data:text/html,<script>window.__pwned=1</script>", "vbscript:x", "//evil.example",
                "https://", "https:///path", "example.org", Hostile.SCRIPT_END, Hostile.ATTRIBUTE, "", null}) {
            assertThat(SafeLinks.webAddress(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void emailAndPhoneLinksOnlyForPlainAddressesAndNumbers() {
        assertThat(SafeLinks.mailto("help@example.org")).contains("mailto:help@example.org");
        assertThat(SafeLinks.mailto(Hostile.SCRIPT_END + "@example.org")).isEmpty();
        assertThat(SafeLinks.mailto("a@b.org?subject=x")).isEmpty();
        assertThat(SafeLinks.tel("0117 922 2000")).contains("tel:01179222000");
        assertThat(SafeLinks.tel("+44 (0)117 922-2000")).contains("tel:+4401179222000");
        for (String bad : Hostile.ALL) {
            assertThat(SafeLinks.tel(bad)).as(bad).isEmpty();
            assertThat(SafeLinks.mailto(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void unsafeAddressesAreShownAsTextNotAsLinks() {
        assertThat(SafeLinks.linkOrText(Optional.empty(), Hostile.SCRIPT_END)).isInstanceOf(Span.class)
                .extracting(c -> ((Span) c).getText()).isEqualTo(Hostile.SCRIPT_END);
        assertThat(SafeLinks.linkOrText(SafeLinks.tel("101"), "101")).isInstanceOf(Anchor.class)
                .extracting(c -> ((Anchor) c).getHref()).isEqualTo("tel:101");
    }
}
