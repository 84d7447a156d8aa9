package org.village.shared;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Time comes from the {@code Clock} bean (decision 061), so that tests can set it and every part of the portal agrees
 * on what "now" is. Reading the wall clock any other way ({@code LocalDate.now()}, {@code now(zone)},
 * {@code Instant.now()}, {@code System.currentTimeMillis()}, {@code new Date()}...) is refused everywhere except in
 * {@link Times}, which makes the bean. {@code System.nanoTime()} measures durations, not the time of day, and stays
 * allowed.
 */
class TimeComesFromTheClockTest {

    private static final Set<String> TIME_TYPES = Set.of("java.time.Instant", "java.time.LocalDate",
            "java.time.LocalDateTime", "java.time.LocalTime", "java.time.ZonedDateTime", "java.time.OffsetDateTime",
            "java.time.OffsetTime", "java.time.Year", "java.time.YearMonth", "java.time.MonthDay");

    static final DescribedPredicate<JavaCall<?>> WALL_CLOCK = new DescribedPredicate<>(
            "read the wall clock without the Clock bean") {
        @Override
        public boolean test(JavaCall<?> call) {
            var target = call.getTarget();
            String owner = target.getOwner().getName();
            String name = target.getName();
            List<String> parameters = target.getRawParameterTypes().stream().map(JavaClass::getName).toList();
            if (TIME_TYPES.contains(owner) && name.equals("now")) {
                return !parameters.equals(List.of("java.time.Clock"));
            }
            return owner.equals("java.lang.System") && name.equals("currentTimeMillis")
                    || owner.equals("java.time.Clock") && name.startsWith("system")
                    || owner.equals("java.util.Date") && name.equals("<init>") && parameters.isEmpty()
                    || owner.equals("java.util.Calendar") && name.equals("getInstance");
        }
    };

    static final ArchRule TIME_FROM_THE_CLOCK = noClasses().that().doNotHaveFullyQualifiedName(Times.class.getName())
            .should().callCodeUnitWhere(WALL_CLOCK)
            .because("time comes from the Clock bean, so that tests can set it (decision 061)");

    @Test
    void thePortalReadsTimeOnlyFromTheClock() {
        var portal = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.village");
        assertThat(portal).as("the portal's classes were found").hasSizeGreaterThan(50);
        TIME_FROM_THE_CLOCK.check(portal);
    }

    /** The rule is not empty: it catches each way of reading the wall clock, and lets the Clock and nanoTime through. */
    @Test
    void theRuleCatchesTheWallClock() {
        var offenders = new ClassFileImporter().importClasses(ReadsTheWallClock.class, ReadsTheDateInAZone.class,
                ReadsMillis.class);
        for (var offender : offenders) {
            assertThat(TIME_FROM_THE_CLOCK.evaluate(new ClassFileImporter().importClasses(offender.reflect()))
                    .hasViolation()).as(offender.getSimpleName()).isTrue();
        }
        assertThat(TIME_FROM_THE_CLOCK.evaluate(new ClassFileImporter().importClasses(UsesTheClock.class))
                .hasViolation()).isFalse();
    }

    static final class ReadsTheWallClock {
        Instant at() {
            return Instant.now();
        }
    }

    static final class ReadsTheDateInAZone {
        LocalDate today() {
            return LocalDate.now(Times.ZONE);
        }
    }

    static final class ReadsMillis {
        long at() {
            return System.currentTimeMillis();
        }
    }

    static final class UsesTheClock {
        LocalDate today(java.time.Clock clock) {
            return LocalDate.now(clock.withZone(Times.ZONE));
        }

        long took(long start) {
            return System.nanoTime() - start;
        }
    }
}
