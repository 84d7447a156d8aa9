package org.village.shared.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A part of a worker's start page ("Today"). Each feature that has something for today contributes a Spring bean:
 * moderation (urgent items, the queue's counts, who is on duty, recent reports), chat (rooms I am on duty for) and
 * booking (today's and tomorrow's sessions). The Today page shows them in {@link #order()}, and leaves out any that
 * return empty, so a part is shown only to those it is for and only when it works. Each bean checks the signed-in
 * person's capabilities itself, in its service layer.
 */
public interface TodaySection {

    /** Lower comes first: urgent items use 0, the queue 100, the rota 200, chat 300, booking 400. */
    int order();

    /** The part for the signed-in person, built fresh for each visit, or empty when it is not for them. */
    Optional<Component> build();

    /** A part at {@code order} built by {@code build} (which checks who may see it). */
    static TodaySection of(int order, Supplier<Optional<Component>> build) {
        return new TodaySection() {
            @Override
            public int order() {
                return order;
            }

            @Override
            public Optional<Component> build() {
                return build.get();
            }
        };
    }
}
