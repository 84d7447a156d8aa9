package org.village.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.village.shared.AuditLog;

/** Who is signed in, for services (the real gate) and views. */
@Component
public class CurrentUser {

    public Optional<VillageUser> get() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof VillageUser user ? Optional.of(user) : Optional.empty();
    }

    public VillageUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("Sign in first"));
    }

    public AuditLog.Actor actor() {
        return get().map(VillageUser::actor).orElse(AuditLog.Actor.ANONYMOUS);
    }
}
