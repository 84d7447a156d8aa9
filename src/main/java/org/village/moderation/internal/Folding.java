package org.village.moderation.internal;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.Transliterator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Folds one character to what it stands for when matching words: lower case, no accents, look-alikes from other
 * scripts to the Latin letter they imitate (Unicode confusables, through ICU's {@link SpoofChecker} skeleton),
 * full-width and styled letters to plain ones (NFKC_Casefold). Zero-width and other invisible characters are
 * ignored, so they cannot split a word. Results for characters beyond ASCII are cached: the slow path runs once
 * per character ever seen.
 */
final class Folding {

    /** Ignored inside a word: it neither adds a letter nor splits the word. */
    static final String IGNORED = "";

    private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();
    private static final Map<String, Character> SKELETON_TO_LETTER = skeletonLetters();
    private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII");
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
    private static final Map<Integer, String> CACHE = new ConcurrentHashMap<>();

    private Folding() {
    }

    /**
     * The folded letters for this code point ([a-z0-9@$], or letters of a script with no Latin look-alike), or
     * {@link #IGNORED} for an invisible character, or null for anything that separates words.
     */
    static String fold(int cp) {
        if (cp < 128) {
            if (cp >= 'a' && cp <= 'z' || cp >= '0' && cp <= '9' || cp == '@' || cp == '$') {
                return String.valueOf((char) cp);
            }
            if (cp >= 'A' && cp <= 'Z') {
                return String.valueOf((char) (cp + 32));
            }
            return null;
        }
        return CACHE.computeIfAbsent(cp, Folding::slowFold);
    }

    /** True for an apostrophe, which joins a word ("hasn't" is "hasnt"). */
    static boolean apostrophe(int cp) {
        return cp == '\'' || cp == '\u2019' || cp == '\u2018' || cp == '\u02BC' || cp == '\u0060' || cp == '\u00B4';
    }

    /** Zero-width, direction marks and overrides, soft hyphens, variation selectors and the like. */
    static boolean invisible(int cp) {
        return UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                || UCharacter.getType(cp) == UCharacter.FORMAT;
    }

    private static String slowFold(int cp) {
        if (invisible(cp)) {
            return IGNORED;
        }
        String normal = NFKC_CF.normalize(new String(Character.toChars(cp)));
        var out = new StringBuilder();
        for (int i = 0; i < normal.length(); ) {
            int c = normal.codePointAt(i);
            i += Character.charCount(c);
            String ascii = c < 128 ? fold(c) : lookAlike(c);
            if (ascii != null) {
                out.append(ascii);
            }
        }
        if (out.isEmpty()) {
            return Character.isLetterOrDigit(cp) ? new String(Character.toChars(cp)) : null;
        }
        return out.toString();
    }

    /** A letter from another script or with accents: the Latin letter it looks like, or its plain Latin spelling. */
    private static String lookAlike(int c) {
        String s = new String(Character.toChars(c));
        String skeleton;
        synchronized (SPOOF) {
            skeleton = SPOOF.getSkeleton(s);
        }
        Character letter = SKELETON_TO_LETTER.get(skeleton);
        if (letter != null) {
            return String.valueOf(letter);
        }
        String latin;
        synchronized (TO_ASCII) {
            latin = TO_ASCII.transliterate(s);
        }
        var out = new StringBuilder();
        latin.codePoints().forEach(x -> {
            String f = x < 128 ? fold(x) : null;
            if (f != null) {
                out.append(f);
            }
        });
        if (!out.isEmpty()) {
            return out.toString();
        }
        return Character.isLetterOrDigit(c) ? s : null;
    }

    /** Skeleton of each Latin letter, small and capital, back to the small letter (small letters win). */
    private static Map<String, Character> skeletonLetters() {
        var checker = new SpoofChecker.Builder().build();
        var map = new HashMap<String, Character>();
        for (char c = 'a'; c <= 'z'; c++) {
            map.putIfAbsent(checker.getSkeleton(String.valueOf(c)), c);
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            map.putIfAbsent(checker.getSkeleton(String.valueOf(c)), Character.toLowerCase(c));
        }
        return Map.copyOf(map);
    }
}
