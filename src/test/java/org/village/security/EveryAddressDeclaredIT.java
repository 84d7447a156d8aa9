package org.village.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.spring.annotation.VaadinTaskExecutor;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.ServletContext;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.task.TaskExecutor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.village.IntegrationTest;

/**
 * HTTP is closed by default (decision 060): every Vaadin route says who may open it, every address Spring answers has
 * a line in {@link HttpAccess#DECLARED}, and an address nobody declared is a 401, 403 or 404 with no content, for
 * people signed in with each role and for people not signed in.
 */
class EveryAddressDeclaredIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ServletContext servletContext;

    @Test
    void everyRouteSaysWhoMayOpenIt() {
        List<RouteData> routes = ApplicationRouteRegistry.getInstance(new VaadinServletContext(servletContext))
                .getRegisteredRoutes();
        assertThat(routes).isNotEmpty();
        var unmarked = new ArrayList<String>();
        for (var route : routes) {
            var view = route.getNavigationTarget();
            boolean marked = view.isAnnotationPresent(AnonymousAllowed.class) || view.isAnnotationPresent(PermitAll.class)
                    || view.isAnnotationPresent(RolesAllowed.class) || view.isAnnotationPresent(DenyAll.class);
            if (!marked) {
                unmarked.add(route.getTemplate() + " (" + view.getName() + ")");
            }
        }
        assertThat(unmarked).as("routes without @AnonymousAllowed, @PermitAll or @RolesAllowed").isEmpty();
    }

    @Test
    void everyAddressSpringAnswersIsDeclared() {
        var undeclared = new ArrayList<String>();
        int seen = 0;
        for (Map.Entry<String, HandlerMapping> bean : context.getBeansOfType(HandlerMapping.class).entrySet()) {
            var mapping = bean.getValue();
            if (mapping instanceof RequestMappingInfoHandlerMapping infos) {
                for (RequestMappingInfo info : infos.getHandlerMethods().keySet()) {
                    var methods = info.getMethodsCondition().getMethods();
                    for (String pattern : info.getPatternValues()) {
                        seen++;
                        if (methods.isEmpty() && !HttpAccess.declares(null, pattern)) {
                            undeclared.add("any " + pattern + " (" + bean.getKey() + ")");
                        }
                        for (RequestMethod method : methods) {
                            if (!HttpAccess.declares(method.name(), pattern)) {
                                undeclared.add(method + " " + pattern + " (" + bean.getKey() + ")");
                            }
                        }
                    }
                }
            } else if (mapping instanceof AbstractUrlHandlerMapping urls) {
                for (String pattern : urls.getHandlerMap().keySet()) {
                    seen++;
                    if (!HttpAccess.declares(null, pattern)) {
                        undeclared.add("any " + pattern + " (" + bean.getKey() + ")");
                    }
                }
            } else if (mapping instanceof RouterFunctionMapping functions) {
                assertThat(functions.getRouterFunction()).as("functional routes: declare them in HttpAccess and here").isNull();
            } else {
                undeclared.add("a kind of mapping this test cannot read: " + bean.getKey() + " " + mapping.getClass());
            }
        }
        // the portal's own controllers, the API and Vaadin's forwarding are all among them
        assertThat(seen).isGreaterThan(10);
        assertThat(undeclared).as("addresses with no line in HttpAccess.DECLARED").isEmpty();
    }

    @Test
    void undeclaredAddressesAreRefusedWithoutContentForEveryone() throws Exception {
        var people = new ArrayList<HttpClient>();
        people.add(client());
        for (String name : List.of("parent.a", "worker.sam", "admin")) {
            people.add(signedIn(name));
        }
        for (var person : people) {
            // the token APIs' folders (decision 076) ask for a token first, whatever the browser session: JSON, no page
            for (String method : List.of("GET", "HEAD", "POST")) {
                var response = send(person, method, "/api/chat/no-such-thing", null);
                assertThat(response.statusCode()).as(method + " token folder").isEqualTo(401);
                assertThat(response.body()).doesNotContain("<html", "Sunflower", "Robin", "Family A");
            }
            for (String path : List.of("/api/anything", "/api/nothing/rooms", "/api/oruk/../../x")) {
                for (String method : List.of("GET", "HEAD")) {
                    var response = send(person, method, path, null);
                    assertThat(response.statusCode()).as(method + " " + path).isIn(400, 401, 403, 404);
                    assertThat(response.body()).as(path).doesNotContain("<html", "Sunflower", "Robin", "Family A");
                }
                assertThat(send(person, "GET", path, null).body()).as(path).containsAnyOf("There is nothing at",
                        "not in a form this API understands");
            }
            for (String path : List.of("/x/y", "/actuator", "/actuator/env", "/actuator/beans", "/webjars/x.js",
                    "/application.yml", "/db/migration/V1__start.sql", "/org/village/Application.class",
                    "/META-INF/resources/village.css", "/VAADIN/../application.yml")) {
                var response = send(person, "GET", path, "text/html");
                assertThat(response.statusCode()).as(path).isIn(400, 401, 403, 404);
                assertNoContent(path, response);
                var post = send(person, "POST", path, "text/html");
                assertThat(post.statusCode()).as("POST " + path).isIn(400, 401, 403, 404);
                assertNoContent("POST " + path, post);
            }
        }
    }

    @Test
    void declaredAddressesStillAnswer() throws Exception {
        var anyone = client();
        assertThat(send(anyone, "GET", "/village.css", null).statusCode()).isEqualTo(200);
        assertThat(send(anyone, "GET", "/quick-exit.js", null).statusCode()).isEqualTo(200);
        assertThat(send(anyone, "GET", "/icons/favicon.svg", null).statusCode()).isEqualTo(200);
        assertThat(send(anyone, "GET", "/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(send(anyone, "GET", "/api/oruk/services", null).statusCode()).isEqualTo(200);
        assertThat(send(anyone, "GET", "/", "text/html").statusCode()).isEqualTo(200);
        assertThat(send(anyone, "GET", "/login", "text/html").statusCode()).isEqualTo(200);
        // a page that needs signing in still leads to the sign-in page, not to a 404
        var staff = send(anyone, "GET", "/admin/staff", "text/html");
        assertThat(staff.statusCode()).isIn(200, 302);
        if (staff.statusCode() == 302) {
            assertThat(staff.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        }
    }

    @Test
    void vaadinHasItsOwnExecutorSoAnotherOneCannotStopItStarting() {
        assertThat(context.getBean(VaadinTaskExecutor.NAME)).isInstanceOf(TaskExecutor.class);
        // Spring's own executor is there too (spring.task.execution.mode: force)
        assertThat(context.getBeansOfType(TaskExecutor.class)).containsKey("applicationTaskExecutor");
    }

    /**
     * Either nothing, or the kind "not found" page: never a file, a list or anyone's data. Tomcat refuses
     * {@code /META-INF/} itself, before the application, with the server's own plain error page.
     */
    private static void assertNoContent(String what, HttpResponse<String> response) {
        String body = response.body();
        if (what.contains("/META-INF/") && body.contains("status=404")) {
            assertThat(body).as(what).contains("Whitelabel Error Page");
        } else if (!body.isBlank()) {
            assertThat(body).as(what).contains("We could not find that page");
        }
        // the kind page shows the signed-in person's own name in the menu, but nobody else's data
        assertThat(body).as(what).doesNotContain("Robin", "Family A (sample)", "Family B (sample)", "village:", "spring:",
                "CREATE TABLE", "\"_links\"", "--lumo-primary-color");
    }

    private HttpResponse<String> send(HttpClient client, String method, String path, String accept) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (accept != null) {
            request.header("Accept", accept);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieManager()).build();
    }

    /** Signs in through the form, as a browser does; the client keeps the session cookie. */
    private HttpClient signedIn(String username) throws Exception {
        String password = DemoAccounts.ACCOUNTS.stream().filter(d -> d.username().equals(username)).findFirst()
                .orElseThrow().password();
        return org.village.HttpSignIn.as(null, port, username, password);
    }
}
