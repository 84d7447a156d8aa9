/**
 * What every JSON API under {@code /api/} shares: errors are always JSON ({@code status}, {@code error},
 * {@code message}, and {@code parameter} for a bad parameter), whatever the request asked for, and an unknown path
 * under {@code /api/} is a JSON 404 rather than the portal's HTML "not found" page or a sign-in redirect.
 */
package org.village.shared.api;
