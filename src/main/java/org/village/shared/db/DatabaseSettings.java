package org.village.shared.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code village.db.*}: set {@code url} (env VILLAGE_DB_URL) to use an external MySQL 8 or MariaDB;
 * leave it empty for the embedded MariaDB whose data lives in {@code embedded.folder}
 * (a temporary folder when that is empty, as in tests).
 */
@ConfigurationProperties("village.db")
public record DatabaseSettings(String url, String user, String password,
                               @DefaultValue("10") int poolSize,
                               @DefaultValue Embedded embedded) {

    public boolean external() {
        return url != null && !url.isBlank();
    }

    public record Embedded(Path folder, @DefaultValue("village") String database) {
    }
}
