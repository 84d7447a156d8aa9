package org.village.chat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.village.chat.Chat;
import org.village.shared.InputProblem;

/** A moderator pauses one member's messages in this room for 10 minutes, an hour or a day (audited by the service). */
final class MutePanel extends Div {

    /** The times a moderator may pause a member for. */
    static final List<Duration> MUTE_FOR = List.of(Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofDays(1));

    MutePanel(Chat.Message m, BiFunction<Chat.Message, Duration, String> mute, Consumer<String> done) {
        addClassNames("chat-mute-form", "notice");
        setId("chat-mute");
        var title = new H2(getTranslation("chat.tools.muteWho", m.author()));
        title.getElement().setAttribute("tabindex", "-1");
        var howLong = new Select<Duration>();
        howLong.setLabel(getTranslation("chat.tools.for"));
        howLong.setItems(MUTE_FOR);
        howLong.setItemLabelGenerator(d -> getTranslation("chat.tools.muteFor." + d.toMinutes()));
        howLong.setValue(MUTE_FOR.getFirst());
        var status = new Paragraph();
        status.getElement().setAttribute("role", "status");
        var pause = new Button(getTranslation("chat.tools.mute"));
        pause.addThemeVariants(ButtonVariant.PRIMARY);
        pause.setId("chat-mute-confirm");
        pause.addClickListener(e -> {
            try {
                done.accept(mute.apply(m, howLong.getValue()));
            } catch (InputProblem problem) {
                status.setText(problem.message(getLocale()));
            }
        });
        var cancel = ChatUi.tertiary(getTranslation("forum.cancel"));
        cancel.addClickListener(e -> done.accept(""));
        add(title, howLong, status, new Div(pause, cancel));
    }
}
