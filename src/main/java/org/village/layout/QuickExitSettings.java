package org.village.layout;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code village.quick-exit.url}: the neutral site the quick exit goes to (env VILLAGE_QUICK_EXIT_URL). */
@ConfigurationProperties("village.quick-exit")
public record QuickExitSettings(@DefaultValue("https://www.bbc.co.uk/weather") URI url) {
}
