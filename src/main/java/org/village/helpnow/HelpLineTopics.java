package org.village.helpnow;

import java.util.List;

/**
 * What a help-now line is for, as need codes ("missing", "criminal-exploitation"), so the help box on a page
 * about a topic can put the closest lines first. Guides implement it from their needs list; help now does not
 * need to know about guides. With no implementation, lines keep the usual order.
 */
public interface HelpLineTopics {

    /** Need codes for the line with this key ("contact:childline"); empty when not known. */
    List<String> needsOf(String lineKey);
}
