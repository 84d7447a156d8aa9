/**
 * Telling people things: messages inside the portal (a bell with a count on every page, and a list) and, for those who
 * ask for it, a discreet e-mail. Other features call {@link org.village.notification.Notifications#tell} and
 * {@link org.village.notification.Emails#send}; this module also reacts to events that already exist (an invitation
 * used, a team entry taken off, an account made to wait). E-mails go out from an event listener so the event
 * publication registry keeps any that fail and they are sent later (decisions 070, 071, 072).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"directory", "security", "shared"})
package org.village.notification;
