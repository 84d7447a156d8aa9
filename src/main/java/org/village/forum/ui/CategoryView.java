package org.village.forum.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.village.forum.Forum.TopicList;
import org.village.forum.ForumService;
import org.village.forum.PostStatus;
import org.village.shared.Roles;

/** A category's topics, newest activity first, twenty to a page, with new replies marked. */
@Route("forum/category/:id")
@PageTitle("Forum | Village")
@RolesAllowed({Roles.PARENT, Roles.PEER_SUPPORTER, Roles.WORKER, Roles.ADMIN})
class CategoryView extends Div implements BeforeEnterObserver {

    private final ForumService forum;

    CategoryView(ForumService forum) {
        this.forum = forum;
        addClassName("page");
        addClassName("forum");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long id = ForumPaths.number(event.getRouteParameters().get("id").orElse(""));
        int page = (int) Math.min(ForumPaths.number(event.getLocation().getQueryParameters().getSingleParameter("page").orElse("1")), 100_000);
        var list = id <= 0 ? java.util.Optional.<TopicList>empty() : forum.topics(id, page);
        if (list.isEmpty()) {
            ForumPaths.notFound(this);
            return;
        }
        show(list.get());
    }

    private void show(TopicList list) {
        var c = list.category();
        var back = new RouterLink(getTranslation("forum.back"), ForumView.class);
        var start = new RouterLink(getTranslation("forum.newTopic"), NewTopicView.class);
        start.setQueryParameters(QueryParameters.simple(Map.of("category", Long.toString(c.id()))));
        start.addClassName("button-link");
        start.setId("forum-new-topic");
        var follow = new Button(getTranslation(c.followed() ? "forum.unfollowCategory" : "forum.followCategory"));
        follow.getElement().setAttribute("aria-pressed", Boolean.toString(c.followed()));
        follow.addClickListener(e -> {
            forum.followCategory(c.id(), !c.followed());
            forum.topics(c.id(), list.page()).ifPresent(l -> {
                removeAll();
                show(l);
            });
        });
        add(back, new H1(c.name()), new Paragraph(c.description()), ForumUi.whoCanRead(this), new Div(start, follow));
        if (list.topics().isEmpty()) {
            add(new Paragraph(getTranslation("forum.noTopics")));
            return;
        }
        var topics = new UnorderedList();
        topics.addClassName("forum-topics");
        for (var t : list.topics()) {
            var item = new ListItem();
            item.addClassName("forum-topic");
            var link = new RouterLink(t.title(), TopicView.class, new RouteParameters("id", Long.toString(t.id())));
            item.add(link);
            if (t.unread()) {
                var mark = new Span(getTranslation("forum.unread"));
                mark.addClassName("forum-badge");
                mark.addClassName("unread");
                item.add(mark);
            }
            if (t.locked()) {
                var mark = new Span(getTranslation("forum.locked"));
                mark.addClassName("forum-badge");
                item.add(mark);
            }
            if (t.status().waiting()) {
                var mark = new Span(getTranslation("forum.waiting"));
                mark.addClassName("forum-badge");
                item.add(mark);
            }
            if (t.status() == PostStatus.HIDDEN || t.status() == PostStatus.DELETED) {
                var mark = new Span(getTranslation("forum.status." + t.status().name().toLowerCase()));
                mark.addClassName("forum-badge");
                item.add(mark);
            }
            if (t.sample()) {
                var mark = new Span(getTranslation("forum.sample"));
                mark.addClassName("forum-badge");
                item.add(mark);
            }
            var about = new Paragraph(getTranslation("forum.topicLine", t.startedBy(), t.replies(), ForumUi.when(this, t.lastPostAt())));
            about.addClassName("forum-meta");
            item.add(about);
            topics.add(item);
        }
        add(topics, ForumPaths.pager(this, list.page(), list.pages(), p -> getUI().ifPresent(ui -> ui.navigate(
                CategoryView.class, new RouteParameters("id", Long.toString(c.id())),
                QueryParameters.simple(Map.of("page", Integer.toString(p)))))));
    }
}
