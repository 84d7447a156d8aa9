package org.village;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Views already converted to the bundles (decision 065) hand no literal English to the screen: not to a component's
 * constructor, nor to setText/setLabel/setPlaceholder/setHelperText/setAriaLabel/setTitle and the sign-in form's
 * setters, nor to Notification.show, nor to aria-label/title/placeholder attributes. A source scan, listing
 * explicitly what has been converted; extend {@link #CONVERTED} as more packages move over.
 */
class NoLiteralTextInViewsTest {

    /** Whole packages (every .java file directly in them) and single files converted so far. */
    static final List<String> CONVERTED = Stream.of(List.of(
            "src/main/java/org/village/layout",
            "src/main/java/org/village/helpnow/ui",
            "src/main/java/org/village/helpnow/HelpNowBox.java",
            "src/main/java/org/village/security/ui/LoginView.java",
            "src/main/java/org/village/guides/ui/GuidesView.java",
            "src/main/java/org/village/guides/ui/GuideView.java",
            "src/main/java/org/village/guides/ui/GuideNotFoundView.java",
            "src/main/java/org/village/guides/ui/SearchView.java",
            "src/main/java/org/village/guides/ui/GlossaryView.java",
            "src/main/java/org/village/guides/ui/GuideUi.java"),
            // directory views (i18n-A adds here)
            List.<String>of("src/main/java/org/village/directory/ui"),
            //
            //
            // guides editing, accounts, families (i18n-B adds here)
            List.<String>of("src/main/java/org/village/security/ui", "src/main/java/org/village/families/ui",
                    "src/main/java/org/village/guides/ui"),
            //
            //
            // notification and moderation views (add here)
            List.<String>of("src/main/java/org/village/moderation/ui", "src/main/java/org/village/notification/ui",
                    "src/main/java/org/village/notification/NotificationBell.java"),
            // forum views
            List.<String>of("src/main/java/org/village/forum/ui"),
            //
            //
            // forum safety (F adds here)
            List.<String>of(),
            //
            //
            // moderation queue (M adds here)
            List.<String>of(),
            //
            //
            // duty rota and today (D adds here)
            List.<String>of("src/main/java/org/village/layout/TodayView.java"),
            //
            //
            // booking core (B1 adds here)
            List.<String>of("src/main/java/org/village/booking/ui/SessionsView.java",
                    "src/main/java/org/village/booking/ui/MySessionsView.java"),
            //
            //
            // booking screens (B2 adds here)
            List.<String>of("src/main/java/org/village/booking/ui/CalendarView.java",
                    "src/main/java/org/village/booking/ui/AvailabilityView.java",
                    "src/main/java/org/village/booking/ui/SessionTypesView.java",
                    "src/main/java/org/village/booking/ui/CalendarBookings.java",
                    "src/main/java/org/village/booking/ui/BookingToday.java"),
            //
            //
            // chat core (C1 adds here)
            List.<String>of(),
            //
            //
            // chat views (C2 adds here)
            List.<String>of("src/main/java/org/village/chat/ui"),
            //
            //
            // chat on several nodes (C3 adds here)
            List.<String>of(),
            //
            //
            // forum and moderation polish (P10 adds here)
            List.<String>of(),
            //
            //
            // booking polish (P13 adds here)
            List.<String>of())
            .flatMap(List::stream).toList();

    /** Names and numbers that are the same in every language. */
    static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("Village", "999", "English", "Polski");

    private static final Pattern SHOWN = Pattern.compile(
            "(new (?:H[1-6]|Paragraph|Span|Button|Anchor|RouterLink|ListItem|NativeLabel|Details|Tab|SideNavItem"
                    + "|TextField|TextArea|PasswordField|EmailField|IntegerField|ComboBox|Select|Checkbox|DatePicker"
                    + "|Upload|ConfirmDialog|Dialog|Notification)\\("
                    + "|\\.set(?:Text|Label|Placeholder|HelperText|AriaLabel|Title|Submit|Username|Password|ErrorMessage"
                    + "|ConfirmText|CancelText)\\("
                    + "|Notification\\.show\\("
                    + "|setAttribute\\(\"(?:aria-label|title|placeholder)\",)");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** English-looking: a capital then small letters, or two words. Addresses, keys and class names are not. */
    private static final Pattern WORDS = Pattern.compile("^[^/:#]*(?:[A-Z][a-z]+|[A-Za-z]+ [A-Za-z]+)[^/]*$");

    /** The literal text shown on screen in this Java source, with the code around each. */
    static List<String> literalText(String code) {
        String text = code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
        var found = new ArrayList<String>();
        var shown = SHOWN.matcher(text);
        while (shown.find()) {
            int end = text.indexOf(';', shown.end());
            String call = text.substring(shown.start(), end < 0 ? text.length() : end);
            var literal = LITERAL.matcher(call);
            while (literal.find()) {
                String s = literal.group(1);
                if (WORDS.matcher(s).find() && !SAME_IN_EVERY_LANGUAGE.contains(s) && !s.matches("[a-z]+(\\.[A-Za-z0-9-]+)+")) {
                    found.add(s + "   in: " + call.lines().findFirst().orElse("").strip());
                }
            }
        }
        return found;
    }

    @Test
    void theScanSeesLiteralEnglish() {
        assertThat(literalText("var b = new Button(\"Save\", e -> save());")).hasSize(1);
        assertThat(literalText("field.setLabel(\"Your name\");")).hasSize(1);
        assertThat(literalText("Notification.show(\"Saved\n\");")).hasSize(1);
        assertThat(literalText("add(new Paragraph(\"It is not your fault, \"\n + \"and you are not alone.\"));")).hasSize(2);
        assertThat(literalText("var b = new Button(getTranslation(\"form.save\"));")).isEmpty();
        assertThat(literalText("var a = new Anchor(\"tel:999\", \"999\");")).isEmpty();
        assertThat(literalText("var a = new Anchor(\"services/\" + slug, name);")).isEmpty();
    }

    @Test
    void convertedViewsHaveNoLiteralEnglish() throws IOException {
        var problems = new ArrayList<String>();
        int files = 0;
        for (String place : CONVERTED) {
            Path path = Path.of(place);
            List<Path> sources;
            if (Files.isDirectory(path)) {
                try (Stream<Path> list = Files.list(path)) {
                    sources = list.filter(p -> p.toString().endsWith(".java")).toList();
                }
            } else {
                sources = List.of(path);
            }
            assertThat(sources).as(place + " exists").isNotEmpty();
            for (Path source : sources) {
                files++;
                literalText(Files.readString(source)).forEach(p -> problems.add(source + ": " + p));
            }
        }
        assertThat(files).isGreaterThan(10);
        assertThat(problems).as("literal English in converted views: put it in the bundles").isEmpty();
    }
}
