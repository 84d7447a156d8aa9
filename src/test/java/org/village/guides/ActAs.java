package org.village.guides;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.village.security.VillageUser;
import org.village.shared.Roles;

/** Puts a signed-in person of a role into the security context, as a real sign-in would. */
final class ActAs {

    private ActAs() {
    }

    static void role(String role) {
        long id = switch (role) {
            case Roles.ADMIN -> 1L;
            case Roles.WORKER -> 2L;
            default -> 3L;
        };
        var user = new VillageUser(id, role.toLowerCase() + ".test", role + " (test)", role,
                Roles.PARENT.equals(role) ? 1L : null, true, false, null);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    static void nobody() {
        SecurityContextHolder.clearContext();
    }
}
