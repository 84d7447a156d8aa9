package org.village.chat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.village.moderation.ModerationDesk;
import org.village.moderation.ReportReason;
import org.village.shared.InputProblem;

/**
 * The report form for one chat message, opened under the list by a message's "Report": pick why, add a few words if
 * you like, send. The chat service passes it to moderation (the queue) and tells the workers on duty now at once. The
 * writer never learns who reported. What was typed stays when something goes wrong.
 */
final class ChatReport extends Div {

    record Report(long messageId, ReportReason reason, String text) {
    }

    ChatReport(long messageId, String authorName, Function<Report, String> onReport, Consumer<String> done) {
        addClassNames("chat-report-form", "notice");
        setId("chat-report");
        var title = new H2(getTranslation("chat.view.reportWho", authorName));
        title.setId("chat-report-title");
        title.getElement().setAttribute("tabindex", "-1");
        var reason = new RadioButtonGroup<ReportReason>();
        reason.setLabel(getTranslation("moderation.report.why"));
        reason.setItems(ReportReason.values());
        reason.setItemLabelGenerator(r -> getTranslation("moderation.reason." + r.name().toLowerCase(Locale.ROOT)));
        var text = new TextArea(getTranslation("moderation.report.text"));
        text.setHelperText(getTranslation("moderation.report.textHelp", ModerationDesk.REPORT_TEXT_MAX));
        text.setMaxLength(ModerationDesk.REPORT_TEXT_MAX + 50);
        text.setWidthFull();
        var status = new Paragraph();
        status.getElement().setAttribute("role", "status");
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
                done.accept(onReport.apply(new Report(messageId, reason.getValue(), text.getValue())));
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
        cancel.addClickListener(e -> done.accept(""));
        add(title, new Paragraph(getTranslation("moderation.report.anonymous")), reason, text, status, new Div(send, cancel));
    }
}
