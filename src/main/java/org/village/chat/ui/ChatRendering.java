package org.village.chat.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.village.content.ContentPolicy;
import org.village.content.ContentRenderer;
import org.village.content.GlossaryMarker;
import org.village.guides.GlossaryTermChanged;
import org.village.guides.GuideService;
import org.village.shared.InputProblem;

/**
 * A message's words as safe HTML: Markdown under content's chat message policy (emphasis and links only, links only to
 * http, https, mailto and tel), then glossary terms explained in place, as the forum does for posts. The glossary
 * marker is built once and again after a term changes (or every five minutes).
 */
@Component
class ChatRendering {

    private final GuideService guides;
    private final Clock clock;
    private volatile GlossaryMarker marker;
    private volatile Instant markerAt = Instant.EPOCH;

    ChatRendering(GuideService guides, Clock clock) {
        this.guides = guides;
        this.clock = clock;
    }

    String html(String markdown, String idPrefix) {
        String safe;
        try {
            safe = ContentRenderer.html(markdown == null ? "" : markdown, ContentPolicy.CHAT_MESSAGE);
        } catch (InputProblem stored) {
            // stored before a policy change: shown as plain text rather than not at all
            safe = org.jsoup.nodes.Entities.escape(markdown == null ? "" : markdown);
        }
        try {
            return glossary().mark(safe, idPrefix);
        } catch (RuntimeException noGlossary) {
            return safe;
        }
    }

    private GlossaryMarker glossary() {
        GlossaryMarker m = marker;
        Instant now = clock.instant();
        if (m == null || now.isAfter(markerAt.plus(Duration.ofMinutes(5)))) {
            m = new GlossaryMarker(guides.glossary());
            marker = m;
            markerAt = now;
        }
        return m;
    }

    @EventListener
    void glossaryChanged(GlossaryTermChanged changed) {
        marker = null;
    }
}
