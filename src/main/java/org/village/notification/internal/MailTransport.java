package org.village.notification.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Sends e-mail through Spring Mail: to {@code VILLAGE_MAIL_HOST}, or when that is empty to the in-process SMTP
 * server (when GreenMail is on the class path: the run command and tests), or nowhere (a production jar with no mail
 * host sends no e-mail, and the e-mail setting is not offered).
 */
@Component
@EnableConfigurationProperties(MailSettings.class)
public class MailTransport implements DisposableBean {

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    private static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";


    private static final Logger log = LoggerFactory.getLogger(MailTransport.class);

    private final MailSettings settings;
    private final InProcessMail inProcess;
    private final JavaMailSenderImpl sender;

    MailTransport(MailSettings settings) {
        this.settings = settings;
        if (settings.external()) {
            inProcess = null;
            sender = sender(settings.host().strip(), settings.port(), settings.user(), settings.password());
        } else if (ClassUtils.isPresent("com.icegreen.greenmail.util.GreenMail", getClass().getClassLoader())) {
            inProcess = startInProcess();
            sender = sender("127.0.0.1", inProcess.port(), null, null);
            log.info("E-mail goes to the in-process SMTP server on 127.0.0.1:{}; admins read it on Sent e-mails",
                    inProcess.port());
        } else {
            inProcess = null;
            sender = null;
            log.info("No VILLAGE_MAIL_HOST: Village sends no e-mail (in-portal notifications still work)");
        }
    }

    /** By name, so this class never links to GreenMail where it is absent. */
    private static InProcessMail startInProcess() {
        try {
            return (InProcessMail) Class.forName("org.village.notification.internal.InProcessSmtp")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the in-process SMTP server could not start", e);
        }
    }

    private static JavaMailSenderImpl sender(String host, int port, String user, String password) {
        var s = new JavaMailSenderImpl();
        s.setHost(host);
        s.setPort(port);
        s.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties p = s.getJavaMailProperties();
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.writetimeout", "10000");
        if (user != null && !user.isBlank()) {
            s.setUsername(user);
            s.setPassword(password);
            p.put("mail.smtp.auth", "true");
            p.put("mail.smtp.starttls.enable", "true");
        }
        return s;
    }

    public boolean available() {
        return sender != null;
    }

    public MailSettings settings() {
        return settings;
    }

    /** The in-process server, when it runs (the Sent e-mails page reads it). */
    public Optional<InProcessMail> inProcess() {
        return Optional.ofNullable(inProcess);
    }

    /** A file to attach, already checked by the caller. */
    public record Attached(String name, String contentType, byte[] bytes) {
    }

    static {
        // Jakarta Mail finds its StreamProvider with a ServiceLoader scan of every jar for each message it builds; a
        // thread dump of the 10,000-reminder run showed all four sending threads queued on one jar's lock for it.
        // Naming the provider skips the scan (decision 097); the factory reads this property first.
        if (System.getProperty(STREAM_PROVIDER) == null
                && org.springframework.util.ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, MailTransport.class.getClassLoader())) {
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        }
    }

    /** Sends one plain-text e-mail; throws when the server refuses or cannot be reached. */
    public void send(String to, String subject, String body, List<Attached> attachments) {
        if (sender == null) {
            throw new IllegalStateException("e-mail is not set up");
        }
        MimeMessage message = message(to, subject, body, attachments);
        sender.send(message);
    }

    /** One e-mail of a batch: to, subject, plain-text body and attachments. */
    public record Outbound(String to, String subject, String body, List<Attached> attachments) {
    }

    /**
     * Sends these e-mails over one connection (decision 100); one that cannot be put together or that the server
     * refuses does not stop the others.
     *
     * @return the positions (in {@code mails}) of those that were not sent; all of them when the server cannot be reached
     */
    public java.util.Set<Integer> sendAll(List<Outbound> mails) {
        if (sender == null) {
            throw new IllegalStateException("e-mail is not set up");
        }
        var failed = new java.util.TreeSet<Integer>();
        var built = new java.util.ArrayList<MimeMessage>();
        var positions = new java.util.IdentityHashMap<MimeMessage, Integer>();
        for (int i = 0; i < mails.size(); i++) {
            var m = mails.get(i);
            try {
                MimeMessage message = message(m.to(), m.subject(), m.body(), m.attachments());
                built.add(message);
                positions.put(message, i);
            } catch (RuntimeException e) {
                failed.add(i);
            }
        }
        if (built.isEmpty()) {
            return failed;
        }
        try {
            sender.send(built.toArray(MimeMessage[]::new));
        } catch (org.springframework.mail.MailSendException e) {
            if (e.getFailedMessages().isEmpty()) {
                positions.values().forEach(failed::add);
            } else {
                e.getFailedMessages().keySet().forEach(k -> {
                    Integer at = positions.get(k);
                    if (at != null) {
                        failed.add(at);
                    }
                });
            }
        } catch (org.springframework.mail.MailException e) {
            positions.values().forEach(failed::add);
        }
        return failed;
    }

    private MimeMessage message(String to, String subject, String body, List<Attached> attachments) {
        MimeMessage message = sender.createMimeMessage();
        try {
            var helper = new MimeMessageHelper(message, !attachments.isEmpty(), StandardCharsets.UTF_8.name());
            helper.setFrom(new InternetAddress(settings.from(), settings.senderName(), StandardCharsets.UTF_8.name()));
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body, false);
            for (var a : attachments) {
                helper.addAttachment(a.name(), new ByteArrayDataSource(a.bytes(), a.contentType()));
            }
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("the e-mail could not be put together", e);
        }
        return message;
    }

    @Override
    public void destroy() {
        if (inProcess != null) {
            inProcess.close();
        }
    }
}
