package org.village.directory;

import java.util.List;

/**
 * The services a typed search finds. {@code corrected}: the words searched instead, because what was typed found
 * nothing and a typo fix did (null otherwise). {@code didYouMean}: a typo fix that would find more than what was
 * typed (null when it would not help). Real words and known terms are never changed (decision 045).
 */
public record TextMatch(List<Long> ids, String corrected, String didYouMean) {
}
