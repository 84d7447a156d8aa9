package org.village.moderation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.village.helpnow.OpeningHours;

/**
 * The rota as a value: people in order, each with their hours in the one opening-hours model (decision 058), so
 * "who is on duty at this moment" needs no database and is the same on every node. Hours past midnight, dated
 * exceptions and clock changes are the model's own rules.
 */
public record RotaPlan(List<Place> places) {

    public RotaPlan {
        places = places == null ? List.of() : List.copyOf(places);
    }

    /** One person's place: first in the list is asked first. */
    public record Place(long accountId, String name, OpeningHours hours) {
        public boolean onDutyAt(Instant at) {
            return hours.isOpen(at);
        }
    }

    /** Who is on duty then, in rota order (empty when nobody is: out of hours). */
    public List<OnDuty> onDutyAt(Instant at) {
        return places.stream().filter(p -> p.onDutyAt(at)).map(p -> new OnDuty(p.accountId(), p.name())).toList();
    }

    /** True when at least one person is on duty then. */
    public boolean staffed(Instant at) {
        return places.stream().anyMatch(p -> p.onDutyAt(at));
    }

    /**
     * The next person to come on duty after {@code after} who is not on duty then, with the moment they start (within
     * a week); the earliest start wins, and rota order breaks a tie.
     */
    public Optional<Upcoming> nextOnDuty(Instant after) {
        Upcoming best = null;
        for (Place p : places) {
            if (p.onDutyAt(after)) {
                continue;
            }
            var start = p.hours().nextOpening(after);
            if (start.isPresent() && (best == null || start.get().isBefore(best.from()))) {
                best = new Upcoming(new OnDuty(p.accountId(), p.name()), start.get());
            }
        }
        return Optional.ofNullable(best);
    }

    /** When the portal is next staffed after an unstaffed moment (empty when staffed now or never). */
    public Optional<Instant> nextStaffed(Instant after) {
        if (staffed(after)) {
            return Optional.empty();
        }
        return places.stream().map(p -> p.hours().nextOpening(after)).flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
    }

    /** A person on duty. */
    public record OnDuty(long accountId, String name) {
    }

    /** Someone coming on duty, and when. */
    public record Upcoming(OnDuty person, Instant from) {
    }
}
