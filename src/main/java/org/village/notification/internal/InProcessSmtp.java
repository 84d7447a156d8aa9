package org.village.notification.internal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * GreenMail on 127.0.0.1 and a free port, for the run command and tests (decision 070): e-mail works with nothing to
 * install, and admins read what was sent. Only loaded when GreenMail is on the class path; the production jar leaves
 * it out.
 */
public final class InProcessSmtp implements InProcessMail {

    private final GreenMail server;

    public InProcessSmtp() {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
    }

    @Override
    public int port() {
        return server.getSmtp().getPort();
    }

    @Override
    public List<MimeMessage> received() {
        return Arrays.asList(server.getReceivedMessages());
    }

    @Override
    public List<Received> newest(int limit) {
        var all = received();
        var out = new ArrayList<Received>();
        for (int i = all.size() - 1; i >= 0 && out.size() < limit; i--) {
            out.add(read(all.get(i)));
        }
        return out;
    }

    static Received read(MimeMessage m) {
        try {
            var to = new ArrayList<String>();
            var recipients = m.getAllRecipients();
            if (recipients != null) {
                for (var a : recipients) {
                    to.add(a.toString());
                }
            }
            var body = new StringBuilder();
            var attachments = new ArrayList<String>();
            collect(m, body, attachments);
            return new Received(String.join(", ", to), m.getSubject(),
                    m.getSentDate() == null ? null : m.getSentDate().toInstant(), body.toString(), attachments);
        } catch (MessagingException | IOException e) {
            return new Received("", "", null, "", List.of());
        }
    }

    private static void collect(Part part, StringBuilder body, List<String> attachments)
            throws MessagingException, IOException {
        if (part.getFileName() != null) {
            attachments.add(part.getFileName() + " (" + part.getContentType().split(";")[0].strip() + ")");
        } else if (part.isMimeType("text/plain")) {
            body.append(part.getContent());
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), body, attachments);
            }
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
