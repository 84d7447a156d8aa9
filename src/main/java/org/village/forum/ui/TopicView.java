package org.village.forum.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.UUID;
import org.village.forum.Forum.NewReply;
import org.village.forum.Forum.PostView;
import org.village.forum.Forum.Reaction;
import org.village.forum.Forum.TopicPage;
import org.village.forum.ForumService;
import org.village.forum.PostStatus;
import org.village.security.CurrentUser;
import org.village.shared.InputProblem;
import org.village.shared.Roles;

/**
 * A topic's posts, twenty to a page, and the reply box with its preview and kept draft. The reply box is built
 * once, so reacting, quoting or following never touches what is being typed.
 */
@Route("forum/topic/:id")
@PageTitle("Forum | Village")
@RolesAllowed({Roles.PARENT, Roles.PEER_SUPPORTER, Roles.WORKER, Roles.ADMIN})
class TopicView extends Div implements BeforeEnterObserver {

    private final ForumService forum;
    private final CurrentUser currentUser;
    private final Div top = new Div();
    private final Div posts = new Div();
    private final Div bottom = new Div();
    private final Div replySection = new Div();
    private long topicId;
    private boolean moderator;
    private int page = 1;
    private TextArea reply;
    private Long quotedId;
    private String token = UUID.randomUUID().toString();
    private final Paragraph replyStatus = new Paragraph();
    private final Div preview = new Div();

    private final org.village.moderation.ModerationDesk desk;

    TopicView(ForumService forum, CurrentUser currentUser, org.village.moderation.ModerationDesk desk) {
        this.desk = desk;
        this.forum = forum;
        this.currentUser = currentUser;
        addClassName("page");
        addClassName("forum");
        posts.addClassName("forum-posts");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        topicId = ForumPaths.number(event.getRouteParameters().get("id").orElse(""));
        moderator = forum.canModerate();
        var query = event.getLocation().getQueryParameters();
        page = (int) Math.min(ForumPaths.number(query.getSingleParameter("page").orElse("1")), 100_000);
        long post = ForumPaths.number(query.getSingleParameter("post").orElse(""));
        if (post > 0) {
            page = forum.pageOf(post).orElse(page);
        }
        var shown = topicId <= 0 ? java.util.Optional.<TopicPage>empty() : forum.topic(topicId, page);
        if (shown.isEmpty()) {
            ForumPaths.notFound(this);
            return;
        }
        add(top, posts, bottom, replySection);
        show(shown.get());
        buildReply(shown.get());
    }

    private void refresh() {
        forum.topic(topicId, page).ifPresentOrElse(this::show, () -> {
            removeAll();
            ForumPaths.notFound(this);
        });
    }

    private void show(TopicPage tp) {
        page = tp.page();
        var t = tp.topic();
        top.removeAll();
        var back = new RouterLink(t.categoryName(), CategoryView.class, new RouteParameters("id", Long.toString(t.categoryId())));
        back.addClassName("forum-breadcrumb");
        var follow = new Button(getTranslation(t.followed() ? "forum.unfollowTopic" : "forum.followTopic"));
        follow.setId("forum-follow-topic");
        follow.getElement().setAttribute("aria-pressed", Boolean.toString(t.followed()));
        follow.addClickListener(e -> {
            forum.followTopic(t.id(), !t.followed());
            refresh();
        });
        top.add(back, new H1(t.title()));
        if (t.sample()) {
            top.add(badge("forum.sample"));
        }
        if (t.locked()) {
            top.add(badge("forum.locked"));
        }
        top.add(ForumUi.whoCanRead(this), follow);
        if (moderator) {
            top.add(topicTools(t));
        }
        if (tp.firstUnread() != null) {
            var jump = new Anchor("#post-" + tp.firstUnread(), getTranslation("forum.jumpToNew"));
            jump.setId("forum-jump-new");
            top.add(new Paragraph(jump));
        }
        posts.removeAll();
        for (PostView p : tp.posts()) {
            posts.add(post(p, t.locked()));
        }
        bottom.removeAll();
        bottom.add(ForumPaths.pager(this, tp.page(), tp.pages(), p -> {
            page = p;
            refresh();
            getElement().executeJs("window.scrollTo(0, 0)");
        }));
    }

    private Span badge(String key) {
        var s = new Span(getTranslation(key));
        s.addClassName("forum-badge");
        return s;
    }

    private Component post(PostView p, boolean locked) {
        var article = new Section();
        article.addClassName("forum-post");
        article.setId("post-" + p.id());
        var who = new Span(p.authorName());
        who.addClassName("forum-author");
        var when = new Span(ForumUi.when(this, p.createdAt()));
        when.addClassName("forum-meta");
        var head = new H2();
        head.addClassName("forum-post-head");
        head.add(who, new Span(" "), when);
        article.add(head);
        if (p.unread()) {
            article.add(badge("forum.new"));
        }
        if (p.editedAt() != null) {
            article.add(badge("forum.edited"));
        }
        if (p.status().waiting()) {
            var waiting = new Paragraph(getTranslation(p.mine() ? "forum.waitingYours" : "forum.waiting"));
            waiting.addClassName("notice");
            waiting.addClassName("forum-waiting");
            article.add(waiting);
        } else if (p.status() == PostStatus.HIDDEN || p.status() == PostStatus.DELETED) {
            article.add(badge("forum.status." + p.status().name().toLowerCase()));
        }
        var body = ForumUi.safeHtml(p.html());
        article.add(body);
        var actions = new Div();
        actions.addClassName("forum-actions");
        if (p.status() == PostStatus.PUBLISHED && !p.mine()) {
            actions.add(reaction(p, Reaction.HELPED, p.helped(), p.iHelped()),
                    reaction(p, Reaction.ME_TOO, p.meToo(), p.iMeToo()));
        } else if (p.helped() + p.meToo() > 0) {
            actions.add(new Span(getTranslation("forum.reactionCounts", p.helped(), p.meToo())));
        }
        if (!locked && reply != null && (p.status() == PostStatus.PUBLISHED || p.mine())) {
            var quote = ForumUi.tertiary(getTranslation("forum.quote"));
            quote.getElement().setAttribute("aria-label", getTranslation("forum.quoteWho", p.authorName()));
            quote.addClickListener(e -> forum.quote(p.id()).ifPresent(text -> {
                reply.setValue(text + reply.getValue());
                quotedId = p.id();
                reply.focus();
            }));
            actions.add(quote);
        }
        if (p.status() == PostStatus.PUBLISHED && !p.mine()) {
            actions.add(new ReportForm(desk, p.id(), p.authorName()));
        }
        if (moderator && p.status().waiting() && !p.mine()) {
            actions.add(approveButton(p));
        }
        if (p.editableUntil() != null) {
            var edit = ForumUi.tertiary(getTranslation("forum.edit"));
            edit.addClickListener(e -> editInPlace(article, body, actions, p));
            actions.add(edit);
        }
        article.add(actions);
        return article;
    }

    /** A moderator approves a waiting post here; if another moderator dealt with it first, they are told so. */
    private Button approveButton(PostView p) {
        var approve = new Button(getTranslation("forum.approve"));
        approve.addThemeVariants(ButtonVariant.PRIMARY);
        approve.addClassName("forum-approve");
        approve.getElement().setAttribute("aria-label", getTranslation("forum.approveWho", p.authorName()));
        approve.setDisableOnClick(true);
        approve.addClickListener(e -> {
            boolean done = forum.moderate(p.id(), p.status(), PostStatus.PUBLISHED, null);
            replyStatus.setText(getTranslation(done ? "forum.approved" : "forum.alreadyDealtWith"));
            refresh();
        });
        return approve;
    }

    private Button reaction(PostView p, Reaction kind, long count, boolean mine) {
        String key = kind == Reaction.HELPED ? "forum.helped" : "forum.meToo";
        var button = new Button(getTranslation(key, count));
        button.addThemeVariants(mine ? ButtonVariant.PRIMARY : ButtonVariant.TERTIARY);
        button.getElement().setAttribute("aria-pressed", Boolean.toString(mine));
        button.addClassName("forum-react");
        button.addClickListener(e -> {
            try {
                forum.react(p.id(), kind, !mine);
            } catch (InputProblem problem) {
                replyStatus.setText(problem.message(getLocale()));
            }
            refresh();
        });
        return button;
    }

    private void editInPlace(Section article, Div body, Div actions, PostView p) {
        var area = ForumUi.editor(this, "forum.editLabel", ForumUi.draftKey(me(), "edit-" + p.id()));
        if (area.getValue().isEmpty()) {
            area.setValue(p.markdown());
        }
        var save = new Button(getTranslation("forum.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        var cancel = ForumUi.tertiary(getTranslation("forum.cancel"));
        var box = new Div(area, new Div(save, cancel));
        box.addClassName("forum-edit");
        body.setVisible(false);
        actions.setVisible(false);
        article.add(box);
        cancel.addClickListener(e -> {
            ForumUi.forgetDraft(area);
            refresh();
        });
        save.addClickListener(e -> {
            try {
                forum.edit(p.id(), p.version(), area.getValue());
                ForumUi.forgetDraft(area);
                refresh();
            } catch (InputProblem problem) {
                area.setErrorMessage(problem.message(getLocale()));
                area.setInvalid(true);
            }
        });
        area.focus();
    }

    private long me() {
        return currentUser.get().map(u -> u.id()).orElse(0L);
    }

    private void buildReply(TopicPage tp) {
        replySection.removeAll();
        replySection.addClassName("forum-reply");
        replySection.add(new H2(getTranslation("forum.replyTitle")));
        replyStatus.setText("");
        replyStatus.getElement().setAttribute("role", "status");
        replyStatus.setId("forum-reply-status");
        if (tp.topic().locked()) {
            reply = null;
            replySection.add(new Paragraph(getTranslation("forum.lockedText")));
            return;
        }
        reply = ForumUi.editor(this, "forum.replyLabel", ForumUi.draftKey(me(), "topic-" + topicId));
        reply.setId("forum-reply");
        preview.removeAll();
        preview.addClassName("forum-preview");
        preview.setId("forum-preview");
        preview.getElement().setAttribute("aria-live", "polite");
        var showPreview = new Button(getTranslation("forum.preview"));
        showPreview.setId("forum-preview-button");
        showPreview.addClickListener(e -> {
            preview.removeAll();
            try {
                preview.add(new H2(getTranslation("forum.previewTitle")), ForumUi.safeHtml(forum.preview(reply.getValue())));
                reply.setInvalid(false);
            } catch (InputProblem problem) {
                reply.setErrorMessage(problem.message(getLocale()));
                reply.setInvalid(true);
            }
        });
        var send = new Button(getTranslation("forum.post"));
        send.setId("forum-post-button");
        send.addThemeVariants(ButtonVariant.PRIMARY);
        send.setDisableOnClick(true);
        send.addClickListener(e -> {
            try {
                var saved = forum.reply(new NewReply(topicId, reply.getValue(), quotedId, token));
                token = UUID.randomUUID().toString();
                quotedId = null;
                ForumUi.forgetDraft(reply);
                reply.clear();
                reply.setInvalid(false);
                preview.removeAll();
                replyStatus.setText(getTranslation(saved.status().waiting() ? "forum.sentWaiting" : "forum.sent"));
                forum.pageOf(saved.postId()).ifPresent(p -> page = p);
                refresh();
            } catch (InputProblem problem) {
                reply.setErrorMessage(problem.message(getLocale()));
                reply.setInvalid(true);
                if ("forum.problem.locked".equals(problem.key())) {
                    refresh();
                }
            } finally {
                send.setEnabled(true);
            }
        });
        replySection.add(reply, new Div(showPreview, send), replyStatus, preview);
        // quote buttons are added only once the reply box exists
        refresh();
    }

    /** The address of one post, for links from search and notifications. */
    static QueryParameters toPost(long postId) {
        return QueryParameters.simple(Map.of("post", Long.toString(postId)));
    }

    /** A moderator's tools for the whole topic: close it to replies, pin it first in its category, move it. */
    private Component topicTools(org.village.forum.Forum.Topic t) {
        var tools = new Div();
        tools.addClassName("forum-topic-tools");
        tools.setId("forum-topic-tools");
        var lock = new Button(getTranslation(t.locked() ? "moderation.topic.unlock" : "moderation.topic.lock"));
        lock.setId("forum-topic-lock");
        lock.addClickListener(e -> {
            forum.lock(t.id(), !t.locked());
            replyStatus.setText(getTranslation(t.locked() ? "moderation.topic.unlocked" : "moderation.topic.locked"));
            buildReply(forum.topic(topicId, page).orElseThrow());
        });
        boolean pinned = forum.pinned(t.id());
        var pin = new Button(getTranslation(pinned ? "moderation.topic.unpin" : "moderation.topic.pin"));
        pin.setId("forum-topic-pin");
        pin.getElement().setAttribute("aria-pressed", Boolean.toString(pinned));
        pin.addClickListener(e -> {
            forum.pin(t.id(), !pinned);
            replyStatus.setText(getTranslation(pinned ? "moderation.topic.unpinned" : "moderation.topic.pinned"));
            refresh();
        });
        var where = new com.vaadin.flow.component.select.Select<org.village.forum.Forum.Category>();
        where.setLabel(getTranslation("moderation.topic.moveTo"));
        where.setId("forum-topic-move-to");
        var categories = forum.categories();
        where.setItems(categories);
        where.setItemLabelGenerator(org.village.forum.Forum.Category::name);
        categories.stream().filter(c -> c.id() == t.categoryId()).findFirst().ifPresent(where::setValue);
        var move = new Button(getTranslation("moderation.topic.move"));
        move.setId("forum-topic-move");
        move.addClickListener(e -> {
            if (where.getValue() == null || where.getValue().id() == t.categoryId()) {
                return;
            }
            try {
                forum.move(t.id(), where.getValue().id());
                replyStatus.setText(getTranslation("moderation.topic.moved", where.getValue().name()));
                refresh();
            } catch (InputProblem problem) {
                where.setErrorMessage(problem.message(getLocale()));
                where.setInvalid(true);
            }
        });
        tools.add(lock, pin, new Div(where, move));
        return tools;
    }
}
