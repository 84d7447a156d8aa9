package org.village.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Links made from addresses that staff typed or a directory feed sent. Only {@code http}/{@code https}
 * web addresses, plain e-mail addresses and phone numbers become links; anything else (a
 * {@code javascript:} or {@code data:} address, text with markup in it) is shown as plain text, never as
 * something a parent can click (decision 031).
 */
public final class SafeLinks {

    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9.!#$%*+/=?^_`{|}~'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{3,25}$");

    private SafeLinks() {
    }

    /** The address to link to, when it is an http or https address with a host; empty otherwise. */
    public static Optional<String> webAddress(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String a = address.strip();
        try {
            var uri = new URI(a);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank()) {
                return Optional.of(a);
            }
        } catch (URISyntaxException e) {
            // not an address: shown as text
        }
        return Optional.empty();
    }

    /** {@code mailto:} for a plain e-mail address; empty otherwise. */
    public static Optional<String> mailto(String email) {
        return email != null && EMAIL.matcher(email.strip()).matches()
                ? Optional.of("mailto:" + email.strip()) : Optional.empty();
    }

    /** {@code tel:} for something that looks like a phone number; empty otherwise. */
    public static Optional<String> tel(String phone) {
        return phone != null && PHONE.matcher(phone.strip()).matches()
                ? Optional.of("tel:" + phone.strip().replaceAll("[ ()-]", "")) : Optional.empty();
    }

    /** A link to the address when it is safe, or the text alone when it is not. */
    public static Component linkOrText(Optional<String> href, String text) {
        return href.<Component>map(h -> new Anchor(h, text)).orElseGet(() -> new Span(text));
    }
}
