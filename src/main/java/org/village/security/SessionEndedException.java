package org.village.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * The signed-in session belongs to an account that has since been switched off, given a new role or a new
 * password: it may do nothing more and must sign in again.
 */
public class SessionEndedException extends AccessDeniedException {

    public SessionEndedException() {
        super("This session has ended: the account was changed after it signed in");
    }
}
