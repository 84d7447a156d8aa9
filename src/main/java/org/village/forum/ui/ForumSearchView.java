package org.village.forum.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.village.forum.ForumService;
import org.village.shared.Roles;

/** Forum search: only posts the reader may see, misspellings forgiven. */
@Route("forum/search")
@PageTitle("Forum | Village")
@RolesAllowed({Roles.PARENT, Roles.PEER_SUPPORTER, Roles.WORKER, Roles.ADMIN})
class ForumSearchView extends Div implements BeforeEnterObserver {

    private final ForumService forum;

    ForumSearchView(ForumService forum) {
        this.forum = forum;
        addClassName("page");
        addClassName("forum");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String q = event.getLocation().getQueryParameters().getSingleParameter("q").orElse("");
        if (q.length() > 100) {
            q = q.substring(0, 100);
        }
        add(new RouterLink(getTranslation("forum.back"), ForumView.class), new H1(getTranslation("forum.search.title")),
                ForumUi.whoCanRead(this), ForumUi.searchBox(this, q));
        if (q.isBlank()) {
            add(new Paragraph(getTranslation("forum.search.hint")));
            return;
        }
        var result = forum.search(q, 20);
        var status = new Paragraph(result.hits().isEmpty() ? getTranslation("forum.search.none")
                : getTranslation("forum.search.found", result.hits().size()));
        status.getElement().setAttribute("role", "status");
        status.setId("forum-search-status");
        add(status);
        var list = new Div();
        list.addClassName("results");
        for (var hit : result.hits()) {
            var item = new Div();
            item.addClassName("result");
            var link = new RouterLink(hit.topicTitle(), TopicView.class, new RouteParameters("id", Long.toString(hit.topicId())));
            link.setQueryParameters(TopicView.toPost(hit.postId()));
            var about = new Paragraph(getTranslation("forum.search.by", hit.authorName(), ForumUi.when(this, hit.createdAt())));
            about.addClassName("forum-meta");
            item.add(link, about, new Paragraph(hit.snippet()));
            if (hit.status().waiting()) {
                item.add(new Paragraph(getTranslation("forum.waiting")));
            }
            list.add(item);
        }
        add(list);
    }
}
