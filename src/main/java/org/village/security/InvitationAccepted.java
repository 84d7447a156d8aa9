package org.village.security;

/**
 * A parent used an invitation and their account now exists (decision 066). Ids only, no names. {@code invitedBy} is
 * the worker or admin who made the invitation (so they can be told), or null if that is not known.
 */
public record InvitationAccepted(long accountId, long familyId, Long invitedBy) {
}
