package org.village.guides.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TranslationsTest {

    private static Properties load(String name) throws IOException {
        var p = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyTextTheGuidesPagesAskForHasAnEnglishTranslation() throws IOException {
        var keys = new HashSet<String>();
        var call = Pattern.compile("getTranslation\\(\"([a-zA-Z.]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/village/guides/ui"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                var m = call.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        assertThat(keys).hasSizeGreaterThan(30);
        Set<Object> english = load("translations.properties").keySet();
        assertThat(english).containsAll(keys);
        assertThat(load("translations_en.properties").keySet()).isEqualTo(english);
    }

    @Test
    void polishIsStartedAndHasNoKeysEnglishLacks() throws IOException {
        var polish = load("translations_pl.properties");
        assertThat(polish).hasSizeGreaterThanOrEqualTo(20);
        assertThat(load("translations.properties").keySet()).containsAll(polish.keySet());
        assertThat(polish.getProperty("guides.title")).isEqualTo("Poradniki");
    }
}
