package org.village.forum.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.village.forum.ForumService;
import org.village.shared.Roles;

/** The forum's front page: who can read it, search, and the categories with how many topics and posts each has. */
@Route("forum")
@PageTitle("Forum | Village")
@Menu(order = 25, title = "Forum")
@RolesAllowed({Roles.PARENT, Roles.PEER_SUPPORTER, Roles.WORKER, Roles.ADMIN})
class ForumView extends Div implements BeforeEnterObserver {

    private final ForumService forum;

    ForumView(ForumService forum) {
        this.forum = forum;
        addClassName("page");
        addClassName("forum");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        var start = new RouterLink(getTranslation("forum.newTopic"), NewTopicView.class);
        start.addClassName("button-link");
        start.setId("forum-new-topic");
        add(new H1(getTranslation("forum.title")), new Paragraph(getTranslation("forum.intro")), ForumUi.whoCanRead(this),
                ForumUi.searchBox(this, ""), start, new H2(getTranslation("forum.categories")));
        var list = new UnorderedList();
        list.addClassName("forum-categories");
        for (var c : forum.categories()) {
            var link = new RouterLink(c.name(), CategoryView.class, new RouteParameters("id", Long.toString(c.id())));
            link.addClassName("forum-category-link");
            var counts = new Span(getTranslation("forum.counts", c.topics(), c.posts()));
            counts.addClassName("forum-counts");
            list.add(new ListItem(link, new Paragraph(c.description()), counts));
        }
        add(list);
        if (forum.canModerate()) {
            add(waitingForModerators());
        }
    }

    /** Moderators see the posts waiting for them, oldest first, each a link to the post in its topic. */
    private Div waitingForModerators() {
        var waiting = forum.waitingForModerator(20);
        var box = new Div();
        box.setId("forum-waiting");
        box.addClassName("forum-waiting-list");
        box.add(new H2(getTranslation("forum.waitingTitle", waiting.total())));
        if (waiting.first().isEmpty()) {
            box.add(new Paragraph(getTranslation("forum.waitingNone")));
            return box;
        }
        var list = new UnorderedList();
        for (var w : waiting.first()) {
            var link = new RouterLink(w.topicTitle(), TopicView.class, new RouteParameters("id", Long.toString(w.topicId())));
            link.setQueryParameters(com.vaadin.flow.router.QueryParameters.of("post", Long.toString(w.postId())));
            link.addClassName("forum-waiting-link");
            list.add(new ListItem(link, new Span(" " + getTranslation("forum.waitingBy", w.authorName(),
                    ForumUi.when(this, w.createdAt())))));
        }
        box.add(list);
        return box;
    }
}
