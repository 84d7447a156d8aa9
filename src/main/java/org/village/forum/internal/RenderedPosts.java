package org.village.forum.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Posts' HTML, rendered once per revision (post id and version) and kept for the most recently read {@code max}
 * posts (decision 048): at 1M posts a topic page spent a third of its time rendering the same Markdown again. What
 * else goes into the HTML (the glossary marker) is the "generation": a new one starts the cache afresh.
 */
public final class RenderedPosts {

    private final int max;
    private Object generation;
    private final Map<String, String> html;

    public RenderedPosts(int max) {
        this.max = max;
        this.html = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > RenderedPosts.this.max;
            }
        };
    }

    /** The post's HTML for this generation, rendered now only if it is not kept yet. */
    public String html(long postId, int version, Object generation, Supplier<String> render) {
        String key = postId + ":" + version;
        synchronized (this) {
            if (this.generation != generation) {
                html.clear();
                this.generation = generation;
            }
            String kept = html.get(key);
            if (kept != null) {
                return kept;
            }
        }
        String made = render.get(); // outside the lock: two readers may render the same post once each, never wrongly
        synchronized (this) {
            if (this.generation == generation) {
                html.put(key, made);
            }
        }
        return made;
    }

    /** How many posts are kept (tests). */
    public synchronized int size() {
        return html.size();
    }
}
