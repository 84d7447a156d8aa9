package org.village.moderation.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.village.moderation.UrgentAlerts;
import org.village.security.RunAs;
import org.village.shared.InputProblem;
import org.village.shared.Times;

/**
 * The live urgent-alert banner on every page of a person who takes duty (decision 047): when an urgent item is
 * alerted to them it appears at once, without reloading (Vaadin push), with role=alert, a short sound they can switch
 * off (the choice is kept in this browser), a link to the item and "I'm looking at it". It sits at the bottom of the
 * screen, so the quick exit at the top is never covered.
 */
class UrgentBanner extends Div {

    static final String SOUND_KEY = "village.urgent-sound";
    /** A short two-tone beep made in the browser (no sound file); silent when switched off or when audio is refused. */
    private static final String BEEP = """
            try {
              if (localStorage.getItem($0) === 'off') { return; }
              const C = window.AudioContext || window.webkitAudioContext;
              const c = new C();
              [0, 0.25].forEach((t, i) => {
                const o = c.createOscillator(); const g = c.createGain();
                o.frequency.value = i === 0 ? 880 : 660; g.gain.value = 0.15;
                o.connect(g); g.connect(c.destination);
                o.start(c.currentTime + t); o.stop(c.currentTime + t + 0.2);
              });
              setTimeout(() => c.close(), 1000);
            } catch (e) { }
            """;

    /** At most this many alerts show in the banner at once. */
    static final int SHOWN = 2;

    private final UrgentAlerts alerts;
    private final Div region = new Div();
    private final Div items = new Div();
    private final Button sound = new Button();
    private final Set<Long> seen = new HashSet<>();
    private boolean soundOn = true;
    private Registration subscription;

    UrgentBanner(UrgentAlerts alerts) {
        this.alerts = alerts;
        setId("urgent-banner");
        addClassName("urgent-banner");
        region.setId("urgent-alerts");
        region.getElement().setAttribute("role", "alert");
        sound.setId("urgent-sound");
        sound.addThemeVariants(ButtonVariant.TERTIARY);
        sound.addClassName("urgent-sound");
        sound.addClickListener(e -> {
            soundOn = !soundOn;
            getElement().executeJs("try { localStorage.setItem($0, $1); } catch (e) { }", SOUND_KEY, soundOn ? "on" : "off");
            showSound();
        });
        region.add(items);
        add(region, sound);
        showSound();
    }

    private void showSound() {
        sound.setText(getTranslation(soundOn ? "duty.banner.soundOn" : "duty.banner.soundOff"));
        sound.getElement().setAttribute("aria-pressed", Boolean.toString(soundOn));
    }

    /** Reads what waits for this person; rings when something new arrived while the page was open. */
    void refresh(boolean live) {
        List<UrgentAlerts.Alert> mine;
        try {
            mine = alerts.mine();
        } catch (RuntimeException e) {
            mine = List.of(); // signed out, or no longer takes duty
        }
        items.removeAll();
        boolean arrived = false;
        for (var alert : mine) {
            arrived |= seen.add(alert.id());
        }
        // the newest first, and never more than SHOWN: on a phone a pile of alerts would cover the page; the rest
        // are one tap away on Today, oldest first
        var newestFirst = new java.util.ArrayList<>(mine);
        java.util.Collections.reverse(newestFirst);
        newestFirst.stream().limit(SHOWN).forEach(alert -> items.add(item(alert)));
        if (mine.size() > SHOWN) {
            int more = mine.size() - SHOWN;
            var words = new Span(more == 1 ? getTranslation("duty.banner.more.one")
                    : getTranslation("duty.banner.more.many", more));
            words.addClassName("urgent-words");
            var all = new Anchor("today", getTranslation("duty.banner.all"));
            all.addClassName("urgent-open");
            var line = new Div(words, all);
            line.addClassName("urgent-item");
            line.addClassName("urgent-more");
            items.add(line);
        }
        getStyle().set("display", mine.isEmpty() ? "none" : "flex");
        if (live && arrived) {
            getElement().executeJs(BEEP, SOUND_KEY);
        }
    }

    private Div item(UrgentAlerts.Alert alert) {
        var item = new Div();
        item.addClassName("urgent-item");
        item.getElement().setAttribute("data-alert", Long.toString(alert.id()));
        var words = new Span(getTranslation("duty.banner.text", getTranslation("duty.risk." + alert.risk().name()),
                Times.time(alert.raisedAt())));
        words.addClassName("urgent-words");
        var open = new Anchor(alert.link(), getTranslation("duty.banner.open"));
        open.addClassName("urgent-open");
        var ack = new Button(getTranslation("duty.banner.ack"), e -> acknowledge(alert.id()));
        ack.addClassName("urgent-ack");
        ack.setDisableOnClick(true);
        ack.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        item.add(words, open, ack);
        return item;
    }

    private void acknowledge(long id) {
        try {
            alerts.acknowledge(id);
        } catch (InputProblem e) {
            // gone meanwhile: the refresh below shows what is left
        }
        refresh(false);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        getElement().executeJs("try { return localStorage.getItem($0); } catch (e) { return null; }", SOUND_KEY)
                .then(String.class, v -> {
                    soundOn = !"off".equals(v);
                    showSound();
                });
        // the page keeps room at its foot as tall as the banner, so nothing (a button, a focused field) is ever hidden
        // under it: WCAG 2.4.11 focus not obscured (village.css uses --village-urgent-room)
        getElement().executeJs("""
                const el = this;
                const room = () => document.documentElement.style.setProperty('--village-urgent-room',
                    (getComputedStyle(el).display === 'none' ? 0 : Math.ceil(el.getBoundingClientRect().height)) + 'px');
                if (window.ResizeObserver) { new ResizeObserver(room).observe(el); }
                room();
                """);
        seen.clear();
        refresh(false);
        // the push thread has nobody signed in: it reads as the person this page belongs to
        Authentication me = SecurityContextHolder.getContext().getAuthentication();
        subscription = alerts.subscribe(() -> ui.access(() -> RunAs.as(me, () -> refresh(true))));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
        super.onDetach(event);
    }
}
