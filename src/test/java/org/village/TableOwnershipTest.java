package org.village;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No module reads or writes another module's tables (issue 9 item 3, decision 063). Each table has one owner
 * module; the test reads every module's SQL (JdbcClient and {@code @Query} strings, {@code @Table}, {@code @Entity}
 * and {@code @CollectionTable}) and fails when a module names a table another module owns. A module that needs
 * another's data asks through that module's API. A new table in a migration must be given an owner here.
 */
class TableOwnershipTest {

    /** Owner module (the package under org.village) to the tables it alone may touch. */
    static final Map<String, Set<String>> OWNERS = Stream.<Map.Entry<String, Set<String>>>of(
            Map.entry("security", Set.of("user_account", "account_role", "invitation", "password_reset", "setup_code",
                    "sign_in_address", "sign_in_pair", "installation_key", "api_token")),
            Map.entry("families", Set.of("family", "child", "family_worker")),
            Map.entry("directory", Set.of("dir_area", "dir_area_district", "dir_service", "dir_service_area",
                    "dir_service_hours", "dir_service_dated_hours", "dir_service_taxonomy", "dir_taxonomy_term", "team_member", "team_event",
                    "family_profile", "family_profile_reader", "family_profile_share", "family_profile_view")),
            Map.entry("guides", Set.of("guide", "guide_category", "guide_revision", "guide_translation", "glossary_term",
                    "blaming_phrase", "content_version")),
            Map.entry("helpnow", Set.of("help_contact", "help_contact_hours", "help_contact_dated_hours")),
            //
            Map.entry("notification", Set.of("notification", "notification_setting", "notification_email")),
            //
            //
            Map.entry("moderation", Set.of("moderation_watched_word", "moderation_risk_phrase", "moderation_list_version",
                    "moderation_school")),
            // moderation queue, reports, sanctions (M adds here)
            Map.entry("moderation", Set.of("moderation_case", "moderation_report", "moderation_note", "moderation_sanction")),
            // duty rota and urgent alerts (D adds here)
            Map.entry("moderation", Set.<String>of("duty_rota_entry", "duty_setting", "urgent_alert",
                    "urgent_alert_recipient")),
            //
            //
            Map.entry("forum", Set.of("forum_category", "forum_topic", "forum_post", "forum_post_revision", "forum_reaction",
                    "forum_topic_follow", "forum_category_follow", "forum_read", "forum_change", "forum_writer")),
            //
            //
            // chat rooms, messages, members (C1 adds here)
            Map.entry("chat", Set.<String>of("chat_room", "chat_message", "chat_member")),
            // chat views (C2 adds here)
            Map.entry("chat", Set.<String>of()),
            // chat on several nodes (C3 adds here)
            Map.entry("shared", Set.<String>of()),
            // forum and moderation polish (P10 adds here)
            Map.entry("forum", Set.<String>of("forum_topic_count")),
            Map.entry("moderation", Set.<String>of("urgent_alert_change")),
            // booking polish (P13 adds here; booking4's outbox of tellings, decision 105)
            Map.entry("booking", Set.<String>of("booking_telling")),
            //
            //
            Map.entry("booking", Set.of("booking_type", "booking_session")),
            // bookings, waiting list, offers (B1 adds here)
            Map.entry("booking", Set.of("booking_family", "booking", "booking_member", "shedlock")),
            // availability rules and exceptions (B2 adds here)
            Map.entry("booking", Set.<String>of("booking_worker", "booking_rule", "booking_rule_exception",
                    "booking_session_note")),
            //
            //
            // event_publication is Spring Modulith's registry (V14): only the library reads and writes it
            Map.entry("shared", Set.of("audit_log", "event_publication")))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue,
                    (a, b) -> Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet())));

    private static final Path SOURCES = Path.of("src/main/java/org/village");
    private static final Path MIGRATIONS = Path.of("db/migration");

    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    /** Plain SQL: upper-case keywords before a lower-case table name. */
    private static final Pattern SQL_TABLE = Pattern.compile(
            "\\b(?:FROM|JOIN|INTO|UPDATE|TABLE|EXISTS)\\s+(?:IGNORE\\s+)?([a-z][a-z0-9_]*)\\b");
    /** JPQL: an entity name after from/join. */
    private static final Pattern JPQL_ENTITY = Pattern.compile("\\b(?:from|join|FROM|JOIN)\\s+([A-Z][A-Za-z0-9]*)\\b");
    private static final Pattern TABLE_NAME = Pattern.compile("@(?:Table|CollectionTable)\\s*\\(\\s*name\\s*=\\s*\"([a-z_0-9]+)\"");
    private static final Pattern ENTITY = Pattern.compile("@Entity\\b[^{]*?\\bclass\\s+([A-Z][A-Za-z0-9]*)", Pattern.DOTALL);

    @Test
    void everyTableInTheMigrationsHasExactlyOneOwner() throws IOException {
        var owned = new TreeMap<String, List<String>>();
        OWNERS.forEach((module, tables) -> tables.forEach(t -> owned.computeIfAbsent(t, k -> new ArrayList<>()).add(module)));
        assertThat(owned).as("tables with more than one owner").allSatisfy((t, modules) -> assertThat(modules).hasSize(1));
        var created = createdTables();
        assertThat(created).as("the migrations were read").contains("family", "user_account", "team_member");
        assertThat(owned.keySet()).as("every table made by a migration has an owner in OWNERS")
                .containsAll(created);
        assertThat(created).as("every owned table exists").containsAll(owned.keySet());
    }

    @Test
    void noModuleTouchesAnotherModulesTables() throws IOException {
        var used = tablesUsedByModule();
        // the scan finds what each module really uses, so a pass means something
        assertThat(used.get("families")).contains("family", "child", "family_worker");
        assertThat(used.get("security")).contains("user_account", "account_role", "invitation");
        assertThat(used.get("directory")).contains("team_member", "dir_service", "family_profile");

        var trespass = new TreeSet<String>();
        used.forEach((module, tables) -> tables.forEach(table -> OWNERS.forEach((owner, owns) -> {
            if (!owner.equals(module) && owns.contains(table)) {
                trespass.add(module + " uses " + owner + "'s table " + table);
            }
        })));
        assertThat(trespass).as("ask the owning module's API instead").isEmpty();
    }

    @Test
    void theScanFindsTablesInJoinedStringsQueriesAndEntities() {
        String source = "jdbc.sql(\"SELECT c.family_id, c.id FROM child c JOIN \"\n + \"family f ON f.id = c.family_id\")\n"
                + "@Query(value = \"INSERT IGNORE INTO family_worker (family_id) VALUES (?1)\", nativeQuery = true)\n"
                + "@Query(\"select a from UserAccount a join a.roles r\")\n"
                + "@CollectionTable(name = \"account_role\")\n"
                + "String words = \"Choose from the list\";";
        assertThat(tablesIn(source, Map.of("UserAccount", "user_account")))
                .contains("child", "family", "family_worker", "user_account", "account_role")
                .doesNotContain("the");
    }

    /** Module name to the tables its main code names, found file by file. */
    static Map<String, Set<String>> tablesUsedByModule() throws IOException {
        var used = new TreeMap<String, Set<String>>();
        var entityTables = entityTables();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String module = SOURCES.relativize(file).getName(0).toString();
                if (module.endsWith(".java")) {
                    continue; // Application.java
                }
                var tables = used.computeIfAbsent(module, k -> new TreeSet<>());
                String source = Files.readString(file);
                tables.addAll(tablesIn(source, entityTables));
            }
        }
        return used;
    }

    static Set<String> tablesIn(String source, Map<String, String> entityTables) {
        var tables = new TreeSet<String>();
        // "SELECT ... FROM " + "family f": join adjacent literals first
        String joined = source.replaceAll("\"\\s*\\+\\s*\"", "");
        var strings = new ArrayList<String>();
        Matcher blocks = TEXT_BLOCK.matcher(joined);
        while (blocks.find()) {
            strings.add(blocks.group(1));
        }
        Matcher literals = LITERAL.matcher(TEXT_BLOCK.matcher(joined).replaceAll(""));
        while (literals.find()) {
            strings.add(literals.group(1));
        }
        for (String s : strings) {
            Matcher sql = SQL_TABLE.matcher(s);
            while (sql.find()) {
                tables.add(sql.group(1));
            }
            Matcher jpql = JPQL_ENTITY.matcher(s);
            while (jpql.find()) {
                String table = entityTables.get(jpql.group(1));
                if (table != null) {
                    tables.add(table);
                }
            }
        }
        Matcher named = TABLE_NAME.matcher(source);
        while (named.find()) {
            tables.add(named.group(1));
        }
        Matcher entity = ENTITY.matcher(source);
        if (entity.find()) {
            tables.add(entityTables.get(entity.group(1)));
        }
        // words after FROM in prose land here too; only names in OWNERS are ever compared
        return tables;
    }

    /** Entity class name to its table: {@code @Table(name)} or the class name in snake case. */
    static Map<String, String> entityTables() throws IOException {
        var map = new TreeMap<String, String>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher entity = ENTITY.matcher(source);
                if (entity.find()) {
                    Matcher table = Pattern.compile("@Table\\s*\\(\\s*name\\s*=\\s*\"([a-z_0-9]+)\"").matcher(source);
                    map.put(entity.group(1), table.find() ? table.group(1)
                            : entity.group(1).replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase());
                }
            }
        }
        return map;
    }

    static Set<String> createdTables() throws IOException {
        var created = new TreeSet<String>();
        var dropped = new TreeSet<String>();
        Pattern create = Pattern.compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?`?([a-z_0-9]+)`?");
        Pattern drop = Pattern.compile("(?i)DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?`?([a-z_0-9]+)`?");
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                String sql = Files.readString(file);
                create.matcher(sql).results().forEach(m -> created.add(m.group(1).toLowerCase()));
                drop.matcher(sql).results().forEach(m -> dropped.add(m.group(1).toLowerCase()));
            }
        }
        created.removeAll(dropped);
        return created.stream().collect(Collectors.toCollection(TreeSet::new));
    }
}
