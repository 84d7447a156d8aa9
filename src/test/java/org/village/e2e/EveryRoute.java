package org.village.e2e;

import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ScannedGenericBeanDefinition;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.TestAccounts;
import org.village.TestText;
import org.village.notification.Notifications;

/** One example of every page, as the person who may open it: for the journeys that go through them all. */
final class EveryRoute {

    private EveryRoute() {
    }

    /** Who opens the page: null for anyone, else a demo account and its password. */
    record Visit(String path, String user, String password) {
        static Visit anyone(String path) {
            return new Visit(path, null, null);
        }
    }

    /** One example of every @Route in src/main/java (grep "@Route("), plus a deep unknown address. */
    static List<Visit> visits(JdbcClient jdbc, Notifications notifications, TransactionTemplate transactions) {
        String guide = jdbc.sql("SELECT slug FROM guide WHERE published_at IS NOT NULL ORDER BY id LIMIT 1")
                .query(String.class).single();
        long guideId = jdbc.sql("SELECT id FROM guide ORDER BY id LIMIT 1").query(Long.class).single();
        String service = jdbc.sql("SELECT slug FROM dir_service WHERE withdrawn_at IS NULL ORDER BY id LIMIT 1")
                .query(String.class).single();
        long family = jdbc.sql("SELECT fw.family_id FROM family_worker fw JOIN user_account u ON u.id = fw.worker_id "
                + "WHERE u.username = 'worker.alex' ORDER BY fw.family_id LIMIT 1").query(Long.class).single();
        var parent = new String[] {"parent.a", "sunny-garden-path"};
        var worker = new String[] {"worker.alex", "blue-river-stones"};
        var admin = new String[] {"admin", "quiet-harbour-lamp"};
        var visits = new ArrayList<Visit>(List.of(
                Visit.anyone(""), Visit.anyone("staying-safe"), Visit.anyone("help-now"), Visit.anyone("guides"),
                Visit.anyone("guides/" + guide), Visit.anyone("guides/search?q=school"), Visit.anyone("jargon-buster"),
                Visit.anyone("services"), Visit.anyone("services/" + service), Visit.anyone("join"),
                Visit.anyone("login"), Visit.anyone("reset"), Visit.anyone("setup"),
                Visit.anyone("guides/some/deep/page")));
        for (String path : List.of("team", "profile", "account", "notifications", "account/notifications", "sessions",
                "sessions?type=none", "my-sessions")) {
            visits.add(new Visit(path, parent[0], parent[1]));
        }
        long forumCategory = jdbc.sql("SELECT id FROM forum_category ORDER BY id LIMIT 1").query(Long.class).single();
        long forumTopic = jdbc.sql("SELECT id FROM forum_topic WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1")
                .query(Long.class).single();
        for (String path : List.of("forum", "forum/category/" + forumCategory, "forum/topic/" + forumTopic, "forum/new",
                "forum/search?q=court")) {
            visits.add(new Visit(path, parent[0], parent[1]));
        }
        long chatRoom = jdbc.sql("SELECT id FROM chat_room WHERE audience = 'EVERYONE' ORDER BY id LIMIT 1")
                .query(Long.class).single();
        for (String path : List.of("chat", "chat/" + chatRoom)) {
            visits.add(new Visit(path, parent[0], parent[1]));
        }
        // a notification's address shows the page it points to (the team page here); told to a copy of parent.a (same family, same
        // password), so no other journey's count of parent.a's notifications moves
        String copy = "exit.n." + TestText.letters(8).toLowerCase();
        long copyId = TestAccounts.copy(jdbc, parent[0], copy, "Exit " + TestText.letters(6), "PARENT");
        long notification = transactions.execute(tx -> notifications.tell(copyId, "team", "notification.team.removed",
                "/team"));
        visits.add(new Visit("notifications/" + notification, copy, parent[1]));
        for (String path : List.of("families", "families/new", "team/" + family, "profile/" + family, "staff/guides",
                "staff/guides/" + guideId, "staff/jargon-buster", "moderation/watched-words", "moderation/queue", "today",
                "moderation/rota", "booking/calendar", "booking/availability", "booking/types")) {
            visits.add(new Visit(path, worker[0], worker[1]));
        }
        for (String path : List.of("admin/guide-settings", "admin/services", "admin/staff", "admin/audit",
                "admin/sent-emails")) {
            visits.add(new Visit(path, admin[0], admin[1]));
        }
        return visits;
    }

    /** The {@code @Route}s of src/main that no visit opens: none, so a new page is in the journeys from the day it is added. */
    static List<String> withoutAVisit(List<Visit> visits) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        var paths = visits.stream().map(v -> v.path().replaceAll("[?#].*", "")).toList();
        var missing = new ArrayList<String>();
        for (var candidate : scanner.findCandidateComponents("org.village")) {
            if (candidate instanceof ScannedGenericBeanDefinition scanned
                    && scanned.getResource().getDescription().contains("test-classes")) {
                continue; // pages the tests make for themselves
            }
            Route route;
            try {
                route = Class.forName(candidate.getBeanClassName()).getAnnotation(Route.class);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            // ":name" is one segment, ":name?" is one segment or none
            String pattern = route.value().replaceAll("/:[A-Za-z]+\\?", "(/[^/]+)?").replaceAll(":[A-Za-z]+", "[^/]+");
            if (paths.stream().noneMatch(p -> p.matches(pattern))) {
                missing.add(route.value());
            }
        }
        return missing;
    }

}
