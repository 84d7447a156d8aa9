package org.village.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.village.notification.internal.MailSettings;

class LinksAndWaitsTest {

    @Test
    void onlyRelativePortalPathsAreLinks() {
        assertThat(Links.isPortalPath("/team")).isTrue();
        assertThat(Links.isPortalPath("/notifications")).isTrue();
        assertThat(Links.isPortalPath("/guides/search?q=school&x=1")).isTrue();
        assertThat(Links.isPortalPath("/")).isTrue();
        for (String bad : new String[] {null, "", "team", "https://evil.example", "//evil.example", "/\\evil.example",
                "javascript:alert(1)", "/x y", "/../admin", "/a//b", "/\u202Eevil", "/" + "a".repeat(300),
                "/x\"onmouseover=alert(1)", "/x<script>"}) {
            assertThat(Links.isPortalPath(bad)).as(String.valueOf(bad)).isFalse();
        }
    }

    @Test
    void waitsBetweenRetriesDoubleUpToTheLongest() {
        var s = new MailSettings("", 25, null, null, "v@x", "Village", null, "http://x", Duration.ofSeconds(60),
                Duration.ofMinutes(1), Duration.ofMinutes(10), 12);
        assertThat(s.waitAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.waitAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.waitAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(s.waitAfter(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(s.waitAfter(5)).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.waitAfter(50)).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.external()).isFalse();
    }
}
