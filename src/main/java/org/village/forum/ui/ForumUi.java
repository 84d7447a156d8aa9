package org.village.forum.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.QueryParameters;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.village.content.ContentPolicy;
import org.village.shared.Times;

/** What the forum's pages share: the "who can read this" note, the search box, the editor with its kept draft. */
final class ForumUi {

    private ForumUi() {
    }

    static Paragraph whoCanRead(Component c) {
        var p = new Paragraph(c.getTranslation("forum.whoCanRead"));
        p.addClassName("notice");
        p.setId("forum-who-can-read");
        return p;
    }

    static Div safeHtml(String sanitisedHtml) {
        var div = new Div();
        div.addClassName("post-body");
        div.getElement().setProperty("innerHTML", sanitisedHtml);
        return div;
    }

    static String when(Component c, Instant at) {
        Locale locale = c.getUI().map(com.vaadin.flow.component.UI::getLocale)
                .orElse(com.vaadin.flow.component.UI.getCurrent() == null ? Locale.UK : com.vaadin.flow.component.UI.getCurrent().getLocale());
        return Times.dateTime(at, locale);
    }

    static Div searchBox(Component c, String value) {
        var field = new TextField();
        field.setAriaLabel(c.getTranslation("forum.search.label"));
        field.setPlaceholder(c.getTranslation("forum.search.placeholder"));
        field.setValue(value == null ? "" : value);
        field.setMaxLength(100);
        field.setClearButtonVisible(true);
        field.setId("forum-search-field");
        var button = new Button(c.getTranslation("forum.search.button"), VaadinIcon.SEARCH.create());
        button.setId("forum-search-button");
        Runnable go = () -> field.getUI().ifPresent(ui -> ui.navigate(ForumSearchView.class,
                QueryParameters.simple(Map.of("q", field.getValue()))));
        button.addClickListener(e -> go.run());
        field.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> go.run());
        var box = new Div(field, button);
        box.addClassName("search-box");
        return box;
    }

    /**
     * The text box for a post. What is typed is kept in this browser's storage under a key for this person and this
     * topic (never sent anywhere else), so a reload or a dropped connection loses nothing; it is put back into an
     * empty box when the page opens, and cleared once the post is saved.
     */
    static TextArea editor(Component c, String labelKey, String draftKey) {
        var area = new TextArea(c.getTranslation(labelKey));
        area.setHelperText(c.getTranslation("forum.editor.help", ContentPolicy.FORUM_POST.maxChars()));
        area.setMaxLength(ContentPolicy.FORUM_POST.maxChars() + 1000); // over the limit is told kindly, not cut
        area.setValueChangeMode(ValueChangeMode.LAZY);
        area.setWidthFull();
        area.setMinHeight("10rem");
        area.addClassName("forum-editor");
        area.getElement().setAttribute("data-draft-key", draftKey);
        area.getElement().executeJs("""
                const el = this, key = $0;
                try {
                  const kept = localStorage.getItem(key);
                  if (kept && !el.value) { el.value = kept; el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('change', {bubbles: true})); }
                } catch (e) { /* storage switched off: nothing kept */ }
                el.addEventListener('input', () => {
                  try { el.value ? localStorage.setItem(key, el.value) : localStorage.removeItem(key); } catch (e) { }
                });""", draftKey);
        return area;
    }

    /** Forgets a kept draft; run on the page, not the box, so it still happens when the view moves on at once. */
    static void forgetDraft(TextArea area) {
        forgetDraft(area, area.getElement().getAttribute("data-draft-key"));
    }

    static void forgetDraft(Component on, String key) {
        on.getUI().ifPresent(ui -> ui.getPage().executeJs("try { localStorage.removeItem($0); } catch (e) { }", key));
    }

    static String draftKey(long personId, String where) {
        return "village-forum-draft:" + personId + ":" + where;
    }

    static Button tertiary(String text) {
        var b = new Button(text);
        b.addThemeVariants(ButtonVariant.TERTIARY);
        return b;
    }
}
