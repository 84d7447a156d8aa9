package org.village.security;

/** A parent used an invitation and their account now exists (decision 066). Ids only, no names. */
public record InvitationAccepted(long accountId, long familyId) {
}
