package org.village;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Village: a portal for parents and carers whose children have been, or are at risk of being, exploited.
 * The app shell sets what every page shares: push, the Lumo theme, our own stylesheet and the quick-exit script.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("/village.css")
@Meta(name = "referrer", content = "no-referrer")
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        // A neutral title and icon: the browser tab should not say what the site is about.
        // VILLAGE_TAB_TITLE / VILLAGE_TAB_ICON=plain: a tab that does not say what the site is (see TabDisguise)
        String tabTitle = System.getenv().getOrDefault("VILLAGE_TAB_TITLE", "");
        settings.setPageTitle(tabTitle.isBlank() ? "Village" : tabTitle);
        boolean plainIcon = "plain".equalsIgnoreCase(System.getenv().getOrDefault("VILLAGE_TAB_ICON", ""));
        settings.addFavIcon("icon", plainIcon ? "/icons/plain.svg" : "/icons/favicon.svg", "any");
        settings.addMetaTag("viewport", "width=device-width, initial-scale=1");
        // Loaded from our own origin (CSP 'self'), before Vaadin boots, so Shift x3 works at once. The path is
        // absolute: this tag comes before Vaadin's <base href="./..">, so "quick-exit.js" would be looked up
        // under /guides/ on a deep address, and be missing there.
        settings.addInlineWithContents(Inline.Position.PREPEND,
                "<script src=\"/quick-exit.js\"></script>", Inline.Wrapping.NONE);
    }
}
