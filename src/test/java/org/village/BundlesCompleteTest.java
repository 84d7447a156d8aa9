package org.village;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The interface bundles (decision 065): English (the default file and {@code _en}) and Polish hold exactly the same
 * keys with the same {0} placeholders, and every key the code asks for is in them.
 */
class BundlesCompleteTest {

    static Properties bundle(String name) throws IOException {
        var p = new Properties();
        try (var in = BundlesCompleteTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static TreeMap<String, String> sources() throws IOException {
        var files = new TreeMap<String, String>();
        try (Stream<Path> walk = Files.walk(Path.of("src/main/java"))) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                files.put(f.toString(), Files.readString(f));
            }
        }
        return files;
    }

    @Test
    void englishAndPolishHaveTheSameKeys() throws IOException {
        var english = bundle("translations.properties");
        var polish = bundle("translations_pl.properties");
        assertThat(english).hasSizeGreaterThan(150);
        assertThat(bundle("translations_en.properties")).as("translations_en is the same as the default bundle")
                .isEqualTo(english);
        assertThat(polish.keySet()).as("keys in English, missing from Polish").containsAll(english.keySet());
        assertThat(english.keySet()).as("keys in Polish, missing from English").containsAll(polish.keySet());
        for (var key : english.stringPropertyNames()) {
            assertThat(placeholders(polish.getProperty(key))).as("placeholders of " + key)
                    .isEqualTo(placeholders(english.getProperty(key)));
            assertThat(polish.getProperty(key)).as("Polish for " + key).isNotBlank();
        }
    }

    @Test
    void thePolishBundleSaysItNeedsReview() throws IOException {
        var first = Files.readAllLines(Path.of("src/main/resources/vaadin-i18n/translations_pl.properties")).getFirst();
        assertThat(first).isEqualTo("# Polish text needs review by a native speaker before release.");
    }

    @Test
    void everyKeyTheCodeAsksForIsInTheBundles() throws IOException {
        var english = bundle("translations.properties").stringPropertyNames();
        // keys are "prefix.rest"; a string shaped like a key with a prefix the bundles use, in a statement that asks
        // for a translation (getTranslation, or the layout's list(...) and way(...) helpers that do), is one
        Set<String> prefixes = english.stream().map(k -> k.substring(0, k.indexOf('.'))).collect(Collectors.toSet());
        var keyLiteral = Pattern.compile("\"((" + String.join("|", prefixes) + ")\\.[A-Za-z0-9.-]*[A-Za-z0-9])\"");
        var asking = Pattern.compile("getTranslation\\(|\\blist\\(\"|\\bway\\(\"");
        var menuTitle = Pattern.compile("@Menu\\([^)]*title\\s*=\\s*\"([^\"]+)\"");
        var way = Pattern.compile("way\\(\"[^\"]*\",\\s*\"([a-z]+\\.[A-Za-z]+)\"\\)");
        var asked = new TreeSet<String>();
        var missing = new TreeSet<String>();
        for (var file : sources().entrySet()) {
            String code = file.getValue();
            Matcher ask = asking.matcher(code);
            while (ask.find()) {
                int end = code.indexOf(';', ask.start());
                Matcher literal = keyLiteral.matcher(code.substring(ask.start(), end < 0 ? code.length() : end));
                while (literal.find()) {
                    asked.add(literal.group(1));
                }
            }
            Matcher m = menuTitle.matcher(code);
            while (m.find()) {
                asked.add(org.village.layout.LayoutKeys.menuKey(m.group(1)));
            }
            m = way.matcher(code);
            while (m.find()) {
                asked.add(m.group(1) + ".text");
            }
        }
        org.village.layout.LayoutKeys.staffTitles().forEach(t -> asked.add(org.village.layout.LayoutKeys.menuKey(t)));
        for (var key : asked) {
            if (!english.contains(key)) {
                missing.add(key);
            }
        }
        assertThat(asked).as("the scan found the keys in use").contains("layout.skip.main", "menu.home",
                "home.helpNow.text", "login.wait.one", "guides.title", "menu.children-s-teams");
        assertThat(missing).as("keys the code asks for that no bundle has").isEmpty();
    }

    private static Set<String> placeholders(String text) {
        var found = new TreeSet<String>();
        var m = Pattern.compile("\\{\\d+}").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
