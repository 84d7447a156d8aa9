package org.village.notification;

import java.util.List;

/**
 * An e-mail another feature asks for. The words are a bundle key and arguments, rendered in the recipient's language
 * when it is sent. Keep them discreet (decision 072): no word about exploitation, abuse, police or what Village is
 * for, and no personal detail beyond what the person needs; the body ends with {@code link} (a path inside the portal)
 * made into a full address.
 *
 * @param subject    a subject for this e-mail, such as a family's own wording for a booking; null for the
 *                   partnership's discreet subject
 * @param bodyKey    bundle key of the body
 * @param bodyArgs   its {0}, {1}…
 * @param link       a relative portal path, such as {@code /notifications}
 * @param attachment a file to attach, or null
 */
public record Email(String subject, String bodyKey, List<String> bodyArgs, String link, Attachment attachment) {

    public Email {
        bodyArgs = bodyArgs == null ? List.of() : List.copyOf(bodyArgs);
    }

    /**
     * A small file, such as a calendar entry: name {@code session.ics}, type
     * {@code text/calendar; method=REQUEST} (or {@code method=CANCEL}).
     */
    public record Attachment(String fileName, String contentType, byte[] bytes) {
        public static final int MAX_BYTES = 256 * 1024;
        private static final java.util.regex.Pattern PLAIN_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,100}");

        public Attachment {
            if (fileName == null || !PLAIN_NAME.matcher(fileName).matches() || contentType == null
                    || contentType.length() > 100 || contentType.contains("\n") || contentType.contains("\r")
                    || bytes == null || bytes.length > MAX_BYTES) {
                throw new IllegalArgumentException("an attachment needs a plain file name, a content type and a small body");
            }
            bytes = bytes.clone();
        }
    }
}
