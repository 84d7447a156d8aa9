/**
 * The directory published as an Open Referral UK (HSDS 3.0 UK profile) read-only JSON API under
 * {@code /api/oruk/}: public, no key, CORS open to every origin, as the UK compliance rules ask.
 */
package org.village.directory.api;
