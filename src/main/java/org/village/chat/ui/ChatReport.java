package org.village.chat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Locale;
import java.util.function.Function;
import org.village.moderation.ModerationDesk;
import org.village.moderation.ReportReason;
import org.village.shared.InputProblem;

/**
 * "Report" under someone else's chat message: pick why, add a few words if you like, send. The chat service passes it
 * to moderation (the queue) and tells the workers on duty now at once. The writer never learns who reported. What was
 * typed stays when something goes wrong.
 */
final class ChatReport extends Div {

    record Report(long messageId, ReportReason reason, String text) {
    }

    private final long messageId;
    private final Function<Report, String> onReport;
    private final Button open;
    private final Div form = new Div();
    private final Paragraph status = new Paragraph();

    ChatReport(long messageId, String authorName, Function<Report, String> onReport) {
        this.messageId = messageId;
        this.onReport = onReport;
        addClassName("chat-report");
        open = ChatUi.tertiary(getTranslation("moderation.report.open"));
        open.addClassName("chat-report-open");
        open.getElement().setAttribute("aria-label", getTranslation("chat.view.reportWho", authorName));
        open.getElement().setAttribute("aria-expanded", "false");
        open.addClickListener(e -> toggle());
        status.getElement().setAttribute("role", "status");
        status.addClassName("chat-report-status");
        form.setVisible(false);
        form.addClassName("chat-report-form");
        add(open, status, form);
    }

    private void toggle() {
        boolean show = !form.isVisible();
        form.setVisible(show);
        open.getElement().setAttribute("aria-expanded", Boolean.toString(show));
        if (show) {
            build();
        }
    }

    private void build() {
        form.removeAll();
        status.setText("");
        var reason = new RadioButtonGroup<ReportReason>();
        reason.setLabel(getTranslation("moderation.report.why"));
        reason.setItems(ReportReason.values());
        reason.setItemLabelGenerator(r -> getTranslation("moderation.reason." + r.name().toLowerCase(Locale.ROOT)));
        var text = new TextArea(getTranslation("moderation.report.text"));
        text.setHelperText(getTranslation("moderation.report.textHelp", ModerationDesk.REPORT_TEXT_MAX));
        text.setMaxLength(ModerationDesk.REPORT_TEXT_MAX + 50);
        text.setWidthFull();
        var send = new Button(getTranslation("moderation.report.send"));
        send.addThemeVariants(ButtonVariant.PRIMARY);
        send.addClassName("chat-report-send");
        send.addClickListener(e -> {
            if (reason.getValue() == null) {
                reason.setErrorMessage(getTranslation("moderation.problem.noReason"));
                reason.setInvalid(true);
                return;
            }
            try {
                String thanks = onReport.apply(new Report(messageId, reason.getValue(), text.getValue()));
                form.removeAll();
                form.setVisible(false);
                open.setEnabled(false);
                open.getElement().setAttribute("aria-expanded", "false");
                status.setText(thanks);
            } catch (InputProblem problem) {
                if ("text".equals(problem.field())) {
                    text.setErrorMessage(problem.message(getLocale()));
                    text.setInvalid(true);
                } else {
                    status.setText(problem.message(getLocale()));
                }
            }
        });
        var cancel = ChatUi.tertiary(getTranslation("forum.cancel"));
        cancel.addClickListener(e -> toggle());
        form.add(new Paragraph(getTranslation("moderation.report.anonymous")), reason, text, new Div(send, cancel));
    }
}
