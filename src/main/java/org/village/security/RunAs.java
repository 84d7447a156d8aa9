package org.village.security;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Work done on a thread where nobody is signed in (a push, a STOMP frame, a start-up job) as a given person, so the
 * services make the same checks as for that person's own pages.
 */
public final class RunAs {

    private RunAs() {
    }

    /** A signed-in person for the security context. */
    public static Authentication of(VillageUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    /** This thread is {@code person} from now on (until the context is cleared or replaced). */
    public static void signIn(Authentication person) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(person);
        SecurityContextHolder.setContext(context);
    }

    /** Does {@code work} as {@code person}, then puts back whoever this thread was before. */
    public static <T> T as(Authentication person, Supplier<T> work) {
        var before = SecurityContextHolder.getContext();
        signIn(person);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    /** Does {@code work} as {@code person}, then puts back whoever this thread was before. */
    public static void as(Authentication person, Runnable work) {
        as(person, () -> {
            work.run();
            return null;
        });
    }
}
