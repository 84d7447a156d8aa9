package org.village.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.village.security.VillageUser;
import org.village.directory.ImportReport.Change;
import org.village.shared.InputProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Import from an Open Referral UK feed: round trip, idempotent, all or nothing with a report. */
class ImportIT extends DirectoryIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    UserDetailsService accounts;

    private VillageUser user(String username) {
        return (VillageUser) accounts.loadUserByUsername(username);
    }

    private VillageUser admin() {
        return user("admin");
    }

    @Autowired
    DirectoryImport importer;
    @Autowired
    DirectoryService directory;
    @LocalServerPort
    int port;

    /** Everything our API publishes, each service in full: the same shape another ORUK feed would give. */
    private ArrayNode export() throws Exception {
        var http = HttpClient.newHttpClient();
        var list = get(http, "/api/oruk/services?per_page=100");
        var all = JSON.createArrayNode();
        for (JsonNode s : list.get("contents")) {
            all.add(get(http, "/api/oruk/services/" + s.get("id").asString()));
        }
        return all;
    }

    private JsonNode get(HttpClient http, String path) throws Exception {
        var body = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return JSON.readTree(body);
    }

    @Test
    void exportThenImportGivesTheSameDirectory() throws Exception {
        signIn("admin");
        var feed = export();
        var before = directory.bySlug("emergency-duty-team").orElseThrow();
        var report = importer.apply(feed.toString());
        assertThat(report.applied()).isTrue();
        assertThat(report.lines()).hasSize(feed.size()).allMatch(l -> l.change() == Change.UNCHANGED, "unchanged");
        var after = directory.bySlug("emergency-duty-team").orElseThrow();
        assertThat(DirectoryImport.normal(after.toInput())).isEqualTo(DirectoryImport.normal(before.toInput()));
        assertThat(after.version()).isEqualTo(before.version());
    }

    @Test
    void changedAndNewRecordsArePreviewedThenSavedOnceOnly() throws Exception {
        signIn("admin");
        var feed = export();
        ObjectNode brook = null;
        for (JsonNode s : feed) {
            if (s.get("name").asString().equals("Brook Bristol")) {
                brook = (ObjectNode) s;
            }
        }
        brook.put("description", "Brook offers private sexual health advice to young people under 25.");
        var added = brook.deepCopy();
        added.put("id", UUID.randomUUID().toString());
        added.put("name", "Brook Weston (imported)");
        ((ObjectNode) added.get("x_village")).remove("slug");
        var small = JSON.createArrayNode().add(brook).add(added);

        var preview = importer.preview(small.toString());
        assertThat(preview.applied()).isFalse();
        assertThat(preview.lines()).extracting(ImportReport.Line::change).containsExactly(Change.CHANGED, Change.NEW);
        assertThat(preview.lines().getFirst().detail()).contains("whatTheyDo");
        assertThat(directory.bySlug("brook-bristol").orElseThrow().whatTheyDo()).doesNotStartWith("Brook offers private");

        var applied = importer.apply(small.toString());
        assertThat(applied.applied()).isTrue();
        assertThat(directory.bySlug("brook-bristol").orElseThrow().whatTheyDo()).startsWith("Brook offers private");
        assertThat(directory.bySlug("brook-weston-imported")).isPresent();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'directory.imported'").query(Integer.class)
                .single()).isPositive();

        var again = importer.apply(small.toString());
        assertThat(again.lines()).allMatch(l -> l.change() == Change.UNCHANGED, "unchanged on the second import");
    }

    @Test
    void oneBadRecordStopsTheWholeImportAndTheReportSaysWhich() throws Exception {
        signIn("admin");
        var feed = export();
        var good = (ObjectNode) feed.get(0);
        String goodName = good.get("name").asString();
        String before = directory.byUuid(good.get("id").asString()).orElseThrow().whatTheyDo();
        good.put("description", "A changed description that must not be saved.");
        var inverted = (ObjectNode) feed.get(1);
        inverted.put("minimum_age", 20);
        inverted.put("maximum_age", 10);
        var badDay = (ObjectNode) feed.get(2);
        ((ObjectNode) badDay.get("schedules").get(0)).put("byday", "XX");
        var noId = (ObjectNode) feed.get(3);
        noId.remove("id");

        var report = importer.apply(feed.toString());
        assertThat(report.applied()).isFalse();
        assertThat(report.count(Change.FAILED)).isEqualTo(3);
        assertThat(report.lines().get(1)).satisfies(l -> {
            assertThat(l.record()).isEqualTo(2);
            assertThat(l.change()).isEqualTo(Change.FAILED);
            assertThat(l.detail()).contains("oldest age is lower");
        });
        assertThat(report.lines().get(2).detail()).contains("day we do not know");
        assertThat(report.lines().get(3).detail()).contains("needs an id");
        assertThat(directory.byUuid(good.get("id").asString()).orElseThrow().whatTheyDo()).isEqualTo(before);
        assertThat(goodName).isNotBlank();
    }

    @Test
    void aWebAddressClashIsReportedAsAWebAddressClashNotANameClash() throws Exception {
        signIn("admin");
        var feed = export();
        ObjectNode brook = null;
        ObjectNode other = null;
        for (JsonNode s : feed) {
            if (s.get("name").asString().equals("Brook Bristol")) {
                brook = (ObjectNode) s;
            } else if (other == null && s.path("x_village").has("slug")) {
                other = (ObjectNode) s;
            }
        }
        // a new service with its own name but Brook's web address
        var added = brook.deepCopy();
        added.put("id", UUID.randomUUID().toString());
        added.put("name", "A different service altogether");
        var report = importer.preview(JSON.createArrayNode().add(added).toString());
        assertThat(report.lines().getFirst().change()).isEqualTo(Change.FAILED);
        assertThat(report.lines().getFirst().detail()).contains("web address", "/services/brook-bristol", "Brook Bristol")
                .doesNotContain("already has this name");

        // an existing service moved onto Brook's web address: refused in the preview, with the true reason
        ((ObjectNode) other.get("x_village")).put("slug", "brook-bristol");
        var moved = importer.apply(JSON.createArrayNode().add(other).toString());
        assertThat(moved.applied()).isFalse();
        assertThat(moved.lines().getFirst().detail()).contains("web address").doesNotContain("already has this name");
        assertThat(directory.bySlug("brook-bristol").orElseThrow().name()).isEqualTo("Brook Bristol");

        // the same name is still called a name clash
        var sameName = brook.deepCopy();
        sameName.put("id", UUID.randomUUID().toString());
        ((ObjectNode) sameName.get("x_village")).put("slug", "brook-somewhere-else");
        assertThat(importer.preview(JSON.createArrayNode().add(sameName).toString()).lines().getFirst().detail())
                .contains("already has this name");
    }

    @Test
    void anUploadedFileGoesThroughTheSamePreviewThenAllOrNothingImport() throws Exception {
        signIn("admin");
        ObjectNode maps = null;
        for (JsonNode s : export()) {
            if (s.get("name").asString().startsWith("Youth MAPS")) {
                maps = (ObjectNode) s;
            }
        }
        maps.put("description", "Youth MAPS gives young people free advice about housing and somewhere safe to stay.");
        // as an editor might save it: with a byte-order mark first
        byte[] file = ("\uFEFF" + JSON.createArrayNode().add(maps)).getBytes(java.nio.charset.StandardCharsets.UTF_8);

        String feed = importer.readFile(admin(), "youth-maps.JSON", file);
        var preview = importer.preview(feed);
        assertThat(preview.applied()).isFalse();
        assertThat(preview.lines()).singleElement().satisfies(l -> {
            assertThat(l.change()).isEqualTo(Change.CHANGED);
            assertThat(l.detail()).contains("whatTheyDo");
        });
        assertThat(directory.bySlug("youth-maps").orElseThrow().whatTheyDo()).doesNotStartWith("Youth MAPS gives");
        assertThat(importer.apply(feed).applied()).isTrue();
        assertThat(directory.bySlug("youth-maps").orElseThrow().whatTheyDo()).startsWith("Youth MAPS gives");
    }

    @Test
    void uploadedFilesOfTheWrongKindSizeOrShapeAreRefusedKindly() {
        signIn("admin");
        byte[] feed = "[]".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> importer.readFile(admin(), "services.csv", feed)).isInstanceOf(InputProblem.class)
                .hasMessageContaining("Please choose a JSON file").extracting("field").isEqualTo("file");
        assertThatThrownBy(() -> importer.readFile(admin(), "big.json", new byte[DirectoryImport.MAX_BYTES + 1]))
                .isInstanceOf(InputProblem.class).hasMessageContaining("bigger than 5 MB");
        assertThatThrownBy(() -> importer.readFile(admin(), "cut.json", "[{\"id\": \"2f1c".getBytes(
                java.nio.charset.StandardCharsets.UTF_8))).isInstanceOf(InputProblem.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> importer.readFile(admin(), "picture.json", new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff}))
                .isInstanceOf(InputProblem.class).hasMessageContaining("not plain text");
        // pasted feeds have the same limit as files and web addresses
        assertThatThrownBy(() -> importer.preview("[" + " ".repeat(DirectoryImport.MAX_BYTES) + "]"))
                .isInstanceOf(InputProblem.class).hasMessageContaining("bigger than 5 MB");
        // the acting person is passed in (an upload reaches the service where the security context may be empty)
        assertThatThrownBy(() -> importer.readFile(user("worker.sam"), "feed.json", feed))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> importer.readFile(user("parent.a"), "feed.json", feed))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> importer.readFile(null, "feed.json", feed)).isInstanceOf(AccessDeniedException.class);
        // with nobody in the security context, as on a push thread, the admin passed in is what counts
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        assertThat(importer.readFile(admin(), "feed.json", feed)).isEqualTo("[]");
    }

    @Test
    void filesThatAreNotFeedsAreRefusedKindly() {
        signIn("admin");
        assertThatThrownBy(() -> importer.preview("hello, this is not json")).isInstanceOf(InputProblem.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> importer.preview("{\"total_items\": 0}")).isInstanceOf(InputProblem.class)
                .hasMessageContaining("Open Referral UK");
        assertThatThrownBy(() -> importer.fetch("file:///etc/passwd")).isInstanceOf(InputProblem.class);
    }

    /** Server-side request forgery: a web address must not make the portal read this machine or its network. */
    @Test
    void webAddressesOnThisMachineOrAPrivateNetworkAreRefused() {
        signIn("admin");
        for (String url : new String[] {"http://127.0.0.1:9/feed.json", "http://localhost/feed.json",
                "http://10.1.2.3/feed.json", "http://192.168.0.1/", "http://172.16.5.4/", "http://169.254.169.254/latest/",
                "http://[::1]/feed.json", "http://[fd00::1]/", "http://0.0.0.0/", "http://100.64.0.1/"}) {
            assertThatThrownBy(() -> importer.fetch(url)).as(url).isInstanceOf(InputProblem.class)
                    .hasMessageContaining("private network");
        }
        assertThatThrownBy(() -> importer.fetch("ftp://example.org/feed.json")).isInstanceOf(InputProblem.class)
                .hasMessageContaining("https://");
    }

    @Test
    void aFeedIsFetchedFollowingAFewRedirectsEachOfThemChecked() throws Exception {
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed.json", ex -> {
            byte[] body = "[{\"id\": \"x\"}]".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/moved", ex -> {
            ex.getResponseHeaders().add("Location", "/feed.json");
            ex.sendResponseHeaders(301, -1);
            ex.close();
        });
        server.createContext("/loop", ex -> {
            ex.getResponseHeaders().add("Location", "/loop");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.createContext("/broken", ex -> {
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        server.start();
        // only a test may read from this machine: the feed server here is on 127.0.0.1
        var target = org.springframework.test.util.AopTestUtils.<DirectoryImport>getTargetObject(importer);
        org.springframework.test.util.ReflectionTestUtils.setField(target, "allowPrivateAddresses", true);
        try {
            signIn("admin");
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            assertThat(importer.fetch(base + "/feed.json")).isEqualTo("[{\"id\": \"x\"}]");
            assertThat(importer.fetch(base + "/moved")).isEqualTo("[{\"id\": \"x\"}]");
            assertThatThrownBy(() -> importer.fetch(base + "/loop")).isInstanceOf(InputProblem.class)
                    .hasMessageContaining("too many times");
            assertThatThrownBy(() -> importer.fetch(base + "/broken")).isInstanceOf(InputProblem.class)
                    .hasMessageContaining("(500)");
        } finally {
            org.springframework.test.util.ReflectionTestUtils.setField(target, "allowPrivateAddresses", false);
            server.stop(0);
        }
    }

    @Test
    void onlyAdminsImport() {
        signIn("worker.sam");
        assertThatThrownBy(() -> importer.preview("[]")).isInstanceOf(AuthorizationDeniedException.class);
    }
}
