package org.village.guides;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.village.helpnow.HelpLineTopics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which needs in the service directory a guide is about, so its page can show "Services that can help".
 * Read once from {@code db/seed/guide-needs.json}: a guide's own list when it has one, else its category's.
 * Held in memory, so asking costs nothing on a page view.
 */
@Component
public class GuideNeeds implements HelpLineTopics {

    static final String FILE = "db/seed/guide-needs.json";

    private final Map<String, List<String>> byCategory = new HashMap<>();
    private final Map<String, List<String>> byGuide = new HashMap<>();
    private final Map<String, List<String>> byHelpLine = new HashMap<>();

    GuideNeeds() {
        JsonNode root;
        try (var in = new ClassPathResource(FILE).getInputStream()) {
            root = JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        read(root.path("categories"), byCategory);
        read(root.path("guides"), byGuide);
        read(root.path("helpLines"), byHelpLine);
    }

    /**
     * Need codes a help-now line is for, by its key ("contact:childline", "service:emergency-duty-team"); a
     * directory service without its own entry uses the contact with the same slug. Empty when not known.
     */
    @Override
    public List<String> needsOf(String lineKey) {
        var own = byHelpLine.get(lineKey);
        if (own == null && lineKey.startsWith("service:")) {
            own = byHelpLine.get("contact:" + lineKey.substring("service:".length()));
        }
        return own == null ? List.of() : own;
    }

    private static void read(JsonNode node, Map<String, List<String>> into) {
        for (var entry : node.properties()) {
            into.put(entry.getKey(), entry.getValue().valueStream().map(JsonNode::asString).toList());
        }
    }

    /** Need codes for this guide; empty when the guide should not point to services. */
    public List<String> needsFor(String guideSlug, String categoryCode) {
        var own = byGuide.get(guideSlug);
        return own != null ? own : byCategory.getOrDefault(categoryCode, List.of());
    }
}
