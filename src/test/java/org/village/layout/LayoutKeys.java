package org.village.layout;

import java.util.Collection;

/** Lets tests outside the layout package name the keys the layout builds from menu titles. */
public final class LayoutKeys {

    private LayoutKeys() {
    }

    public static String menuKey(String title) {
        return MainLayout.menuKey(title);
    }

    public static Collection<String> staffTitles() {
        return MainLayout.STAFF_TITLES.values();
    }
}
