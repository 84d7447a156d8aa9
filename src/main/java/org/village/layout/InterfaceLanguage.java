package org.village.layout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.village.security.AccountService;

/**
 * The interface language, chosen once and remembered (decision 065): in a cookie for everyone (only the code,
 * SameSite=Lax) and on the account of someone signed in, which wins and follows them to other devices. Every new
 * UI takes its locale from it, and the page's {@code <html lang>} follows, so screen readers pronounce it right.
 * Nothing chosen yet: Vaadin's own match of the browser's languages stays.
 */
@Component
public class InterfaceLanguage implements VaadinServiceInitListener {

    /** A language the interface is written in, named in its own words. */
    public record Choice(String code, String name) {
        public Locale locale() {
            return Locale.of(code);
        }
    }

    public static final List<Choice> CHOICES = List.of(new Choice("en", "English"), new Choice("pl", "Polski"));

    static final String COOKIE = "village-language";

    private final AccountService accounts;

    InterfaceLanguage(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            var ui = init.getUI();
            var fromCookie = cookie(VaadinRequest.getCurrent());
            var fromAccount = accounts.chosenLanguage().flatMap(InterfaceLanguage::choice);
            if (fromAccount.isEmpty() && fromCookie.isPresent()) {
                // chosen before signing in: the account remembers it from now on
                accounts.rememberLanguage(fromCookie.get().code());
            }
            fromAccount.or(() -> fromCookie).ifPresent(choice -> {
                if (fromCookie.isEmpty() || !fromCookie.get().equals(choice)) {
                    writeCookie(choice);
                }
                ui.setLocale(choice.locale());
            });
            setHtmlLang(ui);
        });
    }

    /** The choice a person makes with the language button: kept, then the page is drawn again in it. */
    public void choose(UI ui, String code) {
        var choice = choice(code).orElseThrow(() -> new IllegalArgumentException("no such interface language"));
        writeCookie(choice);
        accounts.rememberLanguage(choice.code());
        ui.setLocale(choice.locale());
        ui.getPage().reload();
    }

    /** The interface language of this UI: one of {@link #CHOICES}, English when the locale is another. */
    public static Choice current(UI ui) {
        return choice(ui.getLocale() == null ? "en" : ui.getLocale().getLanguage()).orElse(CHOICES.getFirst());
    }

    static Optional<Choice> choice(String code) {
        return CHOICES.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    private static Optional<Choice> cookie(VaadinRequest request) {
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies()).filter(c -> COOKIE.equals(c.getName())).findFirst()
                .flatMap(c -> choice(c.getValue()));
    }

    private static void writeCookie(Choice choice) {
        VaadinResponse response = VaadinService.getCurrentResponse();
        VaadinRequest request = VaadinService.getCurrentRequest();
        if (response == null) {
            return;
        }
        var cookie = new Cookie(COOKIE, choice.code());
        cookie.setPath("/");
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setHttpOnly(true);
        cookie.setSecure(request != null && request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    private static void setHtmlLang(UI ui) {
        ui.getPage().executeJs("document.documentElement.lang = $0", current(ui).code());
    }
}
