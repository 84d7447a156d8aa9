package org.village.layout;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * An option for partnerships whose families share devices: when {@code village.tab-title} (env
 * VILLAGE_TAB_TITLE) is set, every browser tab shows that neutral title instead of the page's own
 * ("Sign in", "Families" ...). The favicon option lives in {@link org.village.Application}.
 */
@Component
class TabDisguise implements VaadinServiceInitListener {

    private final String title;

    TabDisguise(@Value("${village.tab-title:}") String title) {
        this.title = title.strip();
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        if (title.isEmpty()) {
            return;
        }
        // Vaadin sets the page's own title after the after-navigation listeners, so ours is set just
        // before the response goes out, when navigation has finished.
        event.getSource().addUIInitListener(init -> {
            var ui = init.getUI();
            ui.addAfterNavigationListener(nav -> ui.beforeClientResponse(ui, context -> ui.getPage().setTitle(title)));
        });
    }
}
