package org.village.forum.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import org.village.forum.Forum.Saved;
import org.village.helpnow.HelpNowService;

/**
 * What the writer is told after posting when the filters spoke (decision 079): a live region, there from the start
 * so screen readers announce what appears in it. A held post says why in plain words and how to rewrite; an urgent
 * one says calmly that a worker is reading it now, with 999 first and the help lines open now.
 */
class WriterNotice extends Div {

    private final HelpNowService helpNow;

    WriterNotice(HelpNowService helpNow, String id) {
        this.helpNow = helpNow;
        setId(id);
        addClassName("forum-writer-notice");
        getElement().setAttribute("aria-live", "polite");
        getElement().setAttribute("aria-atomic", "true");
    }

    void clear() {
        removeAll();
        removeClassName("notice");
    }

    /** Shows what saving this post means for the writer; false when there is nothing to say beyond "thank you". */
    boolean show(Saved saved) {
        clear();
        var filters = saved.filters();
        if (saved.urgent()) {
            urgent(saved);
            return true;
        }
        if (saved.status() == org.village.forum.PostStatus.HELD && filters != null) {
            addClassName("notice");
            var list = new UnorderedList();
            for (String hint : filters.hints(getLocale())) {
                list.add(new ListItem(hint));
            }
            add(new H2(getTranslation("forum.safety.heldTitle")), new Paragraph(getTranslation("forum.safety.heldIntro")),
                    list, new Paragraph(getTranslation("forum.safety.heldChange")), seePost(saved));
            return true;
        }
        if (filters != null && filters.outcome() == org.village.moderation.Verdict.Outcome.FLAGGED) {
            add(new Paragraph(getTranslation("forum.safety.flagged")));
            return true;
        }
        return false;
    }

    private void urgent(Saved saved) {
        addClassName("notice");
        addClassName("forum-urgent");
        var danger = new Paragraph();
        danger.setId(getId().orElse("forum") + "-999");
        danger.add(new Span(getTranslation("forum.safety.urgent999") + " "), tel("999"), new Span("."));
        danger.addClassName("forum-urgent-999");
        add(new H2(getTranslation("forum.safety.urgentTitle")), danger,
                new Paragraph(getTranslation("forum.safety.urgentIntro")));
        var lines = new UnorderedList();
        try {
            // the lines open now, their hours in the reader's language; 999 is already above them
            helpNow.now(getLocale()).stream().filter(e -> !e.line().emergency() && e.openNow() && e.line().phone() != null)
                    .limit(4).forEach(e -> lines.add(new ListItem(new Span(e.line().name() + ": "), tel(e.line().phone()),
                            new Span(e.when() == null || e.when().isBlank() ? "" : " (" + e.when() + ")"))));
        } catch (RuntimeException unreadable) {
            // 999 is already shown above; the other lines are a help, not a condition
        }
        if (lines.getChildren().findAny().isPresent()) {
            add(new Paragraph(getTranslation("forum.safety.urgentLines")), lines);
        }
        add(new Paragraph(getTranslation("forum.safety.urgentHeld")), seePost(saved));
    }

    private RouterLink seePost(Saved saved) {
        var link = new RouterLink(getTranslation("forum.safety.seePost"), TopicView.class,
                new RouteParameters("id", Long.toString(saved.topicId())));
        link.setQueryParameters(TopicView.toPost(saved.postId()));
        return link;
    }

    private static Anchor tel(String number) {
        return new Anchor("tel:" + number.replace(" ", ""), number);
    }
}
