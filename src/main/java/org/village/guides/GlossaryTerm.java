package org.village.guides;

import java.util.List;

/** A jargon-buster entry: the word, what it means, what it means for the family, and other names for it. */
public record GlossaryTerm(long id, String term, String meaning, String forYou, List<String> alsoKnownAs, long version)
        implements org.village.content.GlossaryEntry {

    public GlossaryTerm {
        alsoKnownAs = alsoKnownAs == null ? List.of() : List.copyOf(alsoKnownAs);
    }

    /** The term and its other names: every form the marker looks for. */
    @Override
    public List<String> forms() {
        var forms = new java.util.ArrayList<String>();
        forms.add(term);
        forms.addAll(alsoKnownAs);
        return forms;
    }

    /** An anchor on the jargon buster page. */
    public String anchor() {
        return "term-" + term.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
