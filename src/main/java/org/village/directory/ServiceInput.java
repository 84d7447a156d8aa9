package org.village.directory;

import java.time.LocalDate;
import java.util.List;
import org.village.directory.ServiceDetail.Address;
import org.village.directory.ServiceDetail.Exploitation;
import org.village.directory.ServiceDetail.Referral;
import org.village.helpnow.OpeningHours;

/** A service as an admin, the seed or an import gives it; checked by {@link DirectoryService} before saving. */
public record ServiceInput(String slug, String name, String organization, String organizationUrl, String whatTheyDo,
                           String whatTheyDont, String forWho, Integer minAge, Integer maxAge,
                           Exploitation exploitation, List<String> audiences, List<String> needs, List<String> areas,
                           Referral referral, String referralHow, String howTheyContact, OpeningHours hours,
                           boolean outOfHours, List<String> languages, String cost, String phone, String email,
                           String url, Address address, boolean comesToYou, LocalDate lastChecked) {

    public ServiceInput {
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
        needs = needs == null ? List.of() : List.copyOf(needs);
        areas = areas == null ? List.of() : List.copyOf(areas);
        languages = languages == null ? List.of() : List.copyOf(languages);
        hours = hours == null ? new OpeningHours(false, List.of()) : hours;
    }
}
