package org.village.moderation.ui;

import java.util.Optional;
import org.village.moderation.UrgentAlerts;
import org.village.security.CurrentUser;
import org.village.shared.Capability;
import org.village.shared.ui.PageChrome;

/** Adds the live urgent-alert banner to every page of a signed-in person who takes duty. */
@org.springframework.stereotype.Component
class UrgentBannerChrome implements PageChrome {

    private final UrgentAlerts alerts;
    private final CurrentUser currentUser;

    UrgentBannerChrome(UrgentAlerts alerts, CurrentUser currentUser) {
        this.alerts = alerts;
        this.currentUser = currentUser;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> build() {
        return currentUser.get().filter(u -> u.can(Capability.TAKE_DUTY)).map(u -> new UrgentBanner(alerts));
    }
}
