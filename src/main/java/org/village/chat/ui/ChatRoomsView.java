package org.village.chat.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import org.village.chat.ChatService;
import org.village.helpnow.HelpNowService;
import org.village.shared.Roles;

/**
 * The rooms I may join: open now, or when they open; the worker on duty when one is there; help now one tap away.
 * Only rooms the chat service says are mine are listed (checked there, not here).
 */
@Route("chat")
@PageTitle("Chat | Village")
@Menu(order = 26, title = "Chat")
@RolesAllowed({Roles.PARENT, Roles.PEER_SUPPORTER, Roles.WORKER, Roles.ADMIN})
class ChatRoomsView extends Div {

    ChatRoomsView(ChatService chat, HelpNowService helpNow, Clock clock) {
        addClassNames("page", "chat-rooms");
        add(new H1(getTranslation("chat.view.roomsTitle")));
        var intro = new Paragraph(getTranslation("chat.view.roomsIntro"));
        intro.addClassName("lead");
        var help = new Anchor("help-now", getTranslation("chat.view.helpNow"));
        help.setId("chat-help-now");
        help.addClassName("chat-help-link");
        add(intro, new Paragraph(help));
        var rooms = chat.rooms();
        java.util.List<String> duty;
        try {
            duty = chat.onDuty();
        } catch (RuntimeException unreadable) {
            duty = java.util.List.of();
        }
        var list = new UnorderedList();
        list.setId("chat-room-list");
        list.addClassName("chat-room-list");
        for (var r : rooms) {
            var link = new RouterLink(r.name(), ChatRoomView.class, new RouteParameters("room", Long.toString(r.id())));
            link.addClassName("chat-room-link");
            var item = new ListItem(link);
            item.addClassName("chat-room-item");
            item.getElement().setAttribute("data-room", Long.toString(r.id()));
            var state = new Span(r.open() ? getTranslation("chat.view.openNow")
                    : r.readOnly() || r.opensAt() == null ? getTranslation("chat.view.closedNoTime")
                    : getTranslation("chat.view.closedUntil", ChatUi.when(this, r.opensAt(), clock.instant())));
            state.addClassName(r.open() ? "chat-open" : "chat-closed-short");
            item.add(new Div(state));
            if (r.open() && !duty.isEmpty()) {
                var worker = new Span(getTranslation("chat.view.onDuty", String.join(", ", duty)));
                worker.addClassName("chat-duty-short");
                item.add(new Div(worker));
            }
            if (r.unread() > 0) {
                var unread = new Span(getTranslation("chat.view.unreadCount", r.unread()));
                unread.addClassName("chat-unread-count");
                item.add(new Div(unread));
            }
            list.add(item);
        }
        if (rooms.isEmpty()) {
            add(new Paragraph(getTranslation("chat.view.noRooms")));
        } else {
            add(new H2(getTranslation("chat.view.roomsList")), list);
        }
        add(helpNow.box());
    }
}
