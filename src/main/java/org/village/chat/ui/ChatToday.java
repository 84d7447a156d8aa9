package org.village.chat.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.Optional;
import org.village.chat.ChatService;
import org.village.moderation.DutyRota;
import org.village.security.CurrentUser;
import org.village.shared.Capability;
import org.village.shared.ui.TodayPart;
import org.village.shared.ui.TodaySection;

/**
 * Chat's part of a worker's Today page (order 300): while they are on duty, the rooms they look after, open or
 * closed, with how many messages came since they last read each. Only for people who moderate and are on the rota
 * now (asked of the chat service and the duty rota, which check again).
 */
@org.springframework.stereotype.Component
class ChatToday implements TodaySection {

    private final ChatService chat;
    private final DutyRota rota;
    private final CurrentUser currentUser;

    ChatToday(ChatService chat, DutyRota rota, CurrentUser currentUser) {
        this.chat = chat;
        this.rota = rota;
        this.currentUser = currentUser;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public Optional<Component> build() {
        var me = currentUser.get().filter(u -> u.can(Capability.MODERATE)).orElse(null);
        if (me == null || rota.onDutyNow().stream().noneMatch(d -> d.accountId() == me.id())) {
            return Optional.empty();
        }
        var part = new TodayPart("chat", "chat.today.title");
        var list = new UnorderedList();
        for (var r : chat.rooms()) {
            var link = new RouterLink(r.name(), ChatRoomView.class, new RouteParameters("room", Long.toString(r.id())));
            var item = new ListItem(link, new Span(" · " + part.getTranslation(r.open() ? "chat.today.open" : "chat.today.closed")));
            if (r.unread() > 0) {
                item.add(new Span(" · " + part.getTranslation("chat.view.unreadCount", r.unread())));
            }
            item.getElement().setAttribute("data-room", Long.toString(r.id()));
            list.add(item);
        }
        part.add(list);
        return Optional.of(part);
    }
}
