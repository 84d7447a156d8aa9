package org.village.shared.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.renderer.Renderer;
import java.util.List;

/**
 * Staff grids on a phone: when the grid is narrower than its columns need, the columns give way to one
 * column of stacked cards holding the same facts and actions, so nobody has to scroll sideways inside a
 * table. The grid keeps paging through the database either way.
 *
 * <p>The grid measures its own width in the browser (a ResizeObserver), not the window's, so a grid in
 * a narrow part of a wide page stacks too. Only a change of mode makes a round trip.
 */
public final class StackedGrid<T> {

    private final Grid<T> grid;
    private final List<Grid.Column<T>> columns;
    private final Grid.Column<T> card;
    private final boolean wrapsAnyway;
    private boolean narrow;

    private StackedGrid(Grid<T> grid, Renderer<T> cardRenderer, String cardHeader, int widthNeeded) {
        this.grid = grid;
        this.columns = List.copyOf(grid.getColumns());
        this.wrapsAnyway = grid.getThemeNames().contains(GridVariant.WRAP_CELL_CONTENT.getVariantName());
        this.card = grid.addColumn(cardRenderer).setHeader(cardHeader).setFlexGrow(1);
        card.setVisible(false);
        grid.addClassName("stacking-grid");
        grid.getElement().addEventListener("village-narrow", e -> show(e.getEventData().get("event.detail").asBoolean()))
                .addEventData("event.detail");
        grid.addAttachListener(e -> grid.getElement().executeJs("""
                const grid = this;
                if (grid.__villageStack) grid.__villageStack.disconnect();
                let last = null;
                grid.__villageStack = new ResizeObserver(() => {
                  const width = grid.getBoundingClientRect().width;
                  if (width === 0) return; // hidden: keep the mode it had
                  const narrow = width < $0;
                  if (narrow !== last) {
                    last = narrow;
                    grid.dispatchEvent(new CustomEvent('village-narrow', {detail: narrow}));
                  }
                });
                grid.__villageStack.observe(grid);""", widthNeeded));
    }

    /**
     * Call after adding the grid's columns and theme variants. Below {@code widthNeeded} CSS pixels of grid width, those
     * columns are hidden and one column rendered by {@code card} (headed {@code cardHeader}) shows instead.
     */
    public static <T> StackedGrid<T> below(int widthNeeded, Grid<T> grid, String cardHeader, Renderer<T> card) {
        return new StackedGrid<>(grid, card, cardHeader, widthNeeded);
    }

    /** True while the grid shows cards. */
    public boolean isNarrow() {
        return narrow;
    }

    void show(boolean narrow) {
        this.narrow = narrow;
        columns.forEach(c -> c.setVisible(!narrow));
        card.setVisible(narrow);
        grid.setClassName("stacked", narrow);
        if (narrow) {
            grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        } else if (!wrapsAnyway) {
            grid.removeThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        }
    }
}
