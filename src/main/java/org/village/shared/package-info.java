/**
 * Small types every feature shares: role names, the append-only audit log, the clock and time zone,
 * and the database set-up (embedded MariaDB or an external server).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        allowedDependencies = {})
package org.village.shared;
