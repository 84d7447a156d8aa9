package org.village.chat.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.village.chat.Chat;
import org.village.chat.ChatEvent;
import org.village.chat.ChatFanout;
import org.village.chat.ChatService;
import org.village.helpnow.HelpNowService;
import org.village.security.CurrentUser;
import org.village.shared.InputProblem;
import org.village.shared.ui.TextAsHtml;
import org.village.shared.Roles;

/**
 * One chat room, live with push (issue 11, "In the browser"; decision 083). Stored messages are kept in a map by their
 * sequence number, so whatever way a message arrives (the answer to my own send, the live fan-out, a catch-up read
 * after the connection came back, "show earlier messages") it is shown once, in stored order. My own message shows
 * at once as "Sending…", then as sent, or as "Not sent yet" with a Retry that uses the same client id. New messages
 * from others are announced politely in one small live region (never the whole history). Closed rooms are read-only
 * and say when they open and where to get help now. The view talks to {@link ChatService} only, never STOMP.
 */
@Route("chat/:room")
@PageTitle("Chat | Village")
@RolesAllowed({Roles.PARENT, Roles.PEER_SUPPORTER, Roles.WORKER, Roles.ADMIN})
class ChatRoomView extends Div implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(ChatRoomView.class);
    /**
     * How many messages the page opens with (decision 089: each message on the page costs server memory for as long as
     * the page is open; the rest of the history comes in when the reader scrolls back or asks for it).
     */
    static final int FIRST = 20;
    /** How many messages one "show earlier" (a click, or scrolling to the top of the messages) brings. */
    static final int PAGE = 30;
    /** How many messages one catch-up read asks for at a time (at most 20 reads). */
    static final int CATCH_UP = 50;
    /**
     * The most messages live arrivals and catch-up may leave on the page: past it, the oldest leave (they come back
     * with "show earlier"), so a page open all evening holds no more than this (decision 089). Messages the reader
     * brought in by scrolling back or jumping to the first new one are not taken away until more arrive.
     */
    static final int KEPT = 150;
    /** How long a send may take before the line says "Not sent yet" (if it finishes later, it turns to sent). */
    static final Duration SEND_PATIENCE = Duration.ofSeconds(10);
    /** How long "… is typing" stays without a new sign of typing. */
    static final Duration TYPING_SHOWN = Duration.ofSeconds(5);
    /** Live events are handed to pages on threads of their own (never the sender's, which holds its own session). */
    private static final ExecutorService HANDOFF = Executors.newVirtualThreadPerTaskExecutor();
    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(r -> {
        var t = new Thread(r, "chat-view-timers");
        t.setDaemon(true);
        return t;
    });

    private final ChatService chat;
    private final org.village.chat.ChatMentions mentions;
    private final ChatRendering rendering;
    private final HelpNowService helpNow;
    private final CurrentUser currentUser;
    private final Clock clock;

    private final Div header = new Div();
    /** The worker tools (a moderator only), created when needed (decision 056). */
    private Div tools;
    private final Paragraph presence = new Paragraph();
    private final Paragraph typing = new Paragraph();
    private final Button older = new Button();
    private final Button jump = new Button();
    private final Div logBox = new Div();
    private final OrderedList messages = new OrderedList();
    /** My lines waiting for a moderator, and my lines not stored yet: created when there is one (decision 056). */
    private OrderedList mineWaiting;
    private OrderedList pendingList;
    private final Div announce = new Div();
    /** Where a message's report form or a moderator's pause choice opens (one at a time). */
    private Div actionPanel;
    private final Div composer = new Div();
    private final Div composerNotice = new Div();
    private final TextArea input = new TextArea();
    private final Button send = new Button();

    /**
     * Shown messages by sequence number, without their words: the one truth of what is on screen. Their lines live
     * only in the browser (decision 056): the server sends each line's HTML once and keeps this small record for
     * catch-up, the unread marker and the buttons in a line (report, remove, pause), which are checked again here and
     * in the service.
     */
    private final TreeMap<Long, Chat.Message> shown = new TreeMap<>();
    /** Tests only ({@link #KEEP_HTML_FOR_TESTS}): each shown line's HTML as sent to the browser. */
    private final Map<Long, String> htmlForTests = KEEP_HTML_FOR_TESTS ? new TreeMap<>() : null;
    /** My messages waiting for a moderator (no number yet), by id. */
    private final Map<Long, MessageLine> waiting = new LinkedHashMap<>();
    /** My messages not stored yet, by client id. */
    private final Map<String, PendingLine> pending = new LinkedHashMap<>();
    /** Who typed lately: display name to when it stops showing. */
    private final Map<String, Long> typingUntil = new HashMap<>();
    /** Who is here now (node-local, from presence events), by account. */
    private final Map<Long, String> here = new LinkedHashMap<>();
    /** Names seen in this room (writers and people here), for @mentions. */
    private final Map<String, Long> names = new HashMap<>();

    private long roomId;
    private Chat.Room room;
    /** Attached before: a later attach means the browser has built this page afresh (see {@link #onAttach}). */
    private boolean attachedBefore;
    private boolean moderator;
    private long myId;
    private String myName = "";
    /** Highest sequence number read from the service with nothing missing below it (catch-up asks after this). */
    private long upTo;
    private long firstUnread;
    private boolean moreOlder;
    private ChatFanout.Registration listening;
    private ChatFanout.Registration entered;
    private UI ui;
    private SecurityContext me;
    private long lastTypingSent;
    private long readSoonAt;
    private long lastMarked;
    private boolean sendWired;
    private boolean actionsWired;
    private RoomTools roomTools;
    /**
     * The browser's side of the lines (decision 056), one object per window: {@code put} adds or replaces a line in
     * stored order (a line's HTML is set as {@code innerHTML}, exactly as a server element's property would be: it is
     * made safe on the server), {@code drop} takes lines away, {@code unread} puts the "new messages" marker before a
     * line, {@code clear} empties the list when another room opens in the same view.
     */
    private static final String LINES_JS = """
            window.villageChat = window.villageChat || {
              put(list, seq, mine, html) {
                const n = Number(seq);
                let li = list.querySelector('#chat-m-' + seq);
                if (!li) {
                  li = document.createElement('li');
                  li.id = 'chat-m-' + seq;
                  li.className = mine ? 'chat-message chat-mine' : 'chat-message';
                  li.dataset.seq = seq;
                  const last = list.lastElementChild;
                  let next = null;
                  if (last && !(last.dataset.seq && Number(last.dataset.seq) < n)) {
                    for (const c of list.children) { if (c.dataset.seq && Number(c.dataset.seq) > n) { next = c; break; } }
                    const before = next && next.previousElementSibling;
                    if (before && before.id === 'chat-unread') next = before;
                  }
                  list.insertBefore(li, next);
                }
                li.innerHTML = html;
              },
              drop(list, seqs) {
                for (const s of seqs) { const li = list.querySelector('#chat-m-' + s); if (li) li.remove(); }
              },
              unread(list, seq, text) {
                const old = list.querySelector('#chat-unread'); if (old) old.remove();
                const li = seq ? list.querySelector('#chat-m-' + seq) : null;
                if (!li) return;
                const m = document.createElement('li');
                m.id = 'chat-unread'; m.className = 'chat-unread-marker'; m.tabIndex = -1; m.textContent = text;
                list.insertBefore(m, li);
              },
              clear(list) { list.replaceChildren(); }
            };
            """;
    /** Set by browserless tests before a room opens, to read the lines' HTML the browser would get. */
    static volatile boolean KEEP_HTML_FOR_TESTS;
    private static final String ACT = "event.target.closest('[data-act]').dataset.act";
    private static final String ACT_ID = "event.target.closest('[data-act]').dataset.id";

    ChatRoomView(ChatService chat, org.village.chat.ChatMentions mentions, ChatRendering rendering, HelpNowService helpNow,
                 CurrentUser currentUser, Clock clock) {
        this.chat = chat;
        this.mentions = mentions;
        this.rendering = rendering;
        this.helpNow = helpNow;
        this.currentUser = currentUser;
        this.clock = clock;
        addClassNames("page", "chat-room");
        setId("chat-room");
    }

    // ---- opening ------------------------------------------------------------------------------------------------

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        stopListening();
        removeAll();
        shown.clear();
        waiting.clear();
        pending.clear();
        here.clear();
        names.clear();
        messages.removeAll();
        if (mineWaiting != null) {
            mineWaiting.removeAll();
        }
        if (pendingList != null) {
            pendingList.removeAll();
        }
        upTo = 0;
        lastMarked = 0;
        roomId = number(event.getRouteParameters().get("room").orElse(""));
        var user = currentUser.get();
        myId = user.map(u -> u.id()).orElse(0L);
        myName = user.map(u -> u.displayName()).orElse("");
        me = SecurityContextHolder.getContext();
        Optional<Chat.Room> found = roomId <= 0 ? Optional.empty() : chat.room(roomId);
        if (found.isEmpty()) {
            notFound();
            return;
        }
        room = found.get();
        moderator = chat.canModerate();
        build();
        loadLatest();
        if (isAttached()) {
            startListening(getUI().orElseThrow());
        }
    }

    private void notFound() {
        room = null;
        var title = new H1(getTranslation("chat.view.notFound.title"));
        title.setId("chat-not-found");
        add(title, new Paragraph(getTranslation("chat.view.notFound.text")),
                new Paragraph(new RouterLink(getTranslation("chat.view.allRooms"), ChatRoomsView.class)), helpNow.box());
    }

    private void build() {
        header.removeAll();
        header.addClassName("chat-header");
        header.setId("chat-header");
        showState();

        roomTools = null;
        if (moderator) {
            if (tools == null) {
                tools = new Div();
                tools.setId("chat-tools");
            }
            tools.removeAll();
            roomTools = new RoomTools(chat, room, clock, this::knownPeople, this::reloadRoom);
            tools.add(roomTools);
        }

        presence.setId("chat-presence");
        presence.addClassName("chat-presence");
        typing.setId("chat-typing");
        typing.addClassName("chat-typing");

        TextAsHtml.set(older, getTranslation("chat.view.older"));
        older.setId("chat-older");
        older.addThemeVariants(ButtonVariant.TERTIARY);
        older.addClickListener(e -> loadOlder());
        TextAsHtml.set(jump, getTranslation("chat.view.jumpUnread"));
        jump.setId("chat-jump-unread");
        jump.addThemeVariants(ButtonVariant.TERTIARY);
        jump.addClickListener(e -> jumpToUnread());

        logBox.setId("chat-log");
        logBox.addClassName("chat-log");
        logBox.getElement().setAttribute("role", "region");
        logBox.getElement().setAttribute("aria-label", getTranslation("chat.view.messages"));
        logBox.getElement().setAttribute("tabindex", "0");
        messages.setId("chat-messages");
        messages.addClassName("chat-messages");
        // an empty room says so (the lines live only in the browser, so the words are shown by CSS while it has none)
        messages.getElement().setAttribute("data-empty", getTranslation("chat.view.noMessages"));
        // my waiting and my pending lines, the tools and the action panel join the page when there is something in
        // them (decision 056: each element of an open page is kept on the server for as long as it is open)
        logBox.removeAll();
        logBox.add(older, messages);
        // the lines of a room opened before in this view go (they live only in the browser: decision 056)
        messages.getElement().executeJs(LINES_JS + "window.villageChat.clear(this);");
        if (htmlForTests != null) {
            htmlForTests.clear();
        }
        if (!actionsWired) {
            actionsWired = true;
            // one listener for every message's buttons (each message is one element: decision 083)
            messages.getElement().addEventListener("click", e -> act(e.getEventData().path(ACT).asString(""),
                            number(e.getEventData().path(ACT_ID).asString(""))))
                    .addEventData(ACT).addEventData(ACT_ID).setFilter("event.target.closest('[data-act]') !== null");
        }
        if (actionPanel != null) {
            actionPanel.removeAll();
        }

        // one small polite region: what is put here is read out, not the history around it
        announce.setId("chat-announce");
        announce.addClassName("visually-hidden");
        announce.getElement().setAttribute("role", "status");
        announce.getElement().setAttribute("aria-live", "polite");
        announce.getElement().setAttribute("aria-atomic", "true");

        buildComposer();
        add(header);
        if (moderator) {
            add(tools);
        }
        add(presence, jump, logBox, typing, announce, composer);
    }

    /**
     * The room's header as ONE element (decision 056): the links back to all rooms and to help now, the room's name
     * and description, whether it is open (or when it opens), the worker on duty and slow mode, built as HTML by
     * jsoup (every text from data escaped, as {@code layout.SideLinks} does) and set as one property. Rebuilt whole
     * when the room changes.
     */
    private void showState() {
        header.getElement().setProperty("innerHTML", headerHtml());
    }

    private String headerHtml() {
        var doc = Document.createShell("");
        doc.outputSettings().prettyPrint(false).charset(StandardCharsets.US_ASCII);
        var body = doc.body();
        var nav = body.appendElement("div").addClass("chat-nav");
        nav.appendElement("a").addClass("chat-back").attr("href", RouteConfiguration.forSessionScope().getUrl(ChatRoomsView.class))
                .attr("router-link", "").text(getTranslation("chat.view.allRooms"));
        nav.appendElement("a").id("chat-help-now").addClass("chat-help-link").attr("href", "help-now")
                .text(getTranslation("chat.view.helpNow"));
        body.appendElement("h1").id("chat-title").text(room.name());
        if (room.description() != null && !room.description().isBlank()) {
            body.appendElement("p").addClass("chat-about").text(room.description());
        }
        var state = body.appendElement("div").addClass("chat-state").id("chat-state");
        if (room.open()) {
            state.appendElement("p").addClass("chat-open").text(room.closesAt() == null ? getTranslation("chat.view.openNow")
                    : getTranslation("chat.view.openUntil", ChatUi.when(this, room.closesAt(), clock.instant())));
        } else if (!room.readOnly()) {
            state.appendElement("p").id("chat-closed").addClass("notice").addClass("warning").addClass("chat-closed")
                    .text(room.opensAt() == null ? getTranslation("chat.view.closedNoTime")
                            : getTranslation("chat.view.closedUntil", ChatUi.when(this, room.opensAt(), clock.instant())));
        }
        List<String> duty = onDuty();
        if (!duty.isEmpty()) {
            state.appendElement("p").id("chat-duty").addClass("notice").addClass("chat-duty")
                    .text(getTranslation("chat.view.onDuty", String.join(", ", duty)));
        }
        if (room.slowModeSeconds() > 0) {
            state.appendElement("p").id("chat-slow").addClass("chat-slow")
                    .text(getTranslation("chat.view.slowMode", room.slowModeSeconds()));
        }
        return body.html();
    }

    /** The room's name as the header shows it (tests). */
    String title() {
        return Jsoup.parseBodyFragment(header.getElement().getProperty("innerHTML", "")).select("#chat-title").text();
    }

    private List<String> onDuty() {
        try {
            return chat.onDuty();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private boolean mayWrite() {
        return moderator || room.open() && room.mutedUntil() == null;
    }

    private void buildComposer() {
        composer.removeAll();
        composer.setId("chat-composer");
        composer.addClassName("chat-composer");
        composerNotice.setId("chat-composer-notice");
        composerNotice.getElement().setAttribute("aria-live", "polite");
        composerNotice.removeAll();
        composerNotice.removeClassNames("notice", "warning");
        if (!mayWrite()) {
            String text = room.mutedUntil() != null && room.open()
                    ? getTranslation("chat.view.muted", ChatUi.when(this, room.mutedUntil(), clock.instant()))
                    : getTranslation(room.readOnly() ? "chat.view.readOnly" : "chat.view.closedWrite");
            var why = new Paragraph(text);
            why.addClassNames("notice", "chat-read-only");
            why.setId("chat-read-only");
            composer.add(why, helpNow.box());
            return;
        }
        input.setLabel(getTranslation("chat.view.inputLabel"));
        input.setHelperText(getTranslation("chat.view.inputHelp", Chat.MAX_CHARS));
        input.setId("chat-input");
        input.setMaxLength(Chat.MAX_CHARS + 1000); // over the limit is told kindly, not cut off
        input.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        input.addClassName("chat-input");
        TextAsHtml.set(send, getTranslation("chat.view.send"));
        send.setId("chat-send");
        send.addThemeVariants(ButtonVariant.PRIMARY);
        if (!sendWired) {
            sendWired = true;
            send.addClickListener(e -> sendFromBox());
        }
        var row = new Div(input, send);
        row.addClassName("chat-compose-row");
        composer.add(composerNotice, row);
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    private void loadLatest() {
        long lastRead = room.lastRead();
        var got = chat.latest(roomId, FIRST);
        for (var m : got) {
            put(m, false);
        }
        upTo = got.isEmpty() ? room.lastSeq() : Math.max(got.getLast().seq(), 0);
        moreOlder = !got.isEmpty() && got.getFirst().seq() > 1;
        // the first message after what I last read, written by someone else
        firstUnread = 0;
        if (lastRead < upTo) {
            firstUnread = chat.history(roomId, lastRead, Chat.HISTORY_MAX).stream()
                    .filter(m -> m.authorId() != myId && m.seq() != null).mapToLong(Chat.Message::seq).findFirst().orElse(0);
        }
        for (var m : chat.waiting(roomId)) {
            putWaiting(m);
        }
        markUnread();
        older.setVisible(moreOlder);
        catchUp();
        if (roomTools != null) {
            roomTools.refreshPeople();
        }
    }

    /** Shows 50 more, older than the oldest shown. */
    private void loadOlder() {
        if (shown.isEmpty()) {
            older.setVisible(false);
            return;
        }
        long oldest = shown.firstKey();
        var got = chat.older(roomId, oldest, PAGE);
        for (var m : got) {
            put(m, false);
        }
        moreOlder = !got.isEmpty() && got.getFirst().seq() > 1;
        older.setVisible(moreOlder);
        markUnread();
    }

    private void jumpToUnread() {
        if (firstUnread <= 0) {
            return;
        }
        // bring it in if it is older than what is shown (bounded: at most 10 pages)
        for (int i = 0; i < 10 && moreOlder && (shown.isEmpty() || shown.firstKey() > firstUnread); i++) {
            loadOlder();
        }
        getElement().executeJs("""
                const m = this.querySelector('#chat-unread');
                if (m) { m.scrollIntoView({block: 'center'}); m.focus(); }""");
    }

    /**
     * Asks the service for everything after the highest number read with nothing missing, and adds it (no
     * duplicates: by sequence number). Run when the page opens, when the push connection comes back, when the tab
     * wakes up, and when a live message shows a gap. Bounded: at most 20 pages at a time.
     */
    @ClientCallable
    void catchUp() {
        if (room == null) {
            return;
        }
        for (int i = 0; i < 20; i++) {
            var got = chat.history(roomId, upTo, CATCH_UP);
            for (var m : got) {
                put(m, true);
            }
            if (!got.isEmpty()) {
                upTo = Math.max(upTo, got.getLast().seq());
            }
            if (got.size() < CATCH_UP) {
                break;
            }
        }
        keepWindow();
        markRead();
    }

    /** Past {@link #KEPT} messages on the page, the oldest leave ("show earlier" brings them back). */
    private void keepWindow() {
        if (shown.size() <= KEPT) {
            return;
        }
        var gone = new ArrayList<String>();
        while (shown.size() > KEPT) {
            long seq = shown.pollFirstEntry().getKey();
            gone.add(Long.toString(seq));
            if (htmlForTests != null) {
                htmlForTests.remove(seq);
            }
        }
        messages.getElement().executeJs("window.villageChat.drop(this, JSON.parse($0))",
                gone.stream().map(g -> "\"" + g + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]")));
        moreOlder = true;
        older.setVisible(true);
        markUnread();
    }

    /** Tells the service what I have seen (for my unread marker next time); never fails the page. */
    private void markRead() {
        if (room == null || shown.isEmpty() || shown.lastKey() <= lastMarked) {
            return;
        }
        try {
            chat.markRead(roomId, shown.lastKey());
            lastMarked = shown.lastKey();
        } catch (RuntimeException e) {
            log.debug("the last read message could not be kept", e);
        }
    }

    // ---- showing ------------------------------------------------------------------------------------------------

    /** Adds or updates one stored, numbered message; {@code live} announces a new one from someone else. */
    void put(Chat.Message m, boolean live) {
        if (m.seq() == null) {
            if (m.authorId() == myId) {
                putWaiting(m);
            }
            return;
        }
        names.putIfAbsent(m.author(), m.authorId());
        // my message that waited for a moderator is approved: it leaves the waiting list
        var wasWaiting = waiting.remove(m.id());
        if (wasWaiting != null) {
            mineWaiting().remove(wasWaiting);
        }
        var before = shown.put(m.seq(), MessageLine.compact(m));
        if (before != null) {
            if (before.status() != m.status()) {
                showLine(m);
            }
            return;
        }
        showLine(m);
        // my own message, stored: the pending line goes
        if (m.authorId() == myId && m.clientId() != null) {
            var p = pending.remove(m.clientId());
            if (p != null) {
                pendingList().remove(p);
            }
        }
        if (live && m.authorId() != myId && !m.deleted()) {
            announce.setText(getTranslation("chat.view.announce", m.author(), plain(m.body())));
        }
    }

    private OrderedList mineWaiting() {
        if (mineWaiting == null) {
            mineWaiting = new OrderedList();
            mineWaiting.setId("chat-waiting");
            mineWaiting.addClassName("chat-messages");
        }
        return mineWaiting;
    }

    private OrderedList pendingList() {
        if (pendingList == null) {
            pendingList = new OrderedList();
            pendingList.setId("chat-pending");
            pendingList.addClassName("chat-messages");
        }
        return pendingList;
    }

    /** Draws every line this view has shown again, in stored order, with the unread marker: the browser lost them. */
    private void redrawLines() {
        if (room == null) {
            return;
        }
        messages.getElement().executeJs(LINES_JS + "window.villageChat.clear(this);");
        if (htmlForTests != null) {
            htmlForTests.clear();
        }
        if (shown.isEmpty()) {
            markUnread();
            return;
        }
        // the view keeps no words (decision 056): they are read again, the shown numbers only, as this person
        long first = shown.firstKey();
        int span = (int) Math.min(Chat.HISTORY_MAX, shown.lastKey() - first + 1);
        Map<Long, Chat.Message> words = new HashMap<>();
        try {
            chat.history(roomId, first - 1, span).forEach(m -> words.put(m.seq(), m));
        } catch (RuntimeException e) {
            log.debug("Chat lines could not be read again after the page was rebuilt ({})", e.getClass().getSimpleName());
        }
        shown.forEach((seq, kept) -> showLine(words.getOrDefault(seq, kept)));
        markUnread();
    }

    /** Sends one stored line's HTML to the browser, which puts it in stored order or replaces it. */
    private void showLine(Chat.Message m) {
        boolean mine = m.authorId() == myId;
        String inner = MessageLine.inner(this, m, mine, html(m), clock.instant(), moderator);
        messages.getElement().executeJs("window.villageChat.put(this, $0, $1, $2)", Long.toString(m.seq()), mine, inner);
        if (htmlForTests != null) {
            htmlForTests.put(m.seq(), inner);
        }
    }

    private void putWaiting(Chat.Message m) {
        var p = pending.remove(m.clientId());
        if (p != null) {
            pendingList().remove(p);
        }
        if (waiting.containsKey(m.id())) {
            return;
        }
        var line = new MessageLine(m, true, html(m), clock.instant(), false);
        waiting.put(m.id(), line);
        if (mineWaiting().getParent().isEmpty()) {
            logBox.addComponentAtIndex(logBox.indexOf(messages) + 1, mineWaiting);
        }
        mineWaiting.add(line);
    }

    private String html(Chat.Message m) {
        if (m.deleted()) {
            return "";
        }
        String prefix = "chat-" + (m.seq() == null ? "w" + m.id() : Long.toString(m.seq())) + "-";
        return ChatUi.markMentions(rendering.html(m.body(), prefix), names.keySet(), myName);
    }

    private static String plain(String body) {
        String text = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private void markUnread() {
        jump.setVisible(firstUnread > 0);
        boolean there = shown.containsKey(firstUnread);
        messages.getElement().executeJs("window.villageChat.unread(this, $0, $1)", there ? Long.toString(firstUnread) : "",
                getTranslation("chat.view.unreadMarker"));
    }

    /** People known in this room (writers seen, people here), for the worker tools. */
    private Map<String, Long> knownPeople() {
        var out = new TreeMap<String, Long>(String.CASE_INSENSITIVE_ORDER);
        names.forEach((name, id) -> {
            if (id != myId) {
                out.put(name, id);
            }
        });
        here.forEach((id, name) -> {
            if (id != myId) {
                out.put(name, id);
            }
        });
        return out;
    }

    // ---- writing ------------------------------------------------------------------------------------------------

    private void sendFromBox() {
        String text = input.getValue() == null ? "" : input.getValue();
        if (text.isBlank()) {
            problem(getTranslation("chat.view.problem.empty"));
            return;
        }
        // the same words as a message that did not go: that is a retry, with its client id (never a second copy)
        var again = pending.values().stream().filter(p -> p.text().equals(text)).findFirst();
        input.setInvalid(false);
        input.clear();
        input.focus();
        composerNotice.removeAll();
        composerNotice.removeClassNames("notice", "warning");
        if (again.isPresent()) {
            trySend(again.get());
            return;
        }
        String clientId = UUID.randomUUID().toString();
        var line = new PendingLine(clientId, text, myName, () -> trySend(pending.get(clientId)));
        pending.put(clientId, line);
        if (pendingList().getParent().isEmpty()) {
            logBox.add(pendingList);
        }
        pendingList.add(line);
        scrollToEnd();
        trySend(line);
    }

    /** Sends on a thread of its own, so "Sending…" is on screen at once; the answer comes back through push. */
    private void trySend(PendingLine line) {
        if (line == null) {
            return;
        }
        line.show(PendingLine.State.SENDING);
        UI here = UI.getCurrent();
        var context = SecurityContextHolder.getContext();
        var done = new CompletableFuture<Chat.Sent>();
        HANDOFF.execute(() -> {
            SecurityContextHolder.setContext(context);
            try {
                done.complete(sender.send(chat, roomId, line.clientId(), line.text()));
            } catch (Throwable t) {
                done.completeExceptionally(t);
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        done.copy().orTimeout(SEND_PATIENCE.toMillis(), TimeUnit.MILLISECONDS).whenComplete((answer, failure) -> {
            if (failure != null) {
                here.access(() -> failed(line));
            }
        });
        done.whenComplete((answer, failure) -> {
            if (failure == null && answer != null) {
                here.access(() -> answered(line, answer));
            } else if (failure != null) {
                log.debug("a chat message could not be sent yet", failure);
            }
        });
    }

    private void answered(PendingLine line, Chat.Sent answer) {
        switch (answer) {
            case Chat.Stored stored -> {
                if (pending.remove(line.clientId()) != null) {
                    pendingList().remove(line);
                }
                put(stored.message(), false);
                if (stored.message().seq() != null && stored.message().seq() == upTo + 1) {
                    upTo = stored.message().seq();
                }
                if (stored.message().waiting()) {
                    writerNotice(stored.urgent());
                } else if (!stored.again()) {
                    tellMentioned(stored.message());
                }
                scrollToEnd();
                markRead();
            }
            case Chat.Refused refused -> {
                // refused (muted, slow mode, too long, closed…): the words go back into the box, with the reason
                if (pending.remove(line.clientId()) != null) {
                    pendingList().remove(line);
                }
                if (input.getValue().isEmpty()) {
                    input.setValue(line.text());
                }
                problem(refused.message(getLocale()));
                if (refused.refusal() == Chat.Refusal.CLOSED || refused.refusal() == Chat.Refusal.READ_ONLY
                        || refused.refusal() == Chat.Refusal.MUTED) {
                    reloadRoom();
                }
            }
        }
    }

    private void tellMentioned(Chat.Message message) {
        try {
            asMe(me, () -> mentions.tell(room, message, Map.copyOf(names), java.util.Set.copyOf(here.keySet())));
        } catch (RuntimeException e) {
            log.debug("people mentioned could not be told", e);
        }
    }

    /** Held or urgent: said calmly in the writer's own words region; urgent shows 999 and help now first. */
    private void writerNotice(boolean urgent) {
        composerNotice.removeAll();
        composerNotice.addClassNames("notice", "warning");
        var words = new Paragraph(getTranslation(urgent ? "chat.sent.urgent" : "chat.sent.held"));
        words.setId("chat-held-notice");
        composerNotice.add(words);
        if (urgent) {
            composerNotice.add(helpNow.box());
        }
    }

    private void failed(PendingLine line) {
        if (!pending.containsKey(line.clientId()) || line.state() == PendingLine.State.FAILED) {
            return; // stored meanwhile, or already said
        }
        line.show(PendingLine.State.FAILED);
        if (input.getValue().isEmpty()) {
            input.setValue(line.text());
        }
        announce.setText(getTranslation("chat.view.failedAnnounce"));
    }

    private void problem(String words) {
        input.setErrorMessage(words);
        input.setInvalid(true);
        input.focus();
    }

    private void scrollToEnd() {
        logBox.getElement().executeJs("this.scrollTop = this.scrollHeight");
    }

    /** Typing, told at most every three seconds by the browser. */
    @ClientCallable
    void typing() {
        long now = clock.millis();
        if (room == null || now - lastTypingSent < 2_500) {
            return;
        }
        lastTypingSent = now;
        try {
            chat.typing(roomId);
        } catch (RuntimeException e) {
            log.debug("typing could not be told", e);
        }
    }

    // ---- moderating and reporting -------------------------------------------------------------------------------

    /**
     * A button in a message: report it, remove it, or pause its writer. The message is looked up among those on this
     * page (an id from elsewhere does nothing), and the service checks again who may do what.
     */
    void act(String what, long messageId) {
        var m = shown.values().stream().filter(x -> x.id() == messageId).findFirst().orElse(null);
        if (m == null || m.deleted()) {
            return;
        }
        switch (what) {
            case "report" -> {
                if (m.authorId() != myId) {
                    openPanel(new ChatReport(m.id(), m.author(), this::report, this::closePanel));
                }
            }
            case "delete" -> {
                if (moderator) {
                    deleteMessage(m);
                }
            }
            case "mute" -> {
                if (moderator && m.authorId() != myId) {
                    openPanel(new MutePanel(m, this::muteAuthor, this::closePanel));
                }
            }
            default -> {
            }
        }
    }

    private void openPanel(Component panel) {
        if (actionPanel == null) {
            actionPanel = new Div();
            actionPanel.setId("chat-action");
        }
        if (actionPanel.getParent().isEmpty()) {
            addComponentAtIndex(indexOf(logBox) + 1, actionPanel);
        }
        actionPanel.removeAll();
        actionPanel.add(panel);
        panel.getElement().executeJs("const h = this.querySelector('[tabindex=\"-1\"]'); if (h) { h.scrollIntoView({block: 'center'}); h.focus(); }");
    }

    private void closePanel(String said) {
        if (actionPanel == null) {
            return;
        }
        actionPanel.removeAll();
        if (said != null && !said.isEmpty()) {
            var thanks = new Paragraph(said);
            thanks.setId("chat-action-done");
            thanks.getElement().setAttribute("role", "status");
            actionPanel.add(thanks);
        }
        logBox.getElement().callJsFunction("focus");
    }

    private void deleteMessage(Chat.Message m) {
        try {
            chat.delete(m.id(), null);
            announce.setText(getTranslation("chat.tools.deleted"));
        } catch (InputProblem problem) {
            announce.setText(problem.message(getLocale()));
        }
    }

    private String muteAuthor(Chat.Message m, Duration forHowLong) {
        chat.mute(roomId, m.authorId(), forHowLong);
        return getTranslation("chat.tools.muted", m.author());
    }

    private String report(ChatReport.Report r) {
        chat.report(r.messageId(), r.reason(), r.text());
        return getTranslation("chat.view.reported");
    }

    private void reloadRoom() {
        chat.room(roomId).ifPresentOrElse(r -> {
            boolean wrote = mayWrite();
            room = r;
            showState();
            if (wrote != mayWrite()) {
                String kept = input.getValue();
                buildComposer();
                input.setValue(kept == null ? "" : kept);
            }
        }, () -> {
            // removed from the room meanwhile
            stopListening();
            removeAll();
            notFound();
        });
    }

    // ---- live ---------------------------------------------------------------------------------------------------

    private void onEvent(ChatEvent event) {
        if (room == null) {
            return;
        }
        switch (event) {
            case ChatEvent.MessageStored s -> {
                Long seq = s.message().seq();
                if (seq == null) {
                    return;
                }
                put(s.message(), true);
                if (seq == upTo + 1) {
                    upTo = seq;
                    keepWindow();
                } else if (seq > upTo + 1) {
                    catchUp(); // a gap: read what is missing, in order
                }
                getElement().executeJs("const l = this.querySelector('#chat-log');"
                        + " if (l && l.__chatAtEnd !== false) l.scrollTop = l.scrollHeight;");
                markReadSoon();
            }
            case ChatEvent.MessageChanged c -> {
                Long seq = c.message().seq();
                if (seq != null && shown.containsKey(seq)) {
                    shown.put(seq, MessageLine.compact(c.message()));
                    showLine(c.message());
                }
            }
            case ChatEvent.RoomChanged r -> reloadRoom();
            case ChatEvent.Presence p -> {
                if (p.here()) {
                    here.put(p.accountId(), p.name());
                    names.putIfAbsent(p.name(), p.accountId());
                } else {
                    refreshPresence();
                }
                showPresence();
            }
            case ChatEvent.Typing t -> showTyping(t.accountId(), t.name());
            case ChatEvent.PresenceRenewed r -> {
                // presence keeps itself fresh; when that changes who is here, a Presence event says so
            }
        }
    }

    private void markReadSoon() {
        long now = clock.millis();
        if (now - readSoonAt > 2_000) {
            readSoonAt = now;
            markRead();
        }
    }

    private void refreshPresence() {
        here.clear();
        try {
            for (var p : chat.present(roomId)) {
                here.put(p.accountId(), p.name());
                names.putIfAbsent(p.name(), p.accountId());
            }
        } catch (RuntimeException e) {
            log.debug("presence could not be read", e);
        }
    }

    private void showPresence() {
        TextAsHtml.set(presence, here.isEmpty() ? "" : getTranslation("chat.view.here", String.join(", ", here.values())));
    }

    private void showTyping(long accountId, String who) {
        if (who == null || accountId == myId) {
            return;
        }
        typingUntil.put(who, clock.millis() + TYPING_SHOWN.toMillis());
        renderTyping();
        UI at = ui;
        TIMERS.schedule(() -> {
            try {
                at.access(this::renderTyping);
            } catch (com.vaadin.flow.component.UIDetachedException gone) {
                // the page closed meanwhile
            }
        }, TYPING_SHOWN.toMillis() + 100, TimeUnit.MILLISECONDS);
    }

    private void renderTyping() {
        long now = clock.millis();
        typingUntil.values().removeIf(until -> until < now);
        var who = new ArrayList<>(typingUntil.keySet());
        TextAsHtml.set(typing, who.isEmpty() ? "" : who.size() == 1 ? getTranslation("chat.view.typingOne", who.getFirst())
                : getTranslation("chat.view.typingMany", String.join(", ", who)));
    }

    private void startListening(UI attachedTo) {
        ui = attachedTo;
        if (room == null || listening != null) {
            return;
        }
        SecurityContext context = me;
        listening = chat.listen(roomId, event -> HANDOFF.execute(() -> {
            try {
                // the page's own person, on this thread too: catch-up and re-reading the room ask the service as them
                attachedTo.access(() -> asMe(context, () -> onEvent(event)));
            } catch (com.vaadin.flow.component.UIDetachedException gone) {
                // the page closed while the message was on its way
            }
        }));
        entered = chat.enter(roomId);
        refreshPresence();
        showPresence();
    }

    private static void asMe(SecurityContext context, Runnable work) {
        var before = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    private void stopListening() {
        if (listening != null) {
            listening.remove();
            listening = null;
        }
        if (entered != null) {
            entered.remove();
            entered = null;
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        startListening(event.getUI());
        if (attachedBefore) {
            // attached again: Vaadin rebuilt the page in the browser (a resynchronisation after a lost message, as on
            // a phone waking up, detaches and attaches every component, and calls it an initial attach), and the
            // lines live only in the browser (decision 056), so they are drawn again from what this view has shown
            redrawLines();
        }
        attachedBefore = true;
        // Enter sends (Shift and Enter: a new line); typing is told at most every three seconds; when the push
        // connection comes back or the tab wakes up, the page asks for what it missed
        getElement().executeJs("""
                const view = this;
                const input = view.querySelector('#chat-input');
                if (input && !input.__chatKeys) {
                  input.__chatKeys = true;
                  let told = 0;
                  input.addEventListener('keydown', e => {
                    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
                      e.preventDefault();
                      input.dispatchEvent(new Event('change'));
                      const b = view.querySelector('#chat-send'); if (b) b.click();
                    }
                  });
                  input.addEventListener('input', () => {
                    const now = Date.now();
                    if (now - told > 3000) { told = now; view.$server.typing(); }
                  });
                }
                const log = view.querySelector('#chat-log');
                if (log && !log.__chatScroll) {
                  log.__chatScroll = true;
                  log.addEventListener('scroll', () => {
                    log.__chatAtEnd = log.scrollHeight - log.scrollTop - log.clientHeight < 80;
                    // scrolled back to the top: the earlier messages come in, as "Show earlier messages" would
                    const more = view.querySelector('#chat-older');
                    const now = Date.now();
                    if (log.scrollTop < 40 && more && !more.hidden && now - (log.__chatOlderAt || 0) > 1500) {
                      log.__chatOlderAt = now;
                      more.click();
                    }
                  });
                  log.scrollTop = log.scrollHeight;
                }
                if (!view.__chatWake) {
                  view.__chatWake = true;
                  const wake = () => { if (view.isConnected && view.$server) { try { view.$server.catchUp(); } catch (e) { } } };
                  const state = window.Vaadin && window.Vaadin.connectionState;
                  if (state && state.addStateChangeListener) {
                    // only after a real break: each ordinary request goes loading -> connected too
                    state.addStateChangeListener((before, now) => {
                      if (now === 'connected' && (before === 'reconnecting' || before === 'connection-lost')) wake();
                    });
                  }
                  document.addEventListener('visibilitychange', () => { if (!document.hidden) wake(); });
                  window.addEventListener('online', wake);
                }""");
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopListening();
        super.onDetach(event);
    }

    static long number(String text) {
        try {
            return text.length() > 18 ? -1 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // ---- for tests ----------------------------------------------------------------------------------------------

    /** How a send reaches the service; tests replace it to see "Not sent yet" and Retry. */
    interface Sender {
        Chat.Sent send(ChatService chat, long roomId, String clientId, String body);
    }

    private Sender sender = ChatService::send;

    void useSender(Sender sender) {
        this.sender = sender;
    }

    /** The sequence numbers on screen, in order. */
    List<Long> shownSeqs() {
        return List.copyOf(shown.keySet());
    }

    /** The lines' HTML as sent to the browser, in stored order (only with {@link #KEEP_HTML_FOR_TESTS}). */
    String linesHtml() {
        return String.join("", htmlForTests.values());
    }

    /** How many stored lines the browser holds (only with {@link #KEEP_HTML_FOR_TESTS}). */
    int linesOnPage() {
        return htmlForTests.size();
    }

    Map<String, PendingLine.State> pendingStates() {
        var out = new LinkedHashMap<String, PendingLine.State>();
        pending.forEach((k, v) -> out.put(k, v.state()));
        return out;
    }

    /** Runs a live event as if the fan-out delivered it (tests). */
    void deliver(ChatEvent event) {
        onEvent(event);
    }
}
