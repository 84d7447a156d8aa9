package org.village.forum.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Locale;
import org.village.moderation.ModerationDesk;
import org.village.moderation.ReportReason;
import org.village.moderation.Subject;
import org.village.shared.InputProblem;

/**
 * "Report" under a post: a member picks why, may add a few words, checks once more and sends. The writer never
 * learns who reported; a second report of the same post is answered kindly (the database allows one per member).
 * What was typed stays when something goes wrong.
 */
final class ReportForm extends Div {

    private final ModerationDesk desk;
    private final Subject subject;
    private final Button open;
    private final Div form = new Div();
    private final Paragraph status = new Paragraph();
    private final RadioButtonGroup<ReportReason> reason = new RadioButtonGroup<>();
    private final TextArea text = new TextArea();

    ReportForm(ModerationDesk desk, long postId, String authorName) {
        this.desk = desk;
        this.subject = Subject.forumPost(postId);
        addClassName("forum-report");
        open = ForumUi.tertiary(getTranslation("moderation.report.open"));
        open.addClassName("forum-report-open");
        open.getElement().setAttribute("aria-label", getTranslation("moderation.report.openWho", authorName));
        open.getElement().setAttribute("aria-expanded", "false");
        open.addClickListener(e -> toggle());
        status.getElement().setAttribute("role", "status");
        status.addClassName("forum-report-status");
        form.setVisible(false);
        form.addClassName("forum-report-form");
        add(open, status, form);
    }

    private void toggle() {
        boolean show = !form.isVisible();
        form.setVisible(show);
        open.getElement().setAttribute("aria-expanded", Boolean.toString(show));
        if (show) {
            buildChoose();
        }
    }

    private void buildChoose() {
        form.removeAll();
        status.setText("");
        if (desk.hasReported(subject)) {
            status.setText(getTranslation("moderation.problem.alreadyReported"));
            form.setVisible(false);
            return;
        }
        reason.setLabel(getTranslation("moderation.report.why"));
        reason.setItems(ReportReason.values());
        reason.setItemLabelGenerator(r -> getTranslation("moderation.reason." + r.name().toLowerCase(Locale.ROOT)));
        reason.addClassName("forum-report-reason");
        text.setLabel(getTranslation("moderation.report.text"));
        text.setHelperText(getTranslation("moderation.report.textHelp", ModerationDesk.REPORT_TEXT_MAX));
        text.setMaxLength(ModerationDesk.REPORT_TEXT_MAX + 50);
        text.addClassName("forum-report-text");
        text.setWidthFull();
        var next = new Button(getTranslation("moderation.report.next"));
        next.addThemeVariants(ButtonVariant.PRIMARY);
        next.addClassName("forum-report-next");
        next.addClickListener(e -> {
            if (reason.getValue() == null) {
                reason.setErrorMessage(getTranslation("moderation.problem.noReason"));
                reason.setInvalid(true);
                return;
            }
            reason.setInvalid(false);
            buildConfirm();
        });
        var cancel = ForumUi.tertiary(getTranslation("forum.cancel"));
        cancel.addClickListener(e -> toggle());
        form.add(new H3(getTranslation("moderation.report.title")), new Paragraph(getTranslation("moderation.report.intro")),
                reason, text, new Div(next, cancel));
        reason.getElement().executeJs("setTimeout(() => { const r = this.querySelector('input'); if (r) r.focus(); }, 0)");
    }

    private void buildConfirm() {
        var chosen = reason.getValue();
        var sure = new Paragraph(getTranslation("moderation.report.sure",
                getTranslation("moderation.reason." + chosen.name().toLowerCase(Locale.ROOT))));
        var send = new Button(getTranslation("moderation.report.send"));
        send.addThemeVariants(ButtonVariant.PRIMARY);
        send.addClassName("forum-report-send");
        send.setDisableOnClick(true);
        var back = ForumUi.tertiary(getTranslation("moderation.report.back"));
        back.addClickListener(e -> {
            var keep = text.getValue();
            buildChoose();
            reason.setValue(chosen);
            text.setValue(keep);
        });
        send.addClickListener(e -> {
            try {
                var result = desk.report(subject, chosen, text.getValue());
                form.removeAll();
                form.setVisible(false);
                open.setEnabled(false);
                status.setText(getTranslation(result == ModerationDesk.Reported.HIDDEN_NOW
                        ? "moderation.report.thanksHidden" : "moderation.report.thanks"));
                // the page is not refreshed here, even when the post is hidden now: the thank-you stays in view
            } catch (InputProblem problem) {
                status.setText(problem.message(getLocale()));
                if ("text".equals(problem.field())) {
                    var keep = text.getValue();
                    buildChoose();
                    reason.setValue(chosen);
                    text.setValue(keep);
                    text.setErrorMessage(problem.message(getLocale()));
                    text.setInvalid(true);
                } else {
                    form.removeAll();
                    form.setVisible(false);
                }
            }
        });
        form.removeAll();
        form.add(new H3(getTranslation("moderation.report.checkTitle")), sure,
                new Paragraph(getTranslation("moderation.report.anonymous")), new Div(send, back));
        send.focus();
    }
}
