package org.village.directory.api;

/** Great-circle distance, for checking the database's own sums. Same Earth radius as the directory. */
final class Distances {

    private Distances() {
    }

    static double metres(double lat1, double lng1, double lat2, double lng2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLng = Math.toRadians(lng2 - lng1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLng / 2), 2);
        return 2 * org.village.directory.internal.ServiceStore.EARTH_RADIUS_METRES * Math.asin(Math.sqrt(a));
    }
}
