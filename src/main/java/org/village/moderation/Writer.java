package org.village.moderation;

import org.village.security.VillageUser;

/**
 * Who wrote the text, so the filters can also hold back names from the writer's own family records. Both parts
 * may be null (a worker has no family; a test or benchmark may have no account).
 */
public record Writer(Long accountId, Long familyId) {

    /** Nobody in particular: only the lists apply, no family names. */
    public static final Writer NOBODY = new Writer(null, null);

    public static Writer of(VillageUser user) {
        return user == null ? NOBODY : new Writer(user.id(), user.familyId());
    }
}
