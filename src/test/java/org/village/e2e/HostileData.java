package org.village.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.village.TestUsers;
import org.village.directory.DirectoryImport;
import org.village.directory.FamilyProfile;
import org.village.directory.FamilyTeamService;
import org.village.directory.ImportReport;
import org.village.guides.GuideService;
import org.village.guides.Guides;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Puts {@link Hostile} text into everything a person or an import can store, through the same service calls
 * the pages and the import use (so every check on the way applies), and takes it out again so other tests
 * see the usual sample data. Shared by the browserless check and the browser journey.
 */
@Component
public class HostileData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Phones and display names hold at most 40 characters: a shorter way to end the script and run. */
    public static final String SHORT_SCRIPT_END = "</script><svg onload=__pwned=1>";

    private final TestUsers users;
    private final JdbcClient jdbc;
    private final Environment env;
    private final DirectoryImport importer;
    private final FamilyTeamService teams;
    private final GuideService guides;

    HostileData(TestUsers users, JdbcClient jdbc, Environment env, DirectoryImport importer, FamilyTeamService teams,
                GuideService guides) {
        this.users = users;
        this.jdbc = jdbc;
        this.env = env;
        this.importer = importer;
        this.teams = teams;
        this.guides = guides;
    }

    // ---- a service, through the directory import ----

    /** An Open Referral UK record like one our own API publishes, with hostile text in every text field. */
    public ObjectNode serviceRecord(String slug) throws Exception {
        String template = jdbc.sql("SELECT uuid FROM dir_service WHERE slug = 'emergency-duty-team'").query(String.class).single();
        var record = (ObjectNode) JSON.readTree(api("/api/oruk/services/" + template));
        record.put("id", UUID.randomUUID().toString());
        record.put("name", "Hostile test service " + Hostile.SCRIPT_END);
        record.put("description", Hostile.EVERYTHING);
        record.put("email", Hostile.SCRIPT_END + "@example.org");
        record.put("url", "https://example.org/?q=" + Hostile.SCRIPT_END.replace(" ", "%20"));
        ((ObjectNode) record.get("x_village")).put("slug", slug);
        ((ObjectNode) record.get("x_village")).put("for_who", Hostile.SCRIPT + " " + Hostile.LINE_SEPARATORS);
        ((ObjectNode) record.get("x_village")).put("how_they_contact", Hostile.ATTRIBUTE + " " + Hostile.RIGHT_TO_LEFT);
        for (var contact : record.path("contacts")) {
            ((ObjectNode) contact).put("email", Hostile.SCRIPT_END + "@example.org");
            for (var phone : contact.path("phones")) {
                ((ObjectNode) phone).put("number", SHORT_SCRIPT_END);
            }
        }
        return record;
    }

    /** Imports the record as an admin would (a feed of one); returns the report. */
    public ImportReport importFeed(ObjectNode... records) {
        users.as("admin");
        try {
            var feed = JSON.createArrayNode();
            for (var r : records) {
                feed.add(r);
            }
            return importer.apply(feed.toString());
        } finally {
            users.anonymous();
        }
    }

    /** Imports a hostile service under this address part, after removing any left from an earlier run. */
    public void plantService(String slug) throws Exception {
        removeService(slug);
        var report = importFeed(serviceRecord(slug));
        if (!report.applied()) {
            throw new IllegalStateException("the hostile service was not imported: " + report.lines());
        }
    }

    /**
     * Older data, or another way in, could hold a web address that is not http(s): put one straight into the
     * table, as the import would refuse it (see the browserless check).
     */
    public void giveServiceAJavascriptAddress(String slug) {
        jdbc.sql("UPDATE dir_service SET url = ? WHERE slug = ?").params(Hostile.JAVASCRIPT_URL, slug).update();
    }

    public void removeService(String slug) {
        jdbc.sql("DELETE FROM dir_service WHERE slug = ?").param(slug).update();
    }

    // ---- the tell-it-once profile, written by the parent and shared ----

    /** Parent A writes hostile text in every profile box and lets their worker (worker.sam) read it; returns the family id. */
    public long plantProfile() {
        long family = jdbc.sql("SELECT id FROM family WHERE label = 'Family A (sample)'").query(Long.class).single();
        users.as("parent.a");
        try {
            teams.saveProfile(family, new FamilyProfile(family, Hostile.EVERYTHING, Hostile.SCRIPT_END,
                    Hostile.EVENT_HANDLER + " " + Hostile.COMMENT_START + " " + Hostile.SCRIPT_END, Hostile.SCRIPT_END,
                    Hostile.ATTRIBUTE + " " + Hostile.LINE_SEPARATORS + " " + Hostile.RIGHT_TO_LEFT, null));
            long sam = jdbc.sql("SELECT id FROM user_account WHERE username = 'worker.sam'").query(Long.class).single();
            teams.shareWith(family, sam, true);
        } finally {
            users.anonymous();
        }
        return family;
    }

    public void restoreProfile(long family) {
        users.as("parent.a");
        try {
            teams.saveProfile(family, new FamilyProfile(family, "Talk to Jay calmly, one person at a time.", "", "",
                    "English", "", null));
            long sam = jdbc.sql("SELECT id FROM user_account WHERE username = 'worker.sam'").query(Long.class).single();
            teams.shareWith(family, sam, false);
        } finally {
            users.anonymous();
        }
    }

    // ---- a guide and a jargon-buster term, written by a worker ----

    public record PlantedGuide(String slug, long id, long version) {
    }

    /** A worker writes and publishes a guide with hostile text in its title, summary and body. */
    public PlantedGuide plantGuide() {
        users.as("worker.sam");
        try {
            String slug = "hostile-text-" + Long.toHexString(System.nanoTime());
            String category = guides.categories().getFirst().code();
            String body = "Some words. " + Hostile.EVERYTHING + "\n\n[A link](" + Hostile.JAVASCRIPT_URL + ")\n\n"
                    + "<script>window.__pwned=1</script>\n\n" + Hostile.RIGHT_TO_LEFT + "\n";
            long id = guides.create(new Guides.GuideEdit(slug, category, Guides.KIND_GUIDE,
                    "Hostile test " + Hostile.SCRIPT_END, Hostile.EVERYTHING.substring(0, 250), body, List.of(),
                    LocalDate.now()));
            long version = guides.draft(id).orElseThrow().version();
            long published = guides.publish(id, version, true);
            return new PlantedGuide(slug, id, published);
        } finally {
            users.anonymous();
        }
    }

    public void unpublish(PlantedGuide guide) {
        users.as("worker.sam");
        try {
            guides.unpublish(guide.id(), guide.version());
        } finally {
            users.anonymous();
        }
    }

    /** A worker adds a jargon-buster term whose meaning is hostile text; returns the term's anchor name. */
    public String plantTerm() {
        users.as("worker.sam");
        try {
            String term = "Zzhostile " + Long.toHexString(System.nanoTime());
            guides.saveTerm(null, 0, new Guides.GlossaryEdit(term, Hostile.EVERYTHING, Hostile.SCRIPT_END + " "
                    + Hostile.RIGHT_TO_LEFT, List.of(Hostile.EVENT_HANDLER)));
            return term;
        } finally {
            users.anonymous();
        }
    }

    // ---- a display name from before names were checked ----

    /**
     * Names are checked when an account is made (no markup fits the rule), so a hostile name can only come
     * from older data: give a staff account one directly. Returns the name it had.
     */
    public String giveDisplayName(String username, String name) {
        String before = jdbc.sql("SELECT display_name FROM user_account WHERE username = ?").param(username)
                .query(String.class).single();
        jdbc.sql("UPDATE user_account SET display_name = ? WHERE username = ?").params(name, username).update();
        return before;
    }

    private String api(String path) throws Exception {
        String port = env.getProperty("local.server.port");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
