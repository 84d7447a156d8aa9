package org.village.forum.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;
import org.village.forum.Forum.Category;
import org.village.forum.Forum.NewTopic;
import org.village.forum.ForumService;
import org.village.helpnow.HelpNowService;
import org.village.security.CurrentUser;
import org.village.shared.InputProblem;
import org.village.shared.Roles;

/** Starting a topic: a category, a title and the first post, with a preview and a draft kept while typing. */
@Route("forum/new")
@PageTitle("Forum | Village")
@RolesAllowed({Roles.PARENT, Roles.PEER_SUPPORTER, Roles.WORKER, Roles.ADMIN})
class NewTopicView extends Div implements BeforeEnterObserver {

    private final ForumService forum;
    private final CurrentUser currentUser;
    private final HelpNowService helpNow;
    private String token = UUID.randomUUID().toString();
    /** The post the filters held: the button then saves changes to it rather than starting another topic. */
    private Long heldPostId;

    NewTopicView(ForumService forum, CurrentUser currentUser, HelpNowService helpNow) {
        this.forum = forum;
        this.currentUser = currentUser;
        this.helpNow = helpNow;
        addClassName("page");
        addClassName("forum");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        heldPostId = null;
        long chosen = ForumPaths.number(event.getLocation().getQueryParameters().getSingleParameter("category").orElse(""));
        long me = currentUser.get().map(u -> u.id()).orElse(0L);
        var categories = forum.categories();
        var category = new Select<Category>();
        category.setLabel(getTranslation("forum.category"));
        category.setItems(categories);
        category.setItemLabelGenerator(Category::name);
        category.setId("forum-category");
        categories.stream().filter(c -> c.id() == chosen).findFirst().ifPresent(category::setValue);
        var title = new TextField(getTranslation("forum.topicTitle"));
        title.setId("forum-title");
        title.setMaxLength(ForumService.TITLE_MAX + 50);
        title.setWidthFull();
        TextArea body = ForumUi.editor(this, "forum.firstPost", ForumUi.draftKey(me, "new"));
        body.setId("forum-body");
        // the title is kept with the body, under its own key
        title.getElement().executeJs("""
                const el = this, key = $0;
                try { const kept = localStorage.getItem(key); if (kept && !el.value) { el.value = kept; el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('change', {bubbles: true})); } } catch (e) { }
                el.addEventListener('input', () => { try { el.value ? localStorage.setItem(key, el.value) : localStorage.removeItem(key); } catch (e) { } });""",
                ForumUi.draftKey(me, "new-title"));
        var preview = new Div();
        preview.setId("forum-preview");
        preview.addClassName("forum-preview");
        preview.getElement().setAttribute("aria-live", "polite");
        var status = new Paragraph();
        status.getElement().setAttribute("role", "status");
        status.setId("forum-new-status");
        var notice = new WriterNotice(helpNow, "forum-new-notice");
        var showPreview = new Button(getTranslation("forum.preview"), e -> {
            preview.removeAll();
            try {
                preview.add(new H2(getTranslation("forum.previewTitle")), ForumUi.safeHtml(forum.preview(body.getValue())));
                body.setInvalid(false);
            } catch (InputProblem problem) {
                body.setErrorMessage(problem.message(getLocale()));
                body.setInvalid(true);
            }
        });
        showPreview.setId("forum-preview-button");
        var send = new Button(getTranslation("forum.postTopic"));
        send.setId("forum-post-button");
        send.addThemeVariants(ButtonVariant.PRIMARY);
        send.setDisableOnClick(true);
        send.addClickListener(e -> {
            title.setInvalid(false);
            body.setInvalid(false);
            category.setInvalid(false);
            status.setText("");
            try {
                if (heldPostId != null) {
                    // the words stay in the box: saving now changes the held post, which still waits for a moderator
                    int version = forum.post(heldPostId).map(org.village.forum.Forum.PostView::version)
                            .orElseThrow(() -> InputProblem.keyed("body", "forum.problem.noPost"));
                    var changed = forum.edit(heldPostId, version, body.getValue());
                    notice.show(changed);
                    status.setText(getTranslation("forum.safety.changed"));
                    return;
                }
                if (category.getValue() == null) {
                    throw InputProblem.keyed("category", "forum.problem.chooseCategory");
                }
                var saved = forum.startTopic(new NewTopic(category.getValue().id(), title.getValue(), body.getValue(), token));
                token = UUID.randomUUID().toString();
                if (saved.status().waiting() && notice.show(saved)) {
                    // held or urgent: the writer reads why and keeps their words (and the kept draft) to change them
                    heldPostId = saved.postId();
                    send.setText(getTranslation("forum.safety.saveChanges"));
                    title.setReadOnly(true);
                    category.setReadOnly(true);
                    return;
                }
                ForumUi.forgetDraft(body);
                ForumUi.forgetDraft(title, ForumUi.draftKey(me, "new-title"));
                getUI().ifPresent(ui -> ui.navigate(TopicView.class, new RouteParameters("id", Long.toString(saved.topicId()))));
            } catch (InputProblem problem) {
                String message = problem.message(getLocale());
                switch (problem.field() == null ? "" : problem.field()) {
                    case "title" -> {
                        title.setErrorMessage(message);
                        title.setInvalid(true);
                    }
                    case "category" -> {
                        category.setErrorMessage(message);
                        category.setInvalid(true);
                    }
                    default -> {
                        body.setErrorMessage(message);
                        body.setInvalid(true);
                    }
                }
                status.setText(message);
            } finally {
                send.setEnabled(true);
            }
        });
        add(new RouterLink(getTranslation("forum.back"), ForumView.class), new H1(getTranslation("forum.newTopic")),
                ForumUi.whoCanRead(this), new Paragraph(getTranslation("forum.newTopicHelp")), category, title, body,
                new Div(showPreview, send), status, notice, preview);
    }
}
