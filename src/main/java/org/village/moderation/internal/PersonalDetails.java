package org.village.moderation.internal;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.village.moderation.Finding;
import org.village.moderation.FindingKind;

/**
 * Finds details that could let someone find a family: phone numbers, e-mail addresses, UK postcodes, street
 * addresses, school names that look like one, and full names. Each pattern is written against the false alarms
 * that would upset a parent: times (10:30), years (2009), prices (£12.50), dates, and street names that are also
 * ordinary words ("Church Road was busy", with no house number). Works on the cleaned text (no invisible
 * characters, plain digits) and reports ranges in the original.
 */
final class PersonalDetails {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /** A UK number by shape: +44 or 0, then 9 or 10 more digits, spaces, dots, dashes or brackets allowed between. */
    private static final Pattern UK_PHONE = Pattern.compile(
            "(?<![\\d£$€.,:/])(?:\\(?\\+\\s?44\\s?\\(?0?\\)?|\\(?0044|\\(?0)(?:[\\s.\\-()]{0,2}\\d){9,10}(?![\\d:/])");
    private static final Pattern EMAIL = Pattern.compile(
            "[\\p{L}\\p{N}._%+\\-]+@[\\p{L}\\p{N}\\-]+(?:\\.[\\p{L}\\p{N}\\-]+)+");
    /** "jo dot smith at gmail dot com", "jo(at)gmail.com". */
    private static final Pattern SPELLED_EMAIL = Pattern.compile(
            "\\b[\\p{L}\\p{N}._+\\-]+\\s*(?:[(\\[]\\s*at\\s*[)\\]]|\\sat\\s)\\s*[\\p{L}\\p{N}\\-]+"
                    + "\\s*(?:\\.|[(\\[]\\s*dot\\s*[)\\]]|\\sdot\\s)\\s*(?:com|co\\.uk|co|org|net|uk|me|io)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A full UK postcode (the Royal Mail shapes); outward codes alone ("M1", "SW1A") name an area, not a home. */
    private static final Pattern POSTCODE = Pattern.compile(
            "\\b(?:GIR ?0AA|[A-PR-UWYZ](?:[0-9][0-9A-HJKPSTUW]?|[A-HK-Y][0-9][0-9ABEHMNPRVWXY]?) ?[0-9][ABD-HJLNP-UW-Z]{2})\\b",
            Pattern.CASE_INSENSITIVE);
    private static final String STREET_WORDS = "Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|Cres"
            + "|Court|Ct|Place|Pl|Grove|Gardens|Gdns|Terrace|Walk|Hill|Row|Mews|Square|Sq|Parade|View|Rise|Green|Park"
            + "|Estate|Vale|Croft|Fold|Gate|Wharf|Heights|Meadows|Brow|Wynd|Boulevard";
    /** A house number, a capitalised name and a street word: "12 Church Road", "Flat 3, 41a Victoria St". */
    private static final Pattern ADDRESS = Pattern.compile(
            "(?<![\\d£$€.:/])\\b\\d{1,4}[A-Za-z]?,?\\s+(?:[A-Z][\\p{L}'’\\-]+\\s+){1,3}(?:" + STREET_WORDS + ")\\b");
    /** Written all in small letters, after "at", "on", "live(s)", "to" or "from": "we live at 12 church road". */
    private static final Pattern ADDRESS_SMALL = Pattern.compile(
            "\\b(?:at|on|live|lives|living|to|from|number|no\\.?)\\s+(\\d{1,4}[a-z]?,?\\s+(?:[a-z][\\p{L}'’\\-]+\\s+){1,2}"
                    + "(?:road|street|avenue|lane|close|crescent|grove|gardens|terrace|mews))\\b",
            Pattern.CASE_INSENSITIVE);
    /** A capitalised name and a kind of school: "St Mary's Primary", "Oakfield Academy". */
    private static final Pattern SCHOOL = Pattern.compile(
            "\\b((?:(?:St\\.?|[A-Z][\\p{L}'’\\-]+)\\s+){1,3})(?:C of E\\s+|CE\\s+|RC\\s+)?(?:Primary|Junior|Infant|Infants|High|"
                    + "Secondary|Grammar|Community|Catholic|Church)?\\s*(?:School|Academy|College|Primary)\\b");
    private static final Set<String> NOT_A_SCHOOL_NAME = Set.of("the", "a", "my", "our", "his", "her", "their", "your",
            "this", "that", "at", "in", "to", "from", "new", "local", "primary", "secondary", "high", "junior",
            "infant", "sixth", "form", "further", "education", "special", "free", "state", "private", "boarding",
            "and", "or", "but", "if", "when", "pupil", "referral", "unit", "alternative", "provision", "village",
            "i", "we", "he", "she", "they", "it", "mainstream", "nursery", "summer", "holiday", "sunday", "forest");
    /** A capitalised word after a first name: a surname, unless it is one of these. */
    private static final Pattern NAME = Pattern.compile(
            "(?<![\\p{L}'’])([A-Z][a-z]+)\\s+((?:Mc|Mac|O['’])?[A-Z][a-z]+(?:[\\-'’][A-Z][a-z]+)?)(?![\\p{L}'’])");
    private static final Set<String> NOT_A_SURNAME = Set.of("and", "or", "but", "the", "i", "im", "is", "was", "has",
            "had", "said", "says", "told", "asked", "got", "went", "came", "can", "will", "would", "did", "does",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
            "school", "primary", "academy", "college", "council", "police", "court", "services", "service", "team",
            "centre", "center", "hospital", "station", "church", "road", "street", "avenue", "lane", "park", "close",
            "drive", "way", "hill", "green", "social", "care", "mum", "dad", "nan", "gran", "grandad", "auntie",
            "uncle", "year", "term", "christmas", "easter", "mr", "mrs", "ms", "miss", "dr", "sir", "yes", "no",
            "ok", "okay", "thanks", "thank", "please", "sorry", "hi", "hello", "too", "also", "then", "now",
            "today", "tomorrow", "yesterday", "england", "wales", "scotland", "london", "manchester", "there",
            "here", "who", "what", "when", "where", "why", "how", "he", "she", "they", "we", "you", "it", "my",
            "his", "her", "our", "their", "camhs", "yot", "nhs", "gp", "a", "an", "in", "on", "at", "to", "from");
    private static final Pattern STREET_AFTER = Pattern.compile("\\s+(?:" + STREET_WORDS + ")\\b");
    /** First names that are also ordinary words: not taken as a name at the start of a sentence. */
    private static final Set<String> WORD_NAMES = Set.of("mark", "grace", "faith", "holly", "ivy", "amber", "jack",
            "max", "lee", "dale", "dean", "jade", "ruby", "taylor", "will", "may", "rosie", "poppy", "daisy",
            "summer", "harper", "casey", "georgia", "victoria", "chelsea", "brooke", "eve", "tia");

    private final Set<String> firstNames;

    PersonalDetails(Set<String> firstNames) {
        this.firstNames = Set.copyOf(firstNames);
    }

    static Set<String> defaultFirstNames() {
        var names = new HashSet<String>();
        try (var in = PersonalDetails.class.getResourceAsStream("/moderation/first-names.txt")) {
            if (in == null) {
                throw new IllegalStateException("moderation/first-names.txt is missing");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String s = line.strip().toLowerCase(Locale.ROOT);
                if (!s.isEmpty() && !s.startsWith("#")) {
                    names.add(s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    List<Finding> find(Cleaned cleaned) {
        var found = new ArrayList<Finding>();
        String text = cleaned.text;
        // what cannot match is not searched (decision 099): a phone kept by either check has 9 or more ASCII digits
        // (the library's finds are kept only with that many, see looksLikeAPhone; UK_PHONE's \d is ASCII), an e-mail
        // address has an @, and a postcode or house number has a digit
        int digits = asciiDigits(text);
        if (digits >= 9) {
            phones(cleaned, found);
        }
        var emails = new ArrayList<Finding>();
        if (text.indexOf('@') >= 0) {
            each(EMAIL, cleaned, FindingKind.EMAIL, emails);
        }
        each(SPELLED_EMAIL, cleaned, FindingKind.EMAIL, emails);
        found.addAll(emails);
        if (digits > 0) {
            postcodes(cleaned, found);
            each(ADDRESS, cleaned, FindingKind.STREET_ADDRESS, found);
            var small = ADDRESS_SMALL.matcher(text);
            while (small.find()) {
                add(cleaned, FindingKind.STREET_ADDRESS, small.start(1), small.end(1), found);
            }
        }
        schools(cleaned, found);
        names(cleaned, found);
        return found;
    }

    static int asciiDigits(String text) {
        int n = 0;
        for (int i = 0, len = text.length(); i < len; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                n++;
            }
        }
        return n;
    }

    private void phones(Cleaned cleaned, List<Finding> found) {
        String text = cleaned.text;
        var ranges = new ArrayList<int[]>();
        for (PhoneNumberMatch match : PHONES.findNumbers(text, "GB", PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
            String raw = match.rawString();
            if (looksLikeAPhone(text, match.start(), raw, match.number().getCountryCode(),
                    PHONES.getNationalSignificantNumber(match.number()))) {
                ranges.add(new int[] {match.start(), match.end()});
            }
        }
        var shape = UK_PHONE.matcher(text);
        while (shape.find()) {
            String national = shape.group().replaceAll("\\D", "");
            national = national.startsWith("0044") ? national.substring(4)
                    : national.startsWith("44") ? national.substring(2) : national;
            // a trunk 0, also after +44 written as "+44 (0)"
            national = national.startsWith("0") ? national.substring(1) : national;
            if (national.length() >= 9 && national.length() <= 10 && "1237".indexOf(national.charAt(0)) >= 0
                    && ranges.stream().noneMatch(r -> r[0] < shape.end() && shape.start() < r[1])) {
                ranges.add(new int[] {shape.start(), shape.end()});
            }
        }
        ranges.forEach(r -> add(cleaned, FindingKind.PHONE, r[0], r[1], found));
    }

    /**
     * The library finds anything that could be dialled somewhere ("12345" too): keep UK numbers that start like a
     * home, office or mobile number (01, 02, 03, 07), with enough digits, and numbers written with a +country code;
     * never a time, a date, a price or a year.
     */
    private static boolean looksLikeAPhone(String text, int start, String raw, int countryCode, String national) {
        if (raw.contains(":") || raw.contains("/")) {
            return false;
        }
        if (start > 0 && "£$€".indexOf(text.charAt(start - 1)) >= 0) {
            return false;
        }
        int digits = raw.replaceAll("\\D", "").length();
        if (raw.strip().startsWith("+") || raw.startsWith("00")) {
            return digits >= 9;
        }
        return countryCode == 44 && digits >= 10 && national.length() >= 9 && national.length() <= 10
                && "1237".indexOf(national.charAt(0)) >= 0;
    }

    private static void postcodes(Cleaned cleaned, List<Finding> found) {
        var m = POSTCODE.matcher(cleaned.text);
        while (m.find()) {
            String code = m.group();
            boolean small = code.equals(code.toLowerCase(Locale.ROOT));
            boolean capitals = code.equals(code.toUpperCase(Locale.ROOT));
            // "b4 2pm" is a text message, not a postcode; mixed case ("Hi 2nd") is ordinary writing
            if (!capitals && (!small || code.matches("(?i).*\\d(?:am|pm)"))) {
                continue;
            }
            add(cleaned, FindingKind.POSTCODE, m.start(), m.end(), found);
        }
    }

    private static void schools(Cleaned cleaned, List<Finding> found) {
        var m = SCHOOL.matcher(cleaned.text);
        while (m.find()) {
            String[] words = m.group(1).strip().split("\\s+");
            int first = 0;
            while (first < words.length && NOT_A_SCHOOL_NAME.contains(words[first].toLowerCase(Locale.ROOT))) {
                first++;
            }
            if (first == words.length) {
                continue;
            }
            int start = m.start(1) + m.group(1).indexOf(words[first]);
            add(cleaned, FindingKind.SCHOOL, start, m.end(), found);
        }
    }

    private void names(Cleaned cleaned, List<Finding> found) {
        String text = cleaned.text;
        var m = NAME.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            String first = m.group(1).toLowerCase(Locale.ROOT);
            String surname = m.group(2).toLowerCase(Locale.ROOT).replace("’", "'");
            boolean isName = firstNames.contains(first) && !NOT_A_SURNAME.contains(surname)
                    && !(WORD_NAMES.contains(first) && sentenceStart(text, m.start(1)))
                    && !streetAfter(text, m.end(2));
            if (isName) {
                add(cleaned, FindingKind.FULL_NAME, m.start(1), m.end(2), found);
                from = m.end(2);
            } else {
                from = m.start(2);
            }
        }
    }

    /** "Victoria Park Road": a street, not a person. */
    private static boolean streetAfter(String text, int end) {
        var m = STREET_AFTER.matcher(text);
        m.region(end, text.length());
        return m.lookingAt();
    }

    private static boolean sentenceStart(String text, int start) {
        int i = start - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '\n') {
            i--;
        }
        return i < 0 || ".!?\n\"“(".indexOf(text.charAt(i)) >= 0;
    }

    private static void each(Pattern pattern, Cleaned cleaned, FindingKind kind, List<Finding> found) {
        Matcher m = pattern.matcher(cleaned.text);
        while (m.find()) {
            add(cleaned, kind, m.start(), m.end(), found);
        }
    }

    private static void add(Cleaned cleaned, FindingKind kind, int start, int end, List<Finding> found) {
        if (end <= start) {
            return;
        }
        int s = cleaned.start(start);
        int e = cleaned.end(end);
        if (found.stream().noneMatch(f -> f.kind() == kind && f.start() < e && s < f.end())) {
            found.add(Finding.of(kind, s, e));
        }
    }
}
