package org.village.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.village.helpnow.OpeningHours;

/** Everything the directory knows about one service, in the words a parent reads. */
public record ServiceDetail(long id, String uuid, String slug, String name, String organization,
                            String organizationUrl, String whatTheyDo, String whatTheyDont, String forWho,
                            Integer minAge, Integer maxAge, Exploitation exploitation, List<String> audiences,
                            List<Term> needs, List<Area> areas, Referral referral, String referralHow,
                            String howTheyContact, OpeningHours hours, boolean outOfHours, List<String> languages,
                            String cost, String phone, String email, String url, Address address, boolean comesToYou,
                            LocalDate lastChecked, boolean sample, Instant updatedAt, long version,
                            Withdrawal withdrawal) {

    public enum Exploitation { CSE, CCE, BOTH, ANY }

    public enum Referral { SELF, PROFESSIONAL, BOTH }

    /** Where to find it; lat/lng may be null when only the postcode is known. */
    public record Address(String line1, String city, String postcode, Double lat, Double lng) {
    }

    /** When, by whom and why an admin took the service out of the directory. */
    public record Withdrawal(Instant at, String by, String reason) {
    }

    /** Withdrawn services are kept for history but left out of the directory, search and the ORUK API. */
    public boolean withdrawn() {
        return withdrawal != null;
    }

    public ServiceInput toInput() {
        return new ServiceInput(slug, name, organization, organizationUrl, whatTheyDo, whatTheyDont, forWho, minAge,
                maxAge, exploitation, audiences, needs.stream().map(Term::code).toList(),
                areas.stream().map(Area::code).toList(), referral, referralHow, howTheyContact, hours, outOfHours,
                languages, cost, phone, email, url, address, comesToYou, lastChecked);
    }
}
