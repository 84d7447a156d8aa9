package org.village.forum.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ForumTranslationsTest {

    private static Properties load(String name) throws IOException {
        var p = new Properties();
        try (InputStream in = ForumTranslationsTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyTextTheForumShowsOrExplainsHasEnglishAndPolishWords() throws IOException {
        var keys = new HashSet<String>();
        var call = Pattern.compile("(?:getTranslation|keyed)\\((?:\"[a-z]+\", )?\"(forum\\.[a-zA-Z.]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/village/forum"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                var m = call.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        keys.removeIf(k -> k.endsWith(".")); // built from a status name: both kinds are listed below
        keys.add("forum.status.hidden");
        keys.add("forum.status.deleted");
        assertThat(keys).hasSizeGreaterThan(50).contains("forum.problem.locked", "forum.whoCanRead");
        assertThat(load("translations.properties").keySet()).containsAll(keys);
        assertThat(load("translations_en.properties").keySet()).containsAll(keys);
        assertThat(load("translations_pl.properties").keySet()).containsAll(keys);
    }
}
